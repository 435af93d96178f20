import ArgumentParser
import Foundation

/// `--threads`, for every command that runs projections: this machine's cores by default,
/// between 1 and 1024.
struct ThreadsOption: ParsableArguments {
  @Option(help: "Worker threads; the default is this machine's number of cores.")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    guard (1...1024).contains(threads) else {
      throw ValidationError("--threads must be between 1 and 1024 (got \(threads))")
    }
  }
}
