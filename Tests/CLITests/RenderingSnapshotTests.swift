import Foundation
import Testing
import _TestSupport

/// Golden files for the terminal tables of `estimate` and `sensitivity`, rendered by Reporting:
/// the text a user sees stays byte for byte what it was. The numbers are rounded (four decimals,
/// four significant digits), so the files do not depend on the last bits of the arithmetic. The
/// estimates are shown in full (`--wide`), as they would not fit the pinned 120 columns.
@Suite("Rendering snapshots")
struct RenderingSnapshotTests {
  static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
  static let panel = "Tests/EstimationTests/Fixtures/synthetic-panel.csv"

  struct Example: Sendable, CustomTestStringConvertible {
    var snapshot: String
    var arguments: [String]
    var testDescription: String { snapshot }
  }

  static let examples = [
    Example(
      snapshot: "sensitivity-tornado.txt",
      arguments: ["sensitivity", "scenarios/shanghai-baseline.yaml", "--method", "tornado", "--wide"]),
    Example(
      snapshot: "estimate-ridge-vif.txt",
      arguments: ["estimate", "--data", panel, "--formula", "y ~ x1 + x3", "--ridge", "0.5", "--vif", "--wide"]),
    Example(
      snapshot: "estimate-two-way-cluster.txt",
      arguments: [
        "estimate", "--data", panel, "--formula", "y ~ x1 + log(x2) + C(city) + C(year)",
        "--se", "cluster:city,year", "--wide",
      ]),
  ]

  @Test(arguments: examples)
  func tableMatchesItsGoldenFile(_ example: Example) throws {
    let result = try execute(example.arguments)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let golden = try String(contentsOf: Self.snapshots.appendingPathComponent(example.snapshot), encoding: .utf8)
    #expect(result.stdout == golden)
  }
}
