import Foundation

/// The result of running a program: its exit status and what it printed.
public struct Execution: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// The repository's root folder.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The `iccsim` binary built beside the test bundle.
public let iccsimBinary: URL = {
  let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
    .flatMap { [$0, $0.deletingLastPathComponent()] }
    .map { $0.appendingPathComponent("iccsim") }
  guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
    fatalError("the iccsim binary was not found beside the tests (looked in \(candidates.map(\.path)))")
  }
  return binary
}()

/// Runs `executable` with `arguments` in `directory` (the repository root unless given), with a
/// pinned terminal width (`columns`) and crash backtraces off, and the iccsim binary's folder first
/// on PATH. Standard output is captured, or goes to `standardOutput` when one is given (`stdout`
/// is then empty).
public func execute(
  _ arguments: [String], executable: URL = iccsimBinary, in directory: URL = repositoryRoot,
  standardOutput: FileHandle? = nil, columns: Int = 120
) throws -> Execution {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.currentDirectoryURL = directory
  var environment = ProcessInfo.processInfo.environment
  environment["COLUMNS"] = String(columns)
  environment["SWIFT_BACKTRACE"] = "enable=no"
  environment["PATH"] = iccsimBinary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
  process.environment = environment
  let output = try runCapturingOutput(process, standardOutput: standardOutput)
  return Execution(
    status: output.status, stdout: String(decoding: output.stdout, as: UTF8.self),
    stderr: String(decoding: output.stderr, as: UTF8.self))
}
