import CityModel
import Foundation
import Simulation

/// The renderings of a city ranking (`iccsim rank`): a terminal table and JSON.
public enum RankReport {
  /// One section per year, the cities in the order given: the median value, the rank's P5, P50
  /// and P95, and the probability of ranking first.
  public static func table(_ ranking: CityRanking, width: Int? = nil) -> String {
    let values = ranking.entries.map(\.p50)
    let valueFormat = NumberFormat.fitting(values, unit: ranking.output.unit)
    // Whole ranks as integers; an interpolated one (1.5) with its tenth.
    func rank(_ value: Double) -> ReportTable.Cell { .number(value, .fitting([value], unit: "rank")) }
    let percent = NumberFormat(style: .percent, decimals: 1)
    let years = ranking.entries.reduce(into: [Int]()) { years, entry in
      if years.last != entry.year { years.append(entry.year) }
    }
    let sections = years.map { year in
      ReportTable.Section(
        heading: String(year),
        rows: ranking.entries.filter { $0.year == year }.map { entry in
          [
            .text(entry.city), .text(entry.scenario), .number(entry.p50, valueFormat),
            rank(entry.rankP5), rank(entry.rankP50), rank(entry.rankP95),
            .number(entry.probabilityFirst, percent),
          ]
        })
    }
    let order = ranking.better == .higher ? "highest" : "lowest"
    let table = ReportTable(
      name: "rank",
      title: "Rank of \(ranking.output.name.en) (\(ranking.output.id)) among \(cityCount(ranking)) cities, "
        + "\(ranking.runs) runs on shared draws",
      columns: [
        ReportTable.Column("City", alignment: .left), ReportTable.Column("Scenario", alignment: .left),
        ReportTable.Column("P50"), ReportTable.Column("Rank P5"), ReportTable.Column("Rank P50"),
        ReportTable.Column("Rank P95"), ReportTable.Column("P(first)"),
      ],
      sections: sections,
      notes: [
        "Rank 1 is the \(order) value in a run; tied cities share the lowest rank of their group (min rank).",
        "Rank quantiles interpolate linearly between the runs' ranks (numpy's default).",
      ])
    return TerminalExporter.render([table], width: width)
  }

  /// `{"indicator", "better", "runs", "seed", "ties", "ranks": [{"scenario", "city", "year",
  /// "p50", "rank_p5", "rank_p50", "rank_p95", "probability_first"}], "meta"}`.
  public static func json(_ ranking: CityRanking, meta: [String: String]) throws -> String {
    func number(_ x: Double) -> Any { x.isFinite ? x : NSNull() }
    let ranks: [[String: Any]] = ranking.entries.map { entry in
      [
        "scenario": entry.scenario, "city": entry.city, "year": entry.year, "p50": number(entry.p50),
        "rank_p5": number(entry.rankP5), "rank_p50": number(entry.rankP50), "rank_p95": number(entry.rankP95),
        "probability_first": number(entry.probabilityFirst),
      ]
    }
    let document: [String: Any] = [
      "indicator": ranking.output.id, "better": ranking.better.rawValue, "runs": ranking.runs,
      "seed": ranking.seed, "ties": "min", "ranks": ranks, "meta": meta,
    ]
    let data = try JSONSerialization.data(
      withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  private static func cityCount(_ ranking: CityRanking) -> Int {
    Set(ranking.entries.map(\.scenario)).count
  }
}
