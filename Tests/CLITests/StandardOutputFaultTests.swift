import Foundation
import Testing
import _TestSupport

/// Every command that prints, with standard output on a full device (`> /dev/full`) and on a
/// pipe nobody reads (`| head` after head has gone): a one-line message, status 74, no crash.
@Suite("Faults: standard output")
struct StandardOutputFaultTests {
  struct Printing: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var testDescription: String { name }
  }

  static let commands: [Printing] = [
    Printing(name: "run table", arguments: ["run", FaultInjection.scenario, "--runs", "20"]),
    Printing(name: "run json", arguments: ["run", FaultInjection.scenario, "--runs", "20", "--format", "json"]),
    Printing(name: "run shard", arguments: ["run", FaultInjection.scenario, "--runs", "20", "--shard", "1/2"]),
    Printing(
      name: "compare", arguments: ["compare", FaultInjection.scenario, FaultInjection.alternative, "--runs", "20"]),
    Printing(name: "export", arguments: ["export", FaultInjection.result]),
    Printing(name: "indicators", arguments: ["indicators"]),
    Printing(name: "validate", arguments: ["validate", FaultInjection.scenario]),
    Printing(name: "init", arguments: ["init", "--city", "shanghai"]),
    Printing(name: "estimate", arguments: FaultInjection.estimate),
    Printing(name: "calibrate", arguments: FaultInjection.calibrate),
    Printing(name: "data coverage", arguments: FaultInjection.coverage),
    Printing(name: "sensitivity", arguments: ["sensitivity", FaultInjection.scenario, "--method", "tornado"]),
    Printing(name: "sensitivity shard", arguments: FaultInjection.sobolShard),
  ]

  /// Standard error without the warnings about the data that come before the output is written
  /// (estimate's thin-data warnings on the shipped panel).
  @Test(arguments: commands)
  func aFullDeviceIsReportedNotCrashedOn(command: Printing) throws {
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let result = try FaultInjection.run(command.arguments, standardOutput: full)
    #expect(result.status == 74, "stderr: \(result.stderr)")
    #expect(withoutWarnings(result.stderr) == "iccsim: cannot write to standard output: no space left on device\n")
  }

  @Test(arguments: commands)
  func aClosedPipeIsReportedNotCrashedOn(command: Printing) throws {
    let result = try FaultInjection.run(command.arguments, standardOutput: FaultInjection.closedPipe())
    #expect(result.status == 74, "stderr: \(result.stderr)")
    #expect(withoutWarnings(result.stderr) == "iccsim: cannot write to standard output: write failed: broken pipe\n")
  }

  @Test func mergeToAFullDevice() throws {
    try FaultInjection.withFolder { folder in
      let parts = ["1/2", "2/2"].enumerated().map { "\(folder)/part\($0.offset).json" }
      for (part, shard) in zip(parts, ["1/2", "2/2"]) {
        let written = try execute(["run", FaultInjection.scenario, "--runs", "20", "--shard", shard, "--out", part])
        #expect(written.status == 0, "stderr: \(written.stderr)")
      }
      let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
      let result = try FaultInjection.run(["merge"] + parts, standardOutput: full)
      #expect(result.status == 74)
      #expect(withoutWarnings(result.stderr) == "iccsim: cannot write to standard output: no space left on device\n")
      let closed = try FaultInjection.run(["merge"] + parts, standardOutput: FaultInjection.closedPipe())
      #expect(closed.status == 74)
      #expect(closed.stderr.hasSuffix("broken pipe\n"))
    }
  }
}

/// Standard error without the result's warnings (the shipped baseline passes index goalposts,
/// which `run` and `merge` say before they write).
private func withoutWarnings(_ stderr: String) -> String {
  stderr.split(separator: "\n", omittingEmptySubsequences: false)
    .filter { !$0.hasPrefix("iccsim: warning:") }.joined(separator: "\n")
}
