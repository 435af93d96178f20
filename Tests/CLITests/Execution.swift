import Foundation
import Testing

/// The result of running a program: its exit status and what it printed.
struct Execution {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// The repository's root folder.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `iccsim` binary built beside the test bundle.
let iccsimBinary: URL = {
  let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
    .flatMap { [$0, $0.deletingLastPathComponent()] }
    .map { $0.appendingPathComponent("iccsim") }
  guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
    fatalError("the iccsim binary was not found beside the tests (looked in \(candidates.map(\.path)))")
  }
  return binary
}()

/// Runs `executable` with `arguments` in the repository root, with a pinned terminal width and
/// crash backtraces off, and the iccsim binary's folder first on PATH.
func execute(_ arguments: [String], executable: URL = iccsimBinary) throws -> Execution {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.currentDirectoryURL = repositoryRoot
  var environment = ProcessInfo.processInfo.environment
  environment["COLUMNS"] = "120"
  environment["SWIFT_BACKTRACE"] = "enable=no"
  environment["PATH"] = iccsimBinary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
  process.environment = environment
  let out = Pipe(), err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  // Read both pipes to the end before waiting, so a full pipe cannot block the child.
  let stdout = out.fileHandleForReading.readDataToEndOfFile()
  let stderr = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return Execution(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
}
