import Analysis
import Foundation

/// PRIM's peeling trajectory as a scatter of coverage (x) against density (y): one point per
/// box, joined in peeling order; a point is labelled with its number of restricted inputs where
/// that number changes along the trajectory (labelling every point would pile the labels of
/// neighbouring boxes on each other). The chosen box is ringed and named. Peeling moves up and
/// to the left (denser, smaller boxes).
enum PeelingTrajectoryChart {
  static func svg(_ trajectory: [PRIM.Box], chosen: Int) -> String {
    let width = 640.0, height = 410.0, left = 56.0, right = 24.0, top = 50.0, bottom = 48.0
    var canvas = SVGCanvas(width: width, height: height)
    let xTicks = shareTicks(from: trajectory.map(\.coverage).min() ?? 0, to: 1)
    let yTicks = shareTicks(from: trajectory.map(\.density).min() ?? 0, to: trajectory.map(\.density).max() ?? 1)
    let x = LinearScale(domain: (xTicks.first ?? 0, xTicks.last ?? 1), range: (left, width - right))
    let y = LinearScale(domain: (yTicks.first ?? 0, yTicks.last ?? 1), range: (height - bottom, top))
    for tick in xTicks {
      canvas.line(x(tick), top, x(tick), height - bottom, stroke: ChartColour.grid)
      canvas.text(percent(tick), x: x(tick), y: height - bottom + 16, size: 11, anchor: .middle)
    }
    for tick in yTicks {
      canvas.line(left, y(tick), width - right, y(tick), stroke: ChartColour.grid)
      canvas.text(percent(tick), x: left - 6, y: y(tick) + 4, size: 11, anchor: .end)
    }
    canvas.line(left, height - bottom, width - right, height - bottom, stroke: ChartColour.axis)
    canvas.line(left, top, left, height - bottom, stroke: ChartColour.axis)
    let points = trajectory.map { (x($0.coverage), y($0.density)) }
    canvas.polyline(points, stroke: ChartColour.band50, width: 1.5)
    for (step, point) in points.enumerated() {
      canvas.circle(x: point.0, y: point.1, radius: 3.5, fill: ChartColour.median)
      let restricted = trajectory[step].restricted
      if step == 0 || step == chosen || restricted != trajectory[step - 1].restricted {
        canvas.text("\(restricted)", x: point.0 + 6, y: point.1 - 5, size: 10, fill: ChartColour.axis)
      }
    }
    if points.indices.contains(chosen) {
      let (cx, cy) = points[chosen]
      canvas.circle(x: cx, y: cy, radius: 8, fill: "none", stroke: ChartColour.target)
      let box = trajectory[chosen]
      let label = "chosen box (step \(chosen)): coverage \(percent(box.coverage)), density \(percent(box.density))"
      let anchor: SVGCanvas.Anchor = cx > (left + width - right) / 2 ? .end : .start
      canvas.text(
        label, x: cx + (anchor == .end ? -12 : 12), y: cy + 4, size: 11, anchor: anchor, fill: ChartColour.target)
    }
    canvas.text(
      "coverage (share of the runs of interest inside the box)", x: (left + width - right) / 2, y: height - 10,
      size: 11, anchor: .middle)
    canvas.text("density (share of the box's runs that are of interest)", x: left - 40, y: top - 12, size: 11)
    canvas.text("Peeling trajectory (labels: number of restricted inputs)", x: left, y: 18, size: 13, bold: true)
    return canvas.render(title: "PRIM peeling trajectory")
  }

  /// Round ticks covering `low…high` within 0…1 (a share never lies outside it).
  private static func shareTicks(from low: Double, to high: Double) -> [Double] {
    let ticks = niceTicks(low, high).filter { $0 >= -1e-9 && $0 <= 1 + 1e-9 }
    return ticks.count >= 2 ? ticks : [max(0, low), min(1, max(high, low + 0.01))]
  }

  private static func percent(_ value: Double) -> String {
    let whole = abs((value * 100).rounded() - value * 100) < 1e-9
    return String(format: whole ? "%.0f%%" : "%.1f%%", value * 100)
  }
}
