import CityModel
import Foundation
import Simulation
import Stochastics
import Testing

/// Invariants of the Monte Carlo driver: determinism, thread independence, common random numbers.
@Suite struct ReproducibilityTests {
  static func uncertainScenario(
    id: String = "base", extra: [Intervention] = [], policyEffect: Double = 0.02
  ) -> Scenario {
    ScenarioBuilder.scenario(
      id: id,
      indicators: [
        ScenarioBuilder.stock("metro_km", addition: .normal(mean: 20, sd: 8)),
        ScenarioBuilder.stock("landmark_districts", addition: .poisson(mean: 0.3)),
        ScenarioBuilder.response(
          "tourism_spending", drift: .normal(mean: 0.04, sd: 0.02), sd: .fixed(0.05), ar: .fixed(0.5),
          exposure: .fixed(1)),
        ScenarioBuilder.response(
          "retail_sales", drift: .normal(mean: 0.03, sd: 0.01), sd: .fixed(0.02), ar: .fixed(0.3),
          exposure: .fixed(0.3),
          drivers: [
            Driver(from: "metro_km", elasticity: .triangular(min: 0.02, mode: 0.08, max: 0.15), lag: 1),
            Driver(from: "tourism_spending", elasticity: .normal(mean: 0.2, sd: 0.05)),
          ]),
      ],
      baseline: ["metro_km": 800, "landmark_districts": 10, "tourism_spending": 3000, "retail_sales": 16000],
      interventions: [
        Intervention(
          id: "refund", action: .policy("instant_tax_refund"), start: 2025, ramp: 2, delay: .poisson(mean: 0.5))
      ] + extra,
      targets: [Target(output: "retail_sales", year: 2030, bound: .atLeast(20000))],
      policies: [
        Policy(
          id: "instant_tax_refund", name: LocalizedText(zh: "即买即退", en: "Instant refund"),
          effects: [PolicyEffect(indicator: "retail_sales", effect: .uniform(min: 0, max: policyEffect))])
      ],
      disruption: Disruption(probability: .fixed(0.05), size: .normal(mean: -0.4, sd: 0.15)),
      correlations: [ShockCorrelation(first: "retail_sales", second: "tourism_spending", correlation: 0.6)])
  }

  static func json(_ result: RunResult) throws -> Data {
    try ResultCoding.encoder().encode(result)
  }

  @Test func sameSeedGivesByteIdenticalResultsAtAnyThreadCount() throws {
    let compiled = try CompiledScenario(Self.uncertainScenario())
    // Runs not a multiple of the block size, so the last block is partial.
    let one = MonteCarlo.run(compiled, options: MonteCarloOptions(runs: 5000, threads: 1, blockSize: 256))
    let two = MonteCarlo.run(compiled, options: MonteCarloOptions(runs: 5000, threads: 2, blockSize: 256))
    let again = MonteCarlo.run(compiled, options: MonteCarloOptions(runs: 5000, threads: 2, blockSize: 256))
    #expect(try Self.json(one) == Self.json(two))
    #expect(try Self.json(two) == Self.json(again))
  }

  @Test func blockSizeDoesNotChangeResults() throws {
    let compiled = try CompiledScenario(Self.uncertainScenario())
    let small = MonteCarlo.run(compiled, options: MonteCarloOptions(runs: 3000, threads: 2, blockSize: 100))
    let large = MonteCarlo.run(compiled, options: MonteCarloOptions(runs: 3000, threads: 2, blockSize: 1024))
    #expect(try Self.json(small) == Self.json(large))
  }

  /// Adding an intervention that touches only landmark districts must leave every other
  /// indicator's draws, hence its whole distribution, exactly as it was.
  @Test func unrelatedInterventionLeavesOtherDrawsUnchanged() throws {
    let extra = Intervention(
      id: "new-district", action: .addToStocks([StockAddition(indicator: "landmark_districts", amount: .fixed(2))]),
      start: 2026, ramp: 2, delay: .poisson(mean: 1), cost: .triangular(min: 10, mode: 20, max: 40))
    let before = try ScenarioBuilder.run(Self.uncertainScenario(), runs: 2000)
    let after = try ScenarioBuilder.run(Self.uncertainScenario(extra: [extra]), runs: 2000)
    for id in ["metro_km", "tourism_spending", "retail_sales"] {
      #expect(before.series.filter { $0.indicator == id } == after.series.filter { $0.indicator == id }, "\(id)")
    }
    #expect(
      before.series.filter { $0.indicator == "landmark_districts" }
        != after.series.filter { $0.indicator == "landmark_districts" })
  }

  /// Common random numbers: a plan that differs only by a tiny policy effect has a paired
  /// difference far tighter than the spread of either plan.
  @Test func pairedDifferenceIsTightUnderCommonRandomNumbers() throws {
    let base = try CompiledScenario(Self.uncertainScenario(id: "base", policyEffect: 0.02))
    let alternative = try CompiledScenario(Self.uncertainScenario(id: "alt", policyEffect: 0.021))
    let options = MonteCarloOptions(runs: 4000, threads: 2)
    let comparison = try MonteCarlo.compare(base: base, alternatives: [alternative], options: options)
    let baseRun = MonteCarlo.run(base, options: options)
    let difference = comparison.comparisons[0].differences.first { $0.indicator == "retail_sales" && $0.year == 2033 }!
    let spread = baseRun.point("retail_sales", 2033).sd
    #expect(difference.sd < spread / 100, "paired sd \(difference.sd) vs scenario sd \(spread)")
    #expect(difference.mean > 0)
    // Unaffected indicators differ by exactly zero in every run.
    let tourism = comparison.comparisons[0].differences.filter { $0.indicator == "tourism_spending" }
    #expect(tourism.allSatisfy { $0.mean == 0 && $0.sd == 0 && $0.probabilityHigher == 0 })
  }

  @Test func comparisonIsAntisymmetric() throws {
    let a = try CompiledScenario(Self.uncertainScenario(id: "a", policyEffect: 0.02))
    let b = try CompiledScenario(Self.uncertainScenario(id: "b", policyEffect: 0.05))
    let options = MonteCarloOptions(runs: 1000, threads: 2)
    let ab = try MonteCarlo.compare(base: a, alternatives: [b], options: options).comparisons[0].differences
    let ba = try MonteCarlo.compare(base: b, alternatives: [a], options: options).comparisons[0].differences
    for (x, y) in zip(ab, ba) {
      // Means negate exactly (same values, same order); interpolated quantiles to rounding.
      #expect(x.mean == -y.mean)
      #expect(abs(x.p50 + y.p50) <= 1e-12 * max(1, abs(x.p50)) && abs(x.p5 + y.p95) <= 1e-12 * max(1, abs(x.p5)))
    }
  }

  @Test func targetProbabilitiesAreConsistent() throws {
    let result = try ScenarioBuilder.run(Self.uncertainScenario(), runs: 3000)
    let target = result.targets[0]
    #expect(target.probability > 0 && target.probability < 1)
    let firstMetTotal = target.firstMet.reduce(0) { $0 + $1.probability }
    // Meeting the bound in 2030 implies a first year at or before 2030.
    let byTargetYear = target.firstMet.filter { $0.year <= 2030 }.reduce(0) { $0 + $1.probability }
    #expect(byTargetYear >= target.probability - 1e-12)
    #expect(firstMetTotal <= 1 + 1e-12)
  }
}
