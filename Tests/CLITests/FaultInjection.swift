import Foundation
import Testing
import _TestSupport

/// Helpers of the fault-injection suites: a scratch folder per test, and the binary run with
/// standard output sent somewhere of the test's choosing.
enum FaultInjection {
  static let scenario = "scenarios/shanghai-baseline.yaml"
  static let alternative = "scenarios/shanghai-transport-first.yaml"
  static let fixtures = "Tests/EstimationTests/Fixtures"
  static let result = "Tests/ReportingTests/Fixtures/run-shanghai-flagship.json"
  static let calibrate = [
    "calibrate", "--data", "scenarios/data/city-panel.csv", "--model", "scenarios/models/icc-default.yaml",
    "--duplicates", "first",
  ]
  static let coverage = ["data", "coverage", "scenarios/data/city-panel.csv"]
  static let sobolShard = ["sensitivity", scenario, "--method", "sobol", "--samples", "8", "--shard", "1/2"]
  static let estimate = [
    "estimate", "--data", "\(fixtures)/simulated-panel.csv", "--model", "\(fixtures)/panel-model.yaml",
    "--response", "retail_sales",
  ]

  /// A new empty folder, removed when `body` returns.
  static func withFolder<T>(_ body: (String) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("iccsim-faults-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try body(folder)
  }

  /// Runs iccsim with standard output going to `output`; returns the status and standard error.
  static func run(_ arguments: [String], standardOutput output: FileHandle) throws -> (status: Int32, stderr: String) {
    let result = try execute(arguments, standardOutput: output)
    return (result.status, result.stderr)
  }

  /// A pipe whose reading end is already closed: every write to it fails with EPIPE.
  static func closedPipe() -> FileHandle {
    let pipe = Pipe()
    try? pipe.fileHandleForReading.close()
    return pipe.fileHandleForWriting
  }

  /// The names in `folder`, sorted, hidden ones included.
  static func names(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
  }

  /// Starts iccsim in the background (output discarded) and waits until `ready` holds.
  static func start(_ arguments: [String], until ready: () throws -> Bool) throws -> Process {
    let process = Process()
    process.executableURL = iccsimBinary
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(60)
    while try !ready(), Date() < deadline, process.isRunning { Thread.sleep(forTimeInterval: 0.02) }
    return process
  }

  static func contents(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }
}
