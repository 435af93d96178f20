import Foundation
import Simulation
import Testing
import _TestSupport

/// `--keep-runs` writes every run's values, complete or not at all; SIGINT leaves no output.
@Suite("Keep runs and interrupts")
struct KeepRunsAndInterruptTests {
  @Test func keptRunsReproduceTheSummary() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-keep-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let runs = folder.appendingPathComponent("runs.csv")
    let result = try execute([
      "run", "scenarios/shanghai-baseline.yaml", "--runs", "1500", "--format", "json", "--keep-runs", runs.path,
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let summary = try ResultCoding.decoder().decode(RunResult.self, from: Data(result.stdout.utf8))
    let lines = try String(contentsOf: runs, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 1 + 1500)
    let header = lines[0].split(separator: ",").map(String.init)
    #expect(header.count == 1 + (summary.outputs.count + 1) * 11)
    // The median of the kept column, by numpy's linear rule, is the summary's P50 exactly, and
    // their mean agrees to rounding of a different summation order.
    let column = try #require(header.firstIndex(of: "retail_sales@2030"))
    let values = lines.dropFirst().map { Double($0.split(separator: ",")[column])! }
    let sorted = values.sorted()
    let median = sorted[749] + (sorted[750] - sorted[749]) * 0.5
    let point = summary.series.first { $0.indicator == "retail_sales" && $0.year == 2030 }!
    #expect(median == point.p50)
    #expect(abs(values.reduce(0, +) / 1500 - point.mean) <= 1e-9 * point.mean)
    #expect(lines.dropFirst().map { Int($0.split(separator: ",")[0])! } == Array(0..<1500))
    // The file is not replaced without --force.
    let again = try execute(["run", "scenarios/shanghai-baseline.yaml", "--runs", "10", "--keep-runs", runs.path])
    #expect(again.status == 73)
  }

  @Test func interruptedRunExits130AndLeavesNoFiles() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-int-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let process = Process()
    process.executableURL = iccsimBinary
    process.currentDirectoryURL = repositoryRoot
    process.arguments = [
      "run", "scenarios/shanghai-baseline.yaml", "--runs", "50000000", "--format", "json",
      "--out", folder.appendingPathComponent("out").path, "--keep-runs", folder.appendingPathComponent("runs.csv").path,
    ]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    // Wait until the run is under way: the temporary runs file exists.
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline, try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty {
      Thread.sleep(forTimeInterval: 0.05)
    }
    Thread.sleep(forTimeInterval: 0.5)
    process.interrupt()
    process.waitUntilExit()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 130)
    #expect(stderr.contains("interrupted"))
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(left.isEmpty || left == ["out"], "left behind: \(left)")
    if left == ["out"] {
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).isEmpty)
    }
  }
}
