import Foundation
import Testing
import _TestSupport

/// Shanghai's baseline reaches the 1,000 km metro goalpost in 2028: `run` says so on standard
/// error, in the result's JSON, with a mark and a note in the table, and in the HTML report.
@Suite("Goalpost warnings")
struct GoalpostWarningTests {
  static let run = ["run", "scenarios/shanghai-baseline.yaml", "--runs", "200", "--wide"]
  static let warning =
    "iccsim: warning: shanghai-baseline: the median of metro_km passes its high goalpost 1000 in 2028"

  @Test func theRunTableMarksTheIndicatorAndSaysWhy() throws {
    let result = try execute(Self.run)
    #expect(result.status == 0)
    #expect(result.stderr.contains(Self.warning))
    #expect(result.stdout.contains("  Metro route length in operation ‡ "))
    #expect(
      result.stdout.contains(
        "‡ Metro route length in operation: the median passes the high goalpost (1,000 km) in 2028; the index "
          + "scores it 100 from then on"))
    let zh = try execute(Self.run + ["--lang", "zh"])
    #expect(zh.stdout.contains("‡ 地铁运营总里程：中位数自2028年起高于指数上限1,000 公里"))
  }

  @Test func theJSONAndTheHTMLCarryIt() throws {
    let json = try execute(Self.run + ["--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let crossings = try #require(object["goalpost_crossings"] as? [[String: Any]])
    let metro = try #require(crossings.first { $0["indicator"] as? String == "metro_km" })
    #expect(metro["year"] as? Int == 2028 && metro["end"] as? String == "high")
    #expect((metro["goalpost"] as? NSNumber)?.doubleValue == 1000)
    let html = try execute(Self.run + ["--format", "html"])
    #expect(html.stdout.contains("Metro route length in operation ‡"))
    #expect(html.stdout.contains("the median passes the high goalpost (1,000 km) in 2028"))
  }

  /// CSV drops the tables' notes, so its names stay as in the result, unmarked.
  @Test func theCSVKeepsTheNamesAsTheyAre() throws {
    let csv = try execute(Self.run + ["--format", "csv"])
    #expect(csv.status == 0)
    #expect(csv.stdout.contains(",metro_km,Metro route length in operation,km,"))
    #expect(!csv.stdout.contains("‡"))
  }
}
