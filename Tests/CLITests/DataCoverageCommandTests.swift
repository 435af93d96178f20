import Foundation
import Testing
import _TestSupport

/// `iccsim data coverage` end to end: the committed coverage page is what the command writes.
@Suite("data coverage command")
struct DataCoverageCommandTests {
  @Test func theCommittedCoverageIsWhatTheCommandWrites() throws {
    let result = try execute(["data", "coverage", "scenarios/data/city-panel.csv"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let committedFile = repositoryRoot.appendingPathComponent("scenarios/data/coverage.md")
    let committed = try String(contentsOf: committedFile, encoding: .utf8)
    #expect(
      result.stdout == committed,
      """
      scenarios/data/coverage.md is out of date: run
      iccsim data coverage scenarios/data/city-panel.csv --out scenarios/data/coverage.md --force
      """)
    // Tianjin's receipts are fitted only after their 2017→2018 break.
    #expect(
      committed.contains(
        "| tianjin | `intl_tourism_receipts` | 2010–2019 | 14 | 2 | 2018–2019 | break 11, duplicate 1 |"))
  }

  @Test func anExistingOutputIsReplacedOnlyWithForce() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-coverage-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let panel = folder.appendingPathComponent("panel.csv")
    let out = folder.appendingPathComponent("coverage.md")
    try "city,indicator,year,value,unit,source\nwuhan,gdp,2023,20000,亿元,https://www.gov.cn/x\n"
      .write(to: panel, atomically: true, encoding: .utf8)
    try "mine\n".write(to: out, atomically: true, encoding: .utf8)
    let refused = try execute(["data", "coverage", panel.path, "--out", out.path])
    #expect(refused.status == 73 && refused.stderr.contains("it exists; pass --force"))
    #expect(try String(contentsOf: out, encoding: .utf8) == "mine\n")
    let forced = try execute(["data", "coverage", panel.path, "--out", out.path, "--force"])
    #expect(forced.status == 0 && forced.stdout.isEmpty, "stderr: \(forced.stderr)")
    let written = try String(contentsOf: out, encoding: .utf8)
    #expect(written.contains("| wuhan | `gdp` | 2023 | 1 | 1 | 2023 |  | official 1 |"))
  }

  @Test func aMissingOrMalformedPanelIsRefusedAtItsLocation() throws {
    let missing = try execute(["data", "coverage", "no-such-panel.csv"])
    #expect(missing.status == 66 && missing.stderr.contains("no-such-panel.csv: cannot read file"))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-coverage-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let panel = folder.appendingPathComponent("panel.csv")
    try "city,indicator,year,value,unit,source\nwuhan,gdp,2023,lots,亿元,x\n"
      .write(to: panel, atomically: true, encoding: .utf8)
    let malformed = try execute(["data", "coverage", panel.path])
    #expect(malformed.status == 65 && malformed.stdout.isEmpty)
    #expect(malformed.stderr.contains("panel.csv:2: value must be a finite number (got 'lots')"))
  }
}
