import CityModel
import Foundation
import Simulation
import Stochastics
import Testing

/// Values that overflow, scores that saturate and stocks driven below zero are reported with
/// their indicator, year and run, and nothing undefined reaches the summaries.
@Suite struct NumericalGuardTests {
  /// A drift of 100 log points a year passes exp's range (ln(DBL_MAX) ≈ 709.8) in the 8th year.
  @Test func overflowIsAnErrorNamingIndicatorYearAndRun() throws {
    let scenario = ScenarioBuilder.scenario(
      indicators: [ScenarioBuilder.response("retail_sales", drift: .uniform(min: 99, max: 101))],
      baseline: ["retail_sales": 1000])
    let result = try ScenarioBuilder.run(scenario, runs: 50)
    let diagnostic = try #require(result.diagnostics.first { $0.kind == .nonFinite })
    #expect(diagnostic.indicator == "retail_sales" && diagnostic.run == 0 && diagnostic.runs == 50)
    #expect((2030...2031).contains(diagnostic.year), "ln(1000) + 7·101 < 709.8 < ln(1000) + 8·99")
    #expect(diagnostic.isError)
    // Quantiles are values that were kept finite; moments of values near DBL_MAX may still
    // overflow, which is why a result with an error is refused whole by the command line.
    #expect(result.series.allSatisfy { [$0.p5, $0.p50, $0.p95].allSatisfy(\.isFinite) && !$0.mean.isNaN })
  }

  /// A score drifting up 20 logit points a year is pinned at 100 (logit > 36.7 rounds to 100).
  @Test func saturatedScoreIsAWarning() throws {
    let scenario = ScenarioBuilder.scenario(
      indicators: [ScenarioBuilder.response("consumer_satisfaction", drift: .fixed(20))],
      baseline: ["consumer_satisfaction": 80])
    let result = try ScenarioBuilder.run(scenario, runs: 10)
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.kind == .saturated && !diagnostic.isError)
    // logit(80) = 1.386; above 36.7 from the 2nd year on (1.386 + 2·20 = 41.4).
    #expect(diagnostic.year == 2025 && diagnostic.run == 0 && diagnostic.runs == 10)
    #expect(result.point("consumer_satisfaction", 2033).p50 == 100)
  }

  /// 100 km of metro losing 40 a year is held at 0 from the third year.
  @Test func stockBelowZeroIsHeldAtZeroAndReported() throws {
    let scenario = ScenarioBuilder.scenario(
      indicators: [ScenarioBuilder.stock("metro_km", addition: .fixed(-40))],
      baseline: ["metro_km": 100])
    let result = try ScenarioBuilder.run(scenario, runs: 10)
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.kind == .heldAtZero && diagnostic.year == 2026 && diagnostic.indicator == "metro_km")
    #expect(result.point("metro_km", 2025).p50 == 20 && result.point("metro_km", 2026).p50 == 0)
  }

  @Test func wellBehavedScenarioHasNoDiagnostics() throws {
    let result = try ScenarioBuilder.run(ReproducibilityTests.uncertainScenario(), runs: 500)
    #expect(result.diagnostics.isEmpty)
  }
}
