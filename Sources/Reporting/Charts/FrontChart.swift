import Simulation

/// The Pareto front as a scatter of cost (the budget measure, 亿元) against the first objective:
/// a filled point per plan at its search figure, a hollow one at its figure on fresh runs, and
/// each plan's composition written beside its point (no hover: the page works printed).
struct FrontChart {
  let report: OptimisationReport

  private static let width = 960.0
  private static let margin = (left: 70.0, right: 260.0, top: 30.0, bottom: 50.0)

  /// The chart, or nil for an empty front.
  func svg() -> String? {
    let front = report.optimisation.front
    guard !front.isEmpty else { return nil }
    let measure = report.problem.budget.measure
    func cost(_ figures: PortfolioFigures) -> Double { measure == .mean ? figures.costMean : figures.costP90 }
    let height = max(360, 60 + 26 * Double(front.count))
    let margin = Self.margin
    var costs = front.flatMap { [cost($0.search), cost($0.reevaluated)] }
    if let limit = report.problem.budget.limit { costs.append(limit) }
    let values = front.flatMap { [$0.search.objectives[0], $0.reevaluated.objectives[0]] }
    let xTicks = niceTicks(costs.min() ?? 0, costs.max() ?? 1)
    let yTicks = niceTicks(values.min() ?? 0, values.max() ?? 1)
    let x = LinearScale(domain: (xTicks[0], xTicks[xTicks.count - 1]), range: (margin.left, Self.width - margin.right))
    let y = LinearScale(domain: (yTicks[0], yTicks[yTicks.count - 1]), range: (height - margin.bottom, margin.top))
    var canvas = SVGCanvas(width: Self.width, height: height)
    let xFormat = NumberFormat.axis(xTicks)
    let yFormat: NumberFormat =
      if case .targetsMet = report.problem.objectives[0] {
        NumberFormat(style: .percent, decimals: 0)
      } else {
        NumberFormat.axis(yTicks)
      }
    for tick in xTicks {
      canvas.line(x(tick), margin.top, x(tick), height - margin.bottom, stroke: ChartColour.grid)
      canvas.text(xFormat.string(tick), x: x(tick), y: height - margin.bottom + 16, size: 11, anchor: .middle)
    }
    for tick in yTicks {
      canvas.line(margin.left, y(tick), Self.width - margin.right, y(tick), stroke: ChartColour.grid)
      canvas.text(yFormat.string(tick), x: margin.left - 6, y: y(tick) + 4, size: 11, anchor: .end)
    }
    canvas.text(
      "Total programme cost, \(measure == .mean ? "mean" : "P90") over the runs (亿元)", x: margin.left,
      y: height - 12, size: 12)
    canvas.text(report.problem.objectives[0].label, x: margin.left, y: 18, size: 12, bold: true)
    if let limit = report.problem.budget.limit {
      canvas.line(x(limit), margin.top, x(limit), height - margin.bottom, stroke: ChartColour.target, dash: "5 4")
      canvas.text("budget", x: x(limit) + 4, y: margin.top + 12, size: 11, fill: ChartColour.target)
    }
    canvas.polyline(
      front.map { (x(cost($0.search)), y($0.search.objectives[0])) }, stroke: ChartColour.series[0], width: 1.5)
    for (k, entry) in front.enumerated() {
      let (px, py) = (x(cost(entry.search)), y(entry.search.objectives[0]))
      let (qx, qy) = (x(cost(entry.reevaluated)), y(entry.reevaluated.objectives[0]))
      canvas.line(px, py, qx, qy, stroke: ChartColour.muted, dash: "2 2")
      canvas.circle(x: qx, y: qy, radius: 4, fill: "white", stroke: ChartColour.series[1])
      let isBest = k == report.optimisation.best
      canvas.circle(x: px, y: py, radius: isBest ? 6 : 4.5, fill: ChartColour.series[0])
      // Labels alternate above and below their point so neighbours on the front do not collide.
      let offset = k % 2 == 0 ? -9.0 : 17.0
      canvas.text(
        "\(k + 1). \(entry.label)", x: px + 8, y: py + offset, size: 11, bold: isBest, halo: true)
    }
    let legendY = margin.top + 4
    let legendX = Self.width - margin.right + 20
    canvas.circle(x: legendX, y: legendY, radius: 4.5, fill: ChartColour.series[0])
    canvas.text("search runs", x: legendX + 10, y: legendY + 4, size: 11)
    canvas.circle(x: legendX, y: legendY + 20, radius: 4, fill: "white", stroke: ChartColour.series[1])
    canvas.text("fresh runs (re-evaluated)", x: legendX + 10, y: legendY + 24, size: 11)
    return canvas.render(title: "Pareto front: \(report.problem.objectives[0].label) against cost")
  }
}
