import CityModel

/// What `compare` gathers about cost and targets while the paired blocks go by: per alternative,
/// the summaries of the base's cost, the alternative's cost and their paired difference (each per
/// year and in total), and the runs in which each of the base's targets is met in either plan.
struct PairedCostTally {
  private enum Role: Int, CaseIterable {
    case base, plan, difference
  }

  private let years: Int
  private let costSeries: (base: Int, alternatives: [Int])
  /// Per alternative, per base target: the alternative's output it is checked on, if it has it.
  private let targetOutputs: [[Int?]]
  private let baseTargets: [Target]
  private let baseTargetYears: [Int]
  /// Per (alternative, role), the years then the total: `(a · 3 + role) · (years + 1) + t`.
  private let summaries: SummaryBank
  private var baseMet: [Int]
  private var planMet: [[Int]]

  init(base: CompiledScenario, alternatives: [CompiledScenario], exactLimit: Int) {
    years = base.horizon + 1
    costSeries = (base.costSeries, alternatives.map(\.costSeries))
    baseTargets = base.targets
    baseTargetYears = base.targetSeries.map(\.yearOffset)
    targetOutputs = alternatives.map { alternative in
      base.targets.map { target in alternative.outputs.firstIndex { $0.id == target.output } }
    }
    summaries = SummaryBank(count: alternatives.count * Role.allCases.count * (years + 1), exactLimit: exactLimit)
    baseMet = [Int](repeating: 0, count: base.targets.count)
    planMet = alternatives.map { _ in [Int](repeating: 0, count: base.targets.count) }
  }

  /// Adds the runs of one wave of paired blocks.
  mutating func absorb(_ blocks: [PairedBlocks], threads: Int) {
    let (years, costSeries) = (years, costSeries)
    summaries.absorb(threads: threads) { k, summary in
      let t = k % (years + 1)
      let role = Role.allCases[(k / (years + 1)) % Role.allCases.count]
      let a = k / ((years + 1) * Role.allCases.count)
      for block in blocks {
        let plan = block.alternatives[a]
        let values = (0..<block.base.runs.count).map { i in
          let cost = { (output: BlockOutput, series: Int) -> Double in
            t == years
              ? (0..<years).reduce(0) { $0 + output.value(series: series, year: $1, run: i) }
              : output.value(series: series, year: t, run: i)
          }
          let baseCost = cost(block.base, costSeries.base)
          let planCost = cost(plan, costSeries.alternatives[a])
          return switch role {
          case .base: baseCost
          case .plan: planCost
          case .difference: planCost - baseCost
          }
        }
        values.withUnsafeBufferPointer { summary.add(contentsOf: $0) }
      }
    }
    for block in blocks {
      for k in baseMet.indices { baseMet[k] += block.base.targetMet[k] }
      for (a, plan) in block.alternatives.enumerated() {
        for (k, target) in baseTargets.enumerated() {
          guard let output = targetOutputs[a][k] else { continue }
          planMet[a][k] += (0..<plan.runs.count).count {
            target.isMet(by: plan.value(series: output, year: baseTargetYears[k], run: $0))
          }
        }
      }
    }
  }

  /// The cost of each alternative beside the base's, and what each buys per 100 亿元, from the
  /// paired differences already summarised (`comparisons[a].differences`).
  func results(
    baseYear: Int, outputs: [OutputInfo], differences: [[Difference]], runs: Int, threads: Int
  ) -> [(cost: ComparisonCost, effectiveness: CostEffectiveness)] {
    let statistics = summaries.statistics(threads: threads)
    func summary(_ a: Int, _ role: Role) -> CostSummary {
      let first = (a * Role.allCases.count + role.rawValue) * (years + 1)
      let byYear = (0..<years).map { t in
        let s = statistics[first + t]
        return CostPoint(year: baseYear + t, mean: s.mean, sd: s.sd, p5: s.p5, p50: s.p50, p95: s.p95)
      }
      let s = statistics[first + years]
      return CostSummary(total: CostTotal(mean: s.mean, sd: s.sd, p5: s.p5, p50: s.p50, p95: s.p95), byYear: byYear)
    }
    let index = outputs.first { $0.kind == .index }?.id
    let lastYear = baseYear + years - 1
    return differences.enumerated().map { a, differences in
      let cost = ComparisonCost(base: summary(a, .base), plan: summary(a, .plan), difference: summary(a, .difference))
      let costDifference = cost.difference.total.mean
      let change = { (indicator: String, year: Int) in
        differences.first { $0.indicator == indicator && $0.year == year }?.mean
      }
      var indicators: [IndicatorEffect] = []
      for target in baseTargets
      where !indicators.contains(where: { $0.indicator == target.output && $0.year == target.year }) {
        guard let mean = change(target.output, target.year) else { continue }
        indicators.append(
          IndicatorEffect(
            indicator: target.output, year: target.year, change: mean,
            per100: CostEffectiveness.per100(mean, costDifference: costDifference)))
      }
      let targets = baseTargets.indices.compactMap { k -> TargetProbabilityChange? in
        guard targetOutputs[a][k] != nil else { return nil }
        return TargetProbabilityChange(
          indicator: baseTargets[k].output, year: baseTargets[k].year,
          baseProbability: Double(baseMet[k]) / Double(runs), planProbability: Double(planMet[a][k]) / Double(runs))
      }
      let indexChange = index.flatMap { change($0, lastYear) }
      let undefined = abs(costDifference) < CostEffectiveness.zeroCost
      let effectiveness = CostEffectiveness(
        costDifference: costDifference,
        indexPer100: indexChange.flatMap { CostEffectiveness.per100($0, costDifference: costDifference) },
        undefinedReason: undefined ? CostEffectiveness.zeroCostReason : nil, indicators: indicators, targets: targets)
      return (cost, effectiveness)
    }
  }
}
