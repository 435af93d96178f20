import Analysis
import CityModel
import Foundation
import Simulation

/// The renderings of a portfolio search (`iccsim optimise`): a terminal table, JSON and an
/// HTML page with the front drawn as cost against the first objective.
public struct OptimisationReport {
  public let problem: PortfolioProblem
  public let optimisation: PortfolioOptimisation

  public init(problem: PortfolioProblem, optimisation: PortfolioOptimisation) {
    self.problem = problem
    self.optimisation = optimisation
  }

  /// The front by cost: composition, cost mean and P90, each objective ± its standard error on
  /// the search's runs and again on fresh runs; the best entry marked.
  /// The front as a terminal table, fitted to `width` columns when given (plans wrap).
  public func table(width: Int? = nil) -> String {
    TerminalExporter.render([frontTable()], width: width)
  }

  func frontTable() -> ReportTable {
    let front = optimisation.front
    let costFormat = NumberFormat.fitting(front.flatMap { [$0.search.costMean, $0.search.costP90] }, unit: "亿元")
    let formats = problem.objectives.indices.map { o in
      format(of: o, values: front.flatMap { [$0.search.objectives[o], $0.reevaluated.objectives[o]] })
    }
    func estimate(_ figures: PortfolioFigures, _ o: Int) -> ReportTable.Cell {
      .text("\(formats[o].string(figures.objectives[o])) ± \(formats[o].string(figures.standardErrors[o]))")
    }
    let rows = front.enumerated().map { k, entry -> [ReportTable.Cell] in
      [.text(k == optimisation.best ? "\(k + 1) *" : "\(k + 1)"), .text(entry.label)]
        + [.number(entry.search.costMean, costFormat), .number(entry.search.costP90, costFormat)]
        + problem.objectives.indices.flatMap { [estimate(entry.search, $0), estimate(entry.reevaluated, $0)] }
    }
    let objectiveColumns = problem.objectives.flatMap { objective in
      [ReportTable.Column(objective.label), ReportTable.Column("fresh runs")]
    }
    let runs = optimisation.runs
    let budgetText =
      problem.budget.limit.map {
        "within \(NumberFormat(style: .quantity, decimals: $0 == $0.rounded() ? 0 : 2).string($0)) 亿元 "
          + "(\(problem.budget.measure.rawValue))"
      }
      ?? "no budget"
    return ReportTable(
      name: "optimise",
      title: "Pareto front of \(problem.base.id): \(front.count) plans \(budgetText), \(optimisation.evaluated) of "
        + "\(optimisation.spaceSize) portfolios evaluated (\(methodText)), \(runs) runs, seed \(optimisation.seed)",
      columns: [
        ReportTable.Column("#", alignment: .left), ReportTable.Column("Plan", alignment: .left),
        ReportTable.Column("Cost mean"), ReportTable.Column("Cost P90"),
      ] + objectiveColumns,
      sections: [ReportTable.Section(heading: nil, rows: rows)],
      notes: [
        "Cost: total programme cost over the horizon, 亿元. Objectives ± standard error over runs 0–\(runs - 1) "
          + "(the search's, common to every plan); fresh runs: \(runs)–\(2 * runs - 1), not used to choose.",
        "Marked *: the best plan within the budget on the first objective (what --out-plan writes by default).",
      ])
  }

  /// The format of objective `o`: a percentage for a probability, the output's unit for a quantile.
  private func format(of o: Int, values: [Double]) -> NumberFormat {
    switch problem.objectives[o] {
    case .targetsMet: NumberFormat(style: .percent, decimals: 1)
    case .quantile(_, let output, _):
      NumberFormat.fitting(values, unit: problem.base.model.catalogue[output]?.unit ?? "score")
    }
  }

  private var methodText: String {
    switch optimisation.method {
    case .exhaustive: "exhaustive"
    case let .evolutionary(population, generations, seed):
      "evolutionary, population \(population), \(generations) generations, seed \(seed)"
    }
  }

  /// `{"base", "objective", "budget", "evaluated", "front": [{"plan": [{"id", "start", "scale"}],
  /// "label", "cost_mean", "cost_p90", "objective", "objective_se", "reevaluated"}], "best", "meta"}`
  /// (docs/optimise.md, "JSON"); `meta` holds what varies between identical runs.
  public func json(meta: [String: Any]) throws -> Data {
    func number(_ x: Double) -> Any { x.isFinite ? x : NSNull() }
    func figures(_ f: PortfolioFigures) -> [String: Any] {
      [
        "cost_mean": number(f.costMean), "cost_p90": number(f.costP90), "objective": f.objectives.map(number),
        "objective_se": f.standardErrors.map(number), "runs": f.runs,
      ]
    }
    let front: [[String: Any]] = optimisation.front.map { entry in
      var item = figures(entry.search)
      item["plan"] = entry.plan.map { ["id": $0.id, "start": $0.start, "scale": $0.scale] as [String: Any] }
      item["label"] = entry.label
      item["reevaluated"] = figures(entry.reevaluated)
      return item
    }
    let method: [String: Any] =
      switch optimisation.method {
      case .exhaustive: ["kind": "exhaustive"]
      case let .evolutionary(population, generations, seed):
        ["kind": "evolutionary", "population": population, "generations": generations, "seed": seed]
      }
    let document: [String: Any] = [
      "base": problem.base.id, "objective": problem.objectives.map(Self.json), "method": method,
      "budget": ["limit": problem.budget.limit.map(number) ?? NSNull(), "measure": problem.budget.measure.rawValue],
      "evaluated": optimisation.evaluated, "portfolios": optimisation.spaceSize, "runs": optimisation.runs,
      "reevaluation_runs": [optimisation.runs, 2 * optimisation.runs], "seed": optimisation.seed,
      "candidates": problem.candidates.map { candidate in
        ["id": candidate.id, "starts": candidate.starts, "scales": candidate.scales] as [String: Any]
      },
      "front": front, "best": optimisation.best.map { $0 as Any } ?? NSNull(), "meta": meta,
    ]
    var data = try JSONSerialization.data(
      withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    data.append(0x0A)
    return data
  }

  private static func json(_ objective: PortfolioObjective) -> [String: Any] {
    switch objective {
    case .targetsMet(let ids):
      ["kind": "targets_met", "targets": ids.map { $0 as Any } ?? "all", "label": objective.label]
    case let .quantile(probability, output, year):
      ["kind": "quantile", "quantile": probability, "of": output, "year": year, "label": objective.label]
    }
  }

  /// One self-contained page: the front chart (each point labelled with its composition) and the table.
  public func html() -> String {
    let title = "Portfolio search: \(problem.base.id)"
    var body = ["<h1>\(xmlEscaped(title))</h1>"]
    if let chart = FrontChart(report: self).svg() { body.append(HTMLReport.figure(chart)) }
    body.append(HTMLReport.table(frontTable()))
    return HTMLReport.document(title: title, language: .en, body: body)
  }
}
