import Foundation
import Testing
import _TestSupport

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
  let output = try runCapturingOutput(process)
  return Execution(status: output.status, stdout: String(decoding: output.stdout, as: UTF8.self),
                   stderr: String(decoding: output.stderr, as: UTF8.self))
}
