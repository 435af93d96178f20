import CityModel
import Simulation

/// The index by dimension: for each dimension score and the index, the base year's value and
/// the final year's median with its P5–P95 interval, on the 0–100 score axis.
public enum DimensionChart {
  public static func svg(of result: RunResult, language: Language) -> String? {
    let outputs = result.outputs.filter { $0.kind == .dimension } + result.outputs.filter { $0.kind == .index }
    let firstYear = result.baseYear
    let lastYear = result.baseYear + result.horizon
    var points: [String: SeriesPoint] = [:]
    for point in result.series where point.year == firstYear || point.year == lastYear {
      points["\(point.indicator)@\(point.year)"] = point
    }
    let rows = outputs.compactMap { output -> (OutputInfo, SeriesPoint, SeriesPoint)? in
      guard let start = points["\(output.id)@\(firstYear)"], let end = points["\(output.id)@\(lastYear)"] else {
        return nil
      }
      return (output, start, end)
    }
    guard !rows.isEmpty else { return nil }
    let format = NumberFormat(style: .score, decimals: 1)
    let layout = RowChartLayout(labels: rows.map { $0.0.name.text(language) }, marksPerRow: 2, values: [0, 100])
    var canvas = SVGCanvas(width: RowChartLayout.width, height: layout.height)
    let title = Punctuation.titled(result.title.text(language), Label.indexByDimension.text(language), language)
    let colours = [ChartColour.muted, ChartColour.series[0]]
    layout.drawFrame(
      on: &canvas, title: title,
      legend: [(colours[0], Punctuation.year(firstYear, language)), (colours[1], finalYearLegend(lastYear, language))],
      axisCaption: unitLabel("score", language))
    let scale = layout.scale
    for (row, (_, start, end)) in rows.enumerated() {
      for (mark, point) in [start, end].enumerated() {
        let y = layout.y(row: row, mark: mark)
        canvas.rect(x: scale(0), y: y - 6, width: scale(point.p50) - scale(0), height: 12, fill: colours[mark])
        if mark == 1 {
          canvas.line(scale(point.p5), y, scale(point.p95), y, stroke: ChartColour.text, width: 1.2)
          canvas.line(scale(point.p5), y - 4, scale(point.p5), y + 4, stroke: ChartColour.text, width: 1.2)
          canvas.line(scale(point.p95), y - 4, scale(point.p95), y + 4, stroke: ChartColour.text, width: 1.2)
        }
        canvas.text(
          format.string(point.p50), x: scale(max(point.p50, point.p95)) + 5, y: y + 4, size: 10, fill: ChartColour.text)
      }
    }
    return canvas.render(title: title, language: language)
  }

  /// "2033 Median [P5–P95]" / "2033年中位数（P5–P95）".
  private static func finalYearLegend(_ year: Int, _ language: Language) -> String {
    let median = Label.median.text(language)
    return language == .zh
      ? Punctuation.bracketed("\(year)年\(median)", "P5–P95", language) : "\(year) \(median) [P5–P95]"
  }
}
