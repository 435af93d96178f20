import CityModel
import Simulation

/// The outcome of `iccsim optimise`: the Pareto front within the budget, each entry with its
/// figures on the search's runs and on fresh runs, and the best entry on the first objective.
public struct PortfolioOptimisation: Sendable {
  /// A front entry: the portfolio, its plan, and its figures on the search's runs 0..<N and on
  /// the fresh runs N..<2N (the optimiser's curse: the search's figures of the winners are biased
  /// upwards, the fresh ones are not).
  public struct Entry: Sendable {
    public var portfolio: Portfolio
    public var plan: [PlannedCandidate]
    public var label: String
    public var search: PortfolioFigures
    public var reevaluated: PortfolioFigures
  }

  public var method: PortfolioSearchMethod
  /// Portfolios in the space and portfolios evaluated.
  public var spaceSize: Int
  public var evaluated: Int
  public var runs: Int
  public var seed: UInt64
  /// The front by cost (the budget measure), then by portfolio.
  public var front: [Entry]
  /// The position in `front` of the best entry on the first objective (`ParetoFront.best`).
  public var best: Int?

  /// Searches `problem` on runs 0..<`runs` (the base's seed) and re-evaluates the front on runs
  /// runs..<2·runs. `progress` hears the number of portfolios evaluated so far.
  public static func run(
    _ problem: PortfolioProblem, runs: Int, threads: Int, searchOptions: PortfolioSearchOptions = .init(),
    progress: ((Int) -> Void)? = nil
  ) throws -> PortfolioOptimisation {
    let space = problem.space
    let search = PortfolioEvaluation(objectives: problem.objectives, runs: 0..<runs, threads: threads)
    var figures: [Portfolio: PortfolioFigures] = [:]
    let result = try PortfolioSearch.search(space: space, budget: problem.budget.limit, options: searchOptions) {
      portfolios in
      let compiled = try portfolios.map { try CompiledScenario(problem.scenario($0)) }
      let evaluated = try search.evaluate(compiled)
      for (portfolio, figure) in zip(portfolios, evaluated) { figures[portfolio] = figure }
      progress?(figures.count)
      return evaluated.map { figure in
        PortfolioScore(
          objectives: figure.objectives,
          cost: problem.budget.measure == .mean ? figure.costMean : figure.costP90)
      }
    }
    let fresh = PortfolioEvaluation(objectives: problem.objectives, runs: runs..<(2 * runs), threads: threads)
    let reevaluated = try fresh.evaluate(try result.front.map { try CompiledScenario(problem.scenario($0.portfolio)) })
    let front = zip(result.front, reevaluated).map { scored, again in
      guard let found = figures[scored.portfolio] else { preconditionFailure("a front portfolio was not evaluated") }
      return Entry(
        portfolio: scored.portfolio, plan: problem.plan(scored.portfolio), label: problem.label(scored.portfolio),
        search: found, reevaluated: again)
    }
    let best = ParetoFront.best(of: result.front).flatMap { winner in
      result.front.firstIndex { $0.portfolio == winner.portfolio }
    }
    return PortfolioOptimisation(
      method: result.method, spaceSize: space.size ?? Int.max, evaluated: result.evaluated, runs: runs,
      seed: problem.base.seed, front: front, best: best)
  }
}
