import Foundation
import Testing
import _TestSupport

/// `iccsim export` run as a process: output and exit status (sysexits) as a user sees them.
@Suite struct ExportCommandTests {
  @Test func writesTheFileAndRefusesToReplaceItWithoutForce() throws {
    let directory = try Fixtures.temporaryDirectory()
    let input = Fixtures.directory.appendingPathComponent("run-shanghai-flagship.json").path
    let output = directory.appendingPathComponent("table.md").path
    let first = try ExportCommand.run([input, "--format", "md", "--lang", "en", "--out", output])
    #expect(first.status == 0)
    #expect(
      try String(contentsOfFile: output, encoding: .utf8).hasPrefix(
        "## Shanghai flagship plan (test fixture) — Projection"))
    let second = try ExportCommand.run([input, "--format", "md", "--out", output])
    #expect(second.status == 73)
    #expect(second.error == "iccsim: cannot write \(output): it exists; pass --force to replace it\n")
    #expect(try ExportCommand.run([input, "--format", "md", "--out", output, "--force"]).status == 0)
  }

  @Test func exitStatusesFollowSysexits() throws {
    let directory = try Fixtures.temporaryDirectory()
    let input = Fixtures.directory.appendingPathComponent("run-shanghai-flagship.json").path
    let broken = directory.appendingPathComponent("broken.json")
    try Data(#"{"scenario": 1}"#.utf8).write(to: broken)
    #expect(try ExportCommand.run([directory.appendingPathComponent("none.json").path]).status == 66)
    #expect(try ExportCommand.run([broken.path]).status == 65)
    #expect(try ExportCommand.run([input, "--format", "pdf"]).status == 64)
    #expect(try ExportCommand.run([input, "--format", "xlsx"]).status == 64, "xlsx needs --out")
    #expect(try ExportCommand.run([input, "--years", "2040"]).status == 64)
    #expect(
      try ExportCommand.run([input, "--out", directory.appendingPathComponent("no/dir/x.txt").path]).status == 73)
  }

  @Test func textGoesToStandardOutput() throws {
    let input = Fixtures.directory.appendingPathComponent("run-shanghai-flagship.json").path
    let result = try ExportCommand.run([input, "--lang", "en", "--years", "2033", "--stat", "p50"])
    #expect(result.status == 0)
    #expect(result.output.contains("Total retail sales of consumer goods"))
    #expect(result.output.contains("29,038"))
  }
}

enum ExportCommand {
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
    let result = try execute(["export"] + arguments)
    return (result.status, result.stdout, result.stderr)
  }
}
