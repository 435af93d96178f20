import CityModel
import Dispatch
import Synchronization

/// Evaluates many portfolios — each compiled as its own scenario (the base plus the chosen
/// interventions) — on common random numbers: every scenario is projected over the same run
/// indices with one shared sampler, and sampling is keyed by (seed, run, parameter path), so a
/// parameter two portfolios share takes the same value in each run and their difference is the
/// portfolios' doing. Only each run's total cost and objective values are kept, never the
/// scenarios' whole results, so memory grows with the batch and the runs, not with the outputs.
public struct PortfolioEvaluation: Sendable {
  public let objectives: [PortfolioObjective]
  /// The run indices evaluated: 0..<N for the search, N..<2N for a re-evaluation on fresh runs.
  public let runs: Range<Int>
  public let threads: Int
  /// Runs per block: the unit of work, one (portfolio, block) pair at a time per thread.
  public let blockSize: Int

  public init(objectives: [PortfolioObjective], runs: Range<Int>, threads: Int, blockSize: Int = 1024) {
    precondition(!runs.isEmpty, "an evaluation needs runs")
    self.objectives = objectives
    self.runs = runs
    self.threads = max(1, threads)
    self.blockSize = max(1, blockSize)
  }

  /// The figures of each scenario, in order. Every scenario must share the first one's seed
  /// and years. Throws `NumericalFailure` when a projection overflows.
  public func evaluate(_ scenarios: [CompiledScenario]) throws -> [PortfolioFigures] {
    guard let first = scenarios.first else { return [] }
    for scenario in scenarios {
      guard scenario.seed == first.seed, scenario.baseYear == first.baseYear, scenario.horizon == first.horizon
      else { throw SimulationError("portfolios evaluated together need one seed and the same years") }
    }
    let measures = try scenarios.map { try RunMeasures(objectives, in: $0) }
    // Every scenario's parameters drawn once per run: what the portfolios share is drawn once.
    let sampler = SharedDraws(scenarios.flatMap(\.parameters), seed: first.seed, runs: runs, threads: threads)
    let blocks = (runs.count + blockSize - 1) / blockSize
    let items = scenarios.count * blocks
    let results = ResultSlots<PortfolioBlock>(count: items)
    let next = Atomic(0)
    DispatchQueue.concurrentPerform(iterations: min(threads, items)) { _ in
      while case let item = next.wrappingAdd(1, ordering: .relaxed).oldValue, item < items {
        let (k, b) = item.quotientAndRemainder(dividingBy: blocks)
        let lower = runs.lowerBound + b * blockSize
        let block = scenarios[k].project(runs: lower..<min(lower + blockSize, runs.upperBound), sampler: sampler)
        results.store(measures[k].take(from: block, of: scenarios[k]), at: item)
      }
    }
    var diagnostics: [NumericalDiagnostic] = []
    let figures = (0..<scenarios.count).map { k in
      var cost: [Double] = []
      var values = [[Double]](repeating: [], count: objectives.count)
      cost.reserveCapacity(runs.count)
      for b in 0..<blocks {
        let block = results.take(k * blocks + b)
        cost += block.cost
        for o in values.indices { values[o] += block.measures[o] }
        diagnostics += block.errors
      }
      return PortfolioFigures(objectives: objectives, measures: values, cost: cost)
    }
    try NumericalFailure.refuseErrors(in: diagnostics)
    return figures
  }
}

/// What a block of one portfolio's runs leaves behind: each run's total cost and objective
/// values, and any numerical errors.
private struct PortfolioBlock: Sendable {
  var cost: [Double]
  var measures: [[Double]]
  var errors: [NumericalDiagnostic]
}

/// The per-run value of each objective in one compiled scenario: 1 or 0 for "the targets are
/// met", or an output's value in a year.
private struct RunMeasures: Sendable {
  enum Measure: Sendable {
    case targetsMet([Int])
    case value(output: Int, year: Int)
  }

  let measures: [Measure]

  init(_ objectives: [PortfolioObjective], in scenario: CompiledScenario) throws {
    measures = try objectives.map { objective in
      switch objective {
      case .targetsMet(let ids):
        let chosen = scenario.targets.indices.filter { ids?.contains(scenario.targets[$0].id) ?? true }
        guard !chosen.isEmpty else { throw SimulationError("no target of '\(scenario.id)' is named by the objective") }
        return .targetsMet(chosen)
      case let .quantile(_, output, year):
        guard let position = scenario.outputs.firstIndex(where: { $0.id == output }) else {
          throw SimulationError("'\(output)' is not an output of scenario '\(scenario.id)'")
        }
        guard (1...scenario.horizon).contains(year - scenario.baseYear) else {
          throw SimulationError("\(year) is not a projected year of scenario '\(scenario.id)'")
        }
        return .value(output: position, year: year - scenario.baseYear)
      }
    }
  }

  func take(from block: BlockOutput, of scenario: CompiledScenario) -> PortfolioBlock {
    let n = block.runs.count
    var cost = [Double](repeating: 0, count: n)
    for t in 1..<block.years {
      for i in 0..<n { cost[i] += block.value(series: scenario.costSeries, year: t, run: i) }
    }
    let values = measures.map { measure -> [Double] in
      switch measure {
      case .targetsMet(let targets):
        (0..<n).map { i in
          targets.allSatisfy { k in
            let (series, offset) = scenario.targetSeries[k]
            return scenario.targets[k].isMet(by: block.value(series: series, year: offset, run: i))
          } ? 1 : 0
        }
      case let .value(output, year):
        (0..<n).map { block.value(series: output, year: year, run: $0) }
      }
    }
    return PortfolioBlock(cost: cost, measures: values, errors: block.diagnostics.filter(\.isError))
  }
}
