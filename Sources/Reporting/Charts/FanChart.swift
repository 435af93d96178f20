import CityModel
import Simulation

/// A fan chart of one output over the projection years: the P5–P95 band, the P25–P75 band,
/// the median line, and each target as a marker at its year and bound; under the legend, one
/// line that says what the bands are.
public enum FanChart {
  public static let width = 520.0
  public static let height = 338.0

  /// The fan chart of output `id` of a run; nil if the run has no such series.
  public static func svg(for id: String, of result: RunResult, language: Language) -> String? {
    guard let output = result.outputs.first(where: { $0.id == id }) else { return nil }
    let points = result.series.filter { $0.indicator == id }.sorted { $0.year < $1.year }
    guard points.count >= 2 else { return nil }
    let targets = result.targets.filter { $0.indicator == id }
    return render(output: output, points: points, targets: targets, language: language)
  }

  static func render(output: OutputInfo, points: [SeriesPoint], targets: [TargetResult], language: Language) -> String {
    let unit = unitLabel(output.unit, language)
    let title = output.name.text(language)
    let bounds = targets.compactMap { $0.atLeast ?? $0.atMost }
    let values = points.flatMap { [$0.p5, $0.p95] } + bounds
    let ticks = niceTicks(values.min() ?? 0, values.max() ?? 1, count: 5)
    let format = NumberFormat.fitting(values, unit: output.unit)
    let tickFormat = NumberFormat.axis(ticks)
    let tickWidth = ticks.map { textWidth(tickFormat.string($0), size: 11) }.max() ?? 20
    let left = tickWidth + 18
    let right = width - 18
    let top = 50.0
    let bottom = height - 76
    let x = LinearScale(domain: (Double(points[0].year), Double(points[points.count - 1].year)), range: (left, right))
    let y = LinearScale(domain: (ticks[0], ticks[ticks.count - 1]), range: (bottom, top))

    var canvas = SVGCanvas(width: width, height: height)
    canvas.text(title, x: 12, y: 22, size: 15, bold: true)
    canvas.text(unit, x: 12, y: 40, size: 11, fill: ChartColour.axis)
    for tick in ticks {
      canvas.line(left, y(tick), right, y(tick), stroke: ChartColour.grid)
      canvas.text(tickFormat.string(tick), x: left - 6, y: y(tick) + 4, size: 11, anchor: .end, fill: ChartColour.axis)
    }
    let yearStep = points.count > 12 ? 5 : (points.count > 6 ? 2 : 1)
    for point in points
    where (point.year - points[0].year) % yearStep == 0 || point.year == points[points.count - 1].year {
      canvas.line(x(Double(point.year)), bottom, x(Double(point.year)), bottom + 4, stroke: ChartColour.axis)
      canvas.text(
        String(point.year), x: x(Double(point.year)), y: bottom + 17, size: 11, anchor: .middle, fill: ChartColour.axis)
    }
    func band(_ low: KeyPath<SeriesPoint, Double>, _ high: KeyPath<SeriesPoint, Double>) -> [(Double, Double)] {
      points.map { (x(Double($0.year)), y($0[keyPath: high])) }
        + points.reversed().map { (x(Double($0.year)), y($0[keyPath: low])) }
    }
    canvas.polygon(band(\.p5, \.p95), fill: ChartColour.band90)
    canvas.polygon(band(\.p25, \.p75), fill: ChartColour.band50)
    canvas.polyline(points.map { (x(Double($0.year)), y($0.p50)) }, stroke: ChartColour.median, width: 2.2)
    canvas.line(left, bottom, right, bottom, stroke: ChartColour.axis)

    for target in targets {
      guard let bound = target.atLeast ?? target.atMost, target.year >= points[0].year,
        target.year <= points[points.count - 1].year
      else { continue }
      let (cx, cy) = (x(Double(target.year)), y(bound))
      canvas.polygon([(cx, cy - 6), (cx + 6, cy), (cx, cy + 6), (cx - 6, cy)], fill: ChartColour.target)
      let probability = NumberFormat.fitting([target.probability], unit: "%").string(target.probability)
      let label = "\(target.atLeast != nil ? "≥" : "≤") \(format.string(bound)) (\(probability))"
      let onLeft = cx + 10 + textWidth(label, size: 11) > width
      canvas.text(
        label, x: onLeft ? cx - 10 : cx + 10, y: cy - 8, size: 11, anchor: onLeft ? .end : .start, bold: true,
        fill: ChartColour.target, halo: true)
    }

    var legendX = left
    let legendY = height - 36
    for (colour, name) in [(ChartColour.band90, Label.band90), (ChartColour.band50, Label.band50)] {
      canvas.rect(x: legendX, y: legendY - 9, width: 16, height: 10, fill: colour)
      canvas.text(name.text(language), x: legendX + 21, y: legendY, size: 11)
      legendX += 21 + textWidth(name.text(language), size: 11) + 16
    }
    canvas.line(legendX, legendY - 4, legendX + 16, legendY - 4, stroke: ChartColour.median, width: 2.2)
    canvas.text(Label.median.text(language), x: legendX + 21, y: legendY, size: 11)
    legendX += 21 + textWidth(Label.median.text(language), size: 11) + 16
    if !targets.isEmpty {
      canvas.polygon(
        [(legendX + 5, legendY - 9), (legendX + 10, legendY - 4), (legendX + 5, legendY + 1), (legendX, legendY - 4)],
        fill: ChartColour.target)
      canvas.text(Label.target.text(language), x: legendX + 15, y: legendY, size: 11)
    }
    canvas.text(Label.bandLegend.text(language), x: left, y: height - 12, size: 11, fill: ChartColour.axis)
    return canvas.render(title: Punctuation.bracketed(title, unit, language), language: language)
  }
}
