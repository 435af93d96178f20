import ArgumentParser
import CityModel
import Foundation

/// Options shared by `run`, `compare` and `sensitivity`: how many runs, which seed, how many threads.
struct SimulationOptions: ParsableArguments {
  @Option(help: "Number of Monte Carlo runs (default: the scenario's `runs`).")
  var runs: Int?

  @Option(help: "Random seed (default: the scenario's `seed`).")
  var seed: UInt64?

  @Option(help: "Worker threads (default: all cores).")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    if let runs, runs < 1 || runs > 100_000_000 {
      throw ValidationError("--runs must be between 1 and 100000000 (got \(runs))")
    }
    if threads < 1 || threads > 1024 {
      throw ValidationError("--threads must be between 1 and 1024 (got \(threads))")
    }
  }
}
