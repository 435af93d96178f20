import CityModel
import Simulation

extension ReportTable {
  /// Programme cost (亿元) by year as one more section of a table of outputs, with the
  /// `programme_cost` id: for formats that hold a single rectangle (CSV), where the cost tables
  /// cannot follow. `points` are a run's cost, or a comparison's paired cost difference (`signed`);
  /// `trailing` fills the table's columns after the years.
  static func costSection(
    _ points: [CostPoint], years: [Int], options: ReportOptions, signed: Bool, trailing: [Cell]
  ) throws(ReportingError) -> Section {
    let language = options.language
    var values: [SeriesPointValues] = []
    for year in years {
      guard let point = points.first(where: { $0.year == year }) else {
        throw .missingValue(output: "programme_cost", year: year)
      }
      values.append(
        SeriesPointValues(mean: point.mean, sd: point.sd, p5: point.p5, p25: nil, p50: point.p50, p95: point.p95))
    }
    let cells = try estimateCells(values, unit: "亿元", statistic: options.statistic, signed: signed)
    let unit = unitLabel("亿元", language)
    let label: [Cell] = [.text("programme_cost"), .text(Label.cost.text(language)), .text(unit)]
    return Section(heading: Label.cost.text(language), rows: [label + cells + trailing])
  }
}
