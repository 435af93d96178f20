import CityModel
import Simulation

/// Paired differences (alternative − base) in one year, one row per output and one coloured
/// interval (P5–P95, dot at the median) per alternative, around a dashed zero line.
///
/// Rows share one axis, so the chart shows outputs with one unit: by default the dimension
/// scores and the index.
public enum DifferenceChart {
  public static func svg(
    for comparison: PlanComparison, year: Int? = nil, kinds: Set<OutputInfo.Kind> = [.dimension, .index],
    language: Language
  ) -> String? {
    let outputs = groupedOutputs(comparison.outputs, language: language).flatMap(\.outputs).filter {
      kinds.contains($0.kind)
    }
    let years = comparison.comparisons.flatMap { $0.differences.map(\.year) }
    guard let shownYear = year ?? years.max(), !outputs.isEmpty, !comparison.comparisons.isEmpty else { return nil }
    var lookup: [String: Difference] = [:]
    for (position, alternative) in comparison.comparisons.enumerated() {
      for difference in alternative.differences where difference.year == shownYear {
        lookup["\(position)/\(difference.indicator)"] = difference
      }
    }
    let present = outputs.filter { output in
      comparison.comparisons.indices.allSatisfy { lookup["\($0)/\(output.id)"] != nil }
    }
    guard !present.isEmpty else { return nil }
    let presentIDs = Set(present.map(\.id))
    let differences = lookup.values.filter { presentIDs.contains($0.indicator) }.flatMap { [$0.p5, $0.p50, $0.p95] }
    let units = Set(present.map(\.unit))
    let format = NumberFormat.fitting(differences, unit: units.count == 1 ? units.first! : "", signed: true)
    let layout = RowChartLayout(
      labels: present.map { $0.name.text(language) }, marksPerRow: comparison.comparisons.count, values: differences)
    var canvas = SVGCanvas(width: RowChartLayout.width, height: layout.height)
    let colours = comparison.comparisons.indices.map { ChartColour.series[$0 % ChartColour.series.count] }
    let title = "\(Label.difference.text(language)), \(shownYear)"
    let base = comparison.baseTitle?.text(language) ?? comparison.base
    layout.drawFrame(
      on: &canvas, title: title,
      legend: zip(colours, comparison.comparisons.map { "\($0.title.text(language)) − \(base)" }).map { ($0, $1) },
      axisCaption: units.count == 1 ? unitLabel(units.first!, language) : "", signed: true)
    for (row, output) in present.enumerated() {
      for (mark, colour) in colours.enumerated() {
        guard let difference = lookup["\(mark)/\(output.id)"] else { continue }
        layout.drawInterval(
          on: &canvas, row: row, mark: mark, low: difference.p5, centre: difference.p50, high: difference.p95,
          colour: colour, format: format)
      }
    }
    return canvas.render(title: title)
  }
}
