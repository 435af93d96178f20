import Foundation
import Testing
import _TestSupport

/// Shanghai's baseline reaches the 1,000 km metro goalpost in 2028, and the transport-first plan
/// a year earlier: `compare` says so for each on standard error, in the comparison's JSON, and
/// with a mark and a note naming the scenario in its tables and HTML; CSV stays unmarked.
@Suite("Goalpost warnings in a comparison")
struct ComparisonGoalpostWarningTests {
  static let compare = [
    "compare", "scenarios/shanghai-baseline.yaml", "scenarios/shanghai-transport-first.yaml", "--runs", "200",
    "--wide",
  ]

  @Test func bothScenariosAreWarnedOfAndTheTableMarksTheIndicator() throws {
    let result = try execute(Self.compare)
    #expect(result.status == 0)
    #expect(
      result.stderr.contains(
        "iccsim: warning: shanghai-baseline: the median of metro_km passes its high goalpost 1000 in 2028"))
    #expect(
      result.stderr.contains(
        "iccsim: warning: shanghai-transport-first: the median of metro_km passes its high goalpost 1000 in 2027"))
    #expect(result.stdout.contains("  Metro route length in operation ‡ "))
    #expect(
      result.stdout.contains(
        "‡ Metro route length in operation (Shanghai baseline): the median passes the high goalpost (1,000 km) in "
          + "2028; the index scores it 100 from then on"))
    let zh = try execute(Self.compare + ["--lang", "zh"])
    #expect(zh.stdout.contains("地铁运营总里程 ‡"))
    let zhNote =
      "‡ 地铁运营总里程（上海·基准方案）："
      + "中位数自2028年起高于指数上限1,000 公里"
    #expect(zh.stdout.contains(zhNote))
  }

  @Test func theJSONHasEachScenariosCrossings() throws {
    let json = try execute(Self.compare + ["--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let scenarios = try #require(object["goalpost_crossings"] as? [[String: Any]])
    #expect(scenarios.map { $0["scenario"] as? String } == ["shanghai-baseline", "shanghai-transport-first"])
    let base = try #require(scenarios[0]["crossings"] as? [[String: Any]])
    let metro = try #require(base.first { $0["indicator"] as? String == "metro_km" })
    #expect(metro["year"] as? Int == 2028 && metro["end"] as? String == "high")
    #expect((metro["goalpost"] as? NSNumber)?.doubleValue == 1000)
  }

  @Test func theMarkdownAndHTMLMarkItAndCSVDoesNot() throws {
    let markdown = try execute(Self.compare + ["--format", "md"])
    #expect(markdown.stdout.contains("Metro route length in operation ‡"))
    #expect(markdown.stdout.contains("(Shanghai transport-first plan): the median passes the high goalpost"))
    let html = try execute(Self.compare + ["--format", "html"])
    #expect(html.stdout.contains("Metro route length in operation ‡"))
    #expect(html.stdout.contains("the median passes the high goalpost (1,000 km) in 2028"))
    let csv = try execute(Self.compare + ["--format", "csv"])
    #expect(csv.status == 0)
    #expect(csv.stdout.contains(",metro_km,Metro route length in operation,km,"))
    #expect(!csv.stdout.contains("‡"))
  }
}
