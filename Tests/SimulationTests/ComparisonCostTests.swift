import CityModel
import Foundation
import Simulation
import Testing

/// Cost and cost-effectiveness of `compare` against a scenario whose costs and effects have a
/// closed form: retail sales alone make the index, 100·ln(x/1000)/ln 25 on goalposts [1000, 25000].
/// Both plans carry a programme whose cost is uncertain (triangular 10–20–40, the same draws in
/// both); the alternative adds a tax refund (γ = 0.1, phased in 2025–2027) costing a fixed 30 亿元,
/// 10 a year. So the paired cost difference is exactly 30 in every run, the index rises by
/// 100·0.1/ln 25 by 2033, retail sales in 2030 by 5000·(e^0.1 − 1), and the target
/// "retail sales ≥ 5200 in 2030" goes from never met (5000) to always met (5525.9).
@Suite struct ComparisonCostTests {
  static func plan(id: String, refundCost: Double?) -> Scenario {
    let shared = Intervention(
      id: "shared", action: .policy("shared"), start: 2024, ramp: 2, cost: .triangular(min: 10, mode: 20, max: 40))
    let refund = refundCost.map {
      Intervention(id: "refund", action: .policy("refund"), start: 2025, ramp: 3, cost: .fixed($0))
    }
    return ScenarioBuilder.scenario(
      id: id, indicators: [ScenarioBuilder.response("retail_sales")], baseline: ["retail_sales": 5000],
      interventions: [shared] + (refund.map { [$0] } ?? []),
      targets: [Target(output: "retail_sales", year: 2030, bound: .atLeast(5200))],
      policies: [
        Policy(
          id: "shared", name: LocalizedText(zh: "共有", en: "shared"),
          effects: [PolicyEffect(indicator: "retail_sales", effect: .fixed(0))]),
        Policy(
          id: "refund", name: LocalizedText(zh: "退税", en: "refund"),
          effects: [PolicyEffect(indicator: "retail_sales", effect: .fixed(0.1))]),
      ],
      index: IndexSpecification(
        dimensionWeights: [.prosperity: .fixed(1)], goalposts: ["retail_sales": Goalpost(low: 1000, high: 25000)]))
  }

  static func compare(refundCost: Double, runs: Int = 400) throws -> Comparison {
    let result = try MonteCarlo.compare(
      base: CompiledScenario(plan(id: "base", refundCost: nil)),
      alternatives: [CompiledScenario(plan(id: "refund", refundCost: refundCost))],
      options: MonteCarloOptions(runs: runs, threads: 2))
    return result.comparisons[0]
  }

  @Test func costEffectivenessMatchesTheClosedForm() throws {
    let comparison = try Self.compare(refundCost: 30)
    let cost = try #require(comparison.cost)
    let effectiveness = try #require(comparison.costEffectiveness)
    // Paired: the uncertain shared programme cancels run by run.
    #expect(abs(cost.difference.total.mean - 30) < 1e-9)
    #expect(abs(cost.difference.total.p5 - 30) < 1e-9 && abs(cost.difference.total.p95 - 30) < 1e-9)
    #expect(cost.difference.total.sd < 1e-9)
    // The shared programme alone: mean of triangular(10, 20, 40) = 70/3, with spread.
    #expect(abs(cost.base.total.mean - 70.0 / 3) < 1.0)
    #expect(cost.base.total.p95 - cost.base.total.p5 > 10)
    #expect(abs(cost.plan.total.mean - cost.base.total.mean - 30) < 1e-9)
    #expect(cost.difference.byYear.map(\.year) == Array(2023...2033))
    for point in cost.difference.byYear {
      #expect(abs(point.mean - ((2025...2027).contains(point.year) ? 10 : 0)) < 1e-9, "\(point.year)")
    }
    let indexChange = 100 * 0.1 / log(25)
    #expect(abs(try #require(effectiveness.indexPer100) - 100 * indexChange / 30) < 1e-9)
    #expect(abs(effectiveness.costDifference - 30) < 1e-9)
    #expect(effectiveness.undefinedReason == nil)
    #expect(effectiveness.indicators.count == 1)
    let retail = try #require(effectiveness.indicators.first)
    #expect(retail.indicator == "retail_sales" && retail.year == 2030)
    #expect(abs(retail.change - 5000 * (exp(0.1) - 1)) < 1e-9)
    #expect(abs(try #require(retail.per100) - 100 * 5000 * (exp(0.1) - 1) / 30) < 1e-9)
    #expect(
      effectiveness.targets == [
        TargetProbabilityChange(indicator: "retail_sales", year: 2030, baseProbability: 0, planProbability: 1)
      ])
    #expect(effectiveness.targets[0].probabilityChange == 1)
  }

  @Test func zeroCostDifferenceLeavesThePer100FiguresUndefined() throws {
    let effectiveness = try #require(try Self.compare(refundCost: 0).costEffectiveness)
    #expect(effectiveness.costDifference == 0)
    #expect(effectiveness.indexPer100 == nil)
    #expect(effectiveness.indicators.allSatisfy { $0.per100 == nil })
    #expect(effectiveness.undefinedReason == "zero cost difference")
    let encoded = try #require(String(data: ResultCoding.encoder().encode(effectiveness), encoding: .utf8))
    let json = encoded.filter { !$0.isWhitespace }
    #expect(json.contains("\"index_per100\":null") && json.contains("\"per100\":null"))
  }
}
