import Analysis
import Foundation

/// The backtest's two charts: a PIT histogram (flat when the fans are calibrated; U-shaped when
/// too narrow, humped when too wide) and coverage of the P5–P95 and P25–P75 intervals by
/// horizon, with Wilson intervals, against their nominal 90 % and 50 %.
enum BacktestCharts {
  static func pitHistogram(_ points: [Backtest.Point], bins: Int = 10) -> String {
    var counts = [Int](repeating: 0, count: bins)
    for point in points { counts[min(bins - 1, Int(point.score.pit * Double(bins)))] += 1 }
    let width = 480.0, height = 260.0, left = 48.0, bottom = 36.0, top = 28.0
    var canvas = SVGCanvas(width: width, height: height)
    let highest = Double(counts.max() ?? 1)
    let expected = Double(points.count) / Double(bins)
    let y = LinearScale(domain: (0, max(highest, expected) * 1.1), range: (height - bottom, top))
    let barWidth = (width - left - 16) / Double(bins)
    for (k, count) in counts.enumerated() {
      canvas.rect(
        x: left + Double(k) * barWidth + 1, y: y(Double(count)), width: barWidth - 2,
        height: height - bottom - y(Double(count)), fill: "#6a8fc7")
    }
    canvas.line(left, y(expected), width - 16, y(expected), stroke: "#c0392b", width: 1.5, dash: "5 3")
    canvas.text("expected if calibrated", x: width - 18, y: y(expected) - 5, size: 11, anchor: .end, fill: "#c0392b")
    canvas.line(left, height - bottom, width - 16, height - bottom, stroke: "#444")
    for tick in [0.0, 0.5, 1.0] {
      canvas.text(
        String(format: "%.1f", tick), x: left + tick * (width - left - 16), y: height - bottom + 16, size: 11,
        anchor: .middle)
    }
    canvas.text(
      "PIT (share of runs below the observed value)", x: (left + width) / 2, y: height - 6, size: 11, anchor: .middle)
    canvas.text("PIT histogram, \(points.count) forecasts", x: left, y: 18, size: 13, bold: true)
    return canvas.render(title: "PIT histogram", language: .en)
  }

  static func coverageByHorizon(_ summaries: [Backtest.Summary]) -> String {
    let rows = summaries.filter { $0.indicator == nil && $0.horizon != nil }.sorted {
      ($0.horizon ?? 0) < ($1.horizon ?? 0)
    }
    let width = 480.0, height = 260.0, left = 48.0, bottom = 36.0, top = 28.0
    var canvas = SVGCanvas(width: width, height: height)
    let y = LinearScale(domain: (0, 1), range: (height - bottom, top))
    let horizons = rows.compactMap(\.horizon)
    let x = LinearScale(
      domain: (Double(horizons.first ?? 1) - 0.5, Double(horizons.last ?? 1) + 0.5), range: (left, width - 16))
    for (nominal, colour) in [(0.9, "#1f4e79"), (0.5, "#7f8c8d")] {
      canvas.line(left, y(nominal), width - 16, y(nominal), stroke: colour, width: 1, dash: "5 3")
      canvas.text("\(Int(nominal * 100)) %", x: left - 6, y: y(nominal) + 4, size: 11, anchor: .end, fill: colour)
    }
    for row in rows {
      guard let h = row.horizon else { continue }
      for (value, interval, colour, shift) in [
        (row.coverage90, row.coverage90Interval, "#1f4e79", -6.0),
        (row.coverage50, row.coverage50Interval, "#7f8c8d", 6.0),
      ] {
        canvas.line(
          x(Double(h)) + shift, y(interval.low), x(Double(h)) + shift, y(interval.high), stroke: colour, width: 2)
        canvas.circle(x: x(Double(h)) + shift, y: y(value), radius: 4, fill: colour)
      }
      canvas.text("\(h)", x: x(Double(h)), y: height - bottom + 16, size: 11, anchor: .middle)
    }
    canvas.line(left, height - bottom, width - 16, height - bottom, stroke: "#444")
    canvas.text("horizon (years after the origin)", x: (left + width) / 2, y: height - 6, size: 11, anchor: .middle)
    canvas.text(
      "Coverage of P5–P95 (dark) and P25–P75 (grey), 95 % Wilson intervals", x: left, y: 18, size: 13, bold: true)
    return canvas.render(title: "Coverage by horizon", language: .en)
  }
}
