import CityModel
import Foundation
import Simulation
import Stochastics
import Testing

/// The index's normalisation per indicator, and the warning when a median passes a goalpost.
@Suite("Goalposts: normalisation and saturation")
struct GoalpostTests {
  /// The three policy scores of the issue, 60, 55 and 65 with goalposts 40–95, in one dimension.
  static func policyScores(_ normalisation: Normalisation) throws -> RunResult {
    let ids = ["coordination_mechanism", "policy_innovation", "implementation_plan"]
    let catalogue = IndicatorCatalogue(ids.map { ScenarioBuilder.indicator($0, .policy, .logit, .response) })
    let goalpost = Goalpost(low: 40, high: 95, normalisation: normalisation)
    var scenario = ScenarioBuilder.scenario(
      indicators: ids.map { ScenarioBuilder.response($0) },
      baseline: Dictionary(uniqueKeysWithValues: zip(ids, [60.0, 55, 65])),
      index: IndexSpecification(goalposts: Dictionary(uniqueKeysWithValues: ids.map { ($0, goalpost) })),
      horizon: 1)
    scenario.model.catalogue = catalogue
    return try ScenarioBuilder.run(scenario, runs: 2)
  }

  /// Logit space: mean of 100·(logit y − logit 40)/(logit 95 − logit 40) = 24.3; natural units:
  /// mean of 100·(y − 40)/55 = 36.4 (docs/model.md, "Normalisation").
  @Test func theWorkedExampleScores24Point3TransformedAnd36Point4Linear() throws {
    let logit = { (y: Double) in log(y / (100 - y)) }
    let transformed = [60.0, 55, 65].map { 100 * (logit($0) - logit(40)) / (logit(95) - logit(40)) }.reduce(0, +) / 3
    let transformedScore = try Self.policyScores(.transformed).point("policy", 2023).p50
    let linearScore = try Self.policyScores(.linear).point("policy", 2023).p50
    #expect(abs(transformedScore - transformed) < 1e-12)
    #expect(abs(linearScore - 100 * 60 / 165) < 1e-12)
    #expect((transformedScore * 10).rounded() / 10 == 24.3)
    #expect((linearScore * 10).rounded() / 10 == 36.4)
  }

  /// A linear count: metro 900 + 50 a year in [100, 1000] scores 100·(950 − 100)/900 after a
  /// year, and 100 once past the goalpost.
  @Test func aLinearStockIsNormalisedOnItsLevel() throws {
    let scenario = ScenarioBuilder.scenario(
      indicators: [ScenarioBuilder.stock("metro_km", addition: .fixed(50))], baseline: ["metro_km": 900],
      index: IndexSpecification(goalposts: ["metro_km": Goalpost(low: 100, high: 1000, normalisation: .linear)]),
      horizon: 3)
    let result = try ScenarioBuilder.run(scenario, runs: 2)
    #expect(abs(result.point("accessibility", 2024).p50 - 100 * 850 / 900) < 1e-12)
    #expect(result.point("accessibility", 2026).p50 == 100)
  }

  /// Metro 900 + 50 a year passes its high goalpost 1000 in 2026 (1000 in 2025 is on it, not past
  /// it); a rank falling from 3 by e^−0.5 a year passes its low goalpost 2 in 2024, where the
  /// index scores it 100 because lower is better.
  @Test func theFirstYearAMedianPassesAGoalpostIsRecorded() throws {
    let scenario = ScenarioBuilder.scenario(
      indicators: [
        ScenarioBuilder.stock("metro_km", addition: .fixed(50)),
        ScenarioBuilder.response("global_city_rank", drift: .fixed(-0.5)),
        ScenarioBuilder.response("retail_sales"),
      ],
      baseline: ["metro_km": 900, "global_city_rank": 3, "retail_sales": 5000],
      index: IndexSpecification(goalposts: [
        "metro_km": Goalpost(low: 100, high: 1000), "global_city_rank": Goalpost(low: 2, high: 200),
        "retail_sales": Goalpost(low: 1000, high: 25000),
      ]),
      horizon: 4)
    let result = try ScenarioBuilder.run(scenario, runs: 2)
    let crossings = try #require(result.goalpostCrossings)
    #expect(crossings.map(\.indicator) == ["global_city_rank", "metro_km"])
    #expect(crossings[0].year == 2024 && crossings[0].end == .low && crossings[0].goalpost == 2)
    #expect(crossings[0].score == 100)
    #expect(crossings[1].year == 2026 && crossings[1].end == .high && crossings[1].p50 == 1050)
    #expect(
      crossings[1].message(scenario: "test")
        == "test: the median of metro_km passes its high goalpost 1000 in 2026 (P50 1050): from there the index "
        + "scores it 100, and a further rise does not move the index")
  }

  /// No crossing, no key: results without one keep their JSON byte for byte.
  @Test func aResultWithoutCrossingsHasNoCrossingKey() throws {
    let scenario = ScenarioBuilder.scenario(
      indicators: [ScenarioBuilder.stock("metro_km", addition: .fixed(50))], baseline: ["metro_km": 500],
      index: IndexSpecification(goalposts: ["metro_km": Goalpost(low: 100, high: 1000)]), horizon: 3)
    let result = try ScenarioBuilder.run(scenario, runs: 2)
    #expect(result.goalpostCrossings == nil)
    let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
    #expect(!json.contains("goalpostCrossings"))
  }
}
