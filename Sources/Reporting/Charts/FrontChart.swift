import Simulation

/// The Pareto front as a scatter of cost (the budget measure, 亿元) against the first objective:
/// a filled point per plan at its search figure, a hollow one at its figure on fresh runs, and
/// each plan's composition written in a column beside the plot, joined to its point by a leader
/// line (no hover: the page works printed).
struct FrontChart {
  let report: OptimisationReport

  private static let width = 1200.0
  private static let margin = (left: 70.0, right: 700.0, top: 30.0, bottom: 50.0)
  private static let labelSpacing = 13.0

  /// The chart, or nil for an empty front.
  func svg() -> String? {
    let front = report.optimisation.front
    guard !front.isEmpty else { return nil }
    let measure = report.problem.budget.measure
    func cost(_ figures: PortfolioFigures) -> Double { measure == .mean ? figures.costMean : figures.costP90 }
    let height = max(400, 120 + Self.labelSpacing * Double(front.count))
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
      canvas.text(
        "budget", x: x(limit) - 4, y: height - margin.bottom - 6, size: 11, anchor: .end, fill: ChartColour.target)
    }
    canvas.polyline(
      front.map { (x(cost($0.search)), y($0.search.objectives[0])) }, stroke: ChartColour.series[0], width: 1.5)
    for (k, entry) in front.enumerated() {
      let (px, py) = (x(cost(entry.search)), y(entry.search.objectives[0]))
      let (qx, qy) = (x(cost(entry.reevaluated)), y(entry.reevaluated.objectives[0]))
      canvas.line(px, py, qx, qy, stroke: ChartColour.muted, dash: "2 2")
      canvas.circle(x: qx, y: qy, radius: 4, fill: "white", stroke: ChartColour.series[1])
      canvas.circle(x: px, y: py, radius: k == report.optimisation.best ? 6 : 4.5, fill: ChartColour.series[0])
    }
    // Every point's composition in a column right of the plot, in the points' vertical order,
    // spaced so no two collide, each joined to its point by a leader line.
    let labelX = Self.width - margin.right + 24
    let order = front.indices.sorted { y(front[$0].search.objectives[0]) < y(front[$1].search.objectives[0]) }
    var placed: [Double] = []
    for k in order {
      let wanted = y(front[k].search.objectives[0]) + 4
      placed.append(max(wanted, (placed.last ?? margin.top + 40) + Self.labelSpacing))
    }
    let overflow = (placed.last ?? 0) - (height - margin.bottom)
    if overflow > 0 { placed = placed.map { $0 - overflow } }
    for (k, labelY) in zip(order, placed) {
      let entry = front[k]
      let (px, py) = (x(cost(entry.search)), y(entry.search.objectives[0]))
      canvas.line(px, py, labelX - 4, labelY - 4, stroke: ChartColour.grid)
      canvas.text(
        "\(k + 1). \(entry.label)", x: labelX, y: labelY, size: 10.5, bold: k == report.optimisation.best)
    }
    canvas.text("Plans (search figures)", x: labelX, y: margin.top + 22, size: 11, bold: true)
    let legendY = height - 12
    let legendX = margin.left + 300
    canvas.circle(x: legendX, y: legendY - 4, radius: 4.5, fill: ChartColour.series[0])
    canvas.text("search runs", x: legendX + 10, y: legendY, size: 11)
    canvas.circle(x: legendX + 100, y: legendY - 4, radius: 4, fill: "white", stroke: ChartColour.series[1])
    canvas.text("fresh runs (re-evaluated)", x: legendX + 110, y: legendY, size: 11)
    return canvas.render(title: "Pareto front: \(report.problem.objectives[0].label) against cost", language: .en)
  }
}
