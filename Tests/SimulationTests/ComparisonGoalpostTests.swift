import CityModel
import Foundation
import Simulation
import Testing

/// `compare` finds, for the base and every alternative, where its medians pass an index goalpost,
/// as `run` does for one scenario.
@Suite("Goalposts in a comparison")
struct ComparisonGoalpostTests {
  /// Metro 900 km plus `addition` a year, goalposts 100–1000, over four years.
  static func metro(_ id: String, addition: Double) -> Scenario {
    ScenarioBuilder.scenario(
      id: id, indicators: [ScenarioBuilder.stock("metro_km", addition: .fixed(addition))],
      baseline: ["metro_km": 900], index: IndexSpecification(goalposts: ["metro_km": Goalpost(low: 100, high: 1000)]),
      horizon: 4)
  }

  static func compare(_ base: Scenario, _ alternatives: [Scenario]) throws -> PlanComparison {
    try MonteCarlo.compare(
      base: CompiledScenario(base), alternatives: alternatives.map(CompiledScenario.init),
      options: MonteCarloOptions(runs: 4, threads: 2))
  }

  /// +50 a year passes 1000 in 2026, +100 a year in 2025 (1000 in 2024 is on it, not past it);
  /// +20 a year stays below (980 in 2027), so that plan has no entry. The base's crossings are
  /// those `run` finds for it.
  @Test func eachScenarioWithACrossingHasItsOwn() throws {
    let base = Self.metro("base", addition: 50)
    let result = try Self.compare(base, [Self.metro("slow", addition: 20), Self.metro("fast", addition: 100)])
    let crossings = try #require(result.goalpostCrossings)
    #expect(crossings.map(\.scenario) == ["base", "fast"])
    let alone = try ScenarioBuilder.run(base, runs: 4)
    #expect(crossings[0].crossings == alone.goalpostCrossings)
    #expect(crossings[0].crossings.map(\.year) == [2026])
    let fast = try #require(crossings[1].crossings.first)
    #expect(fast.indicator == "metro_km" && fast.year == 2025 && fast.end == .high && fast.p50 == 1100)
    #expect(fast.goalpost == 1000 && fast.score == 100)
  }

  /// No crossing, no key: such comparisons keep their JSON byte for byte, and a comparison
  /// written before crossings were recorded reads as having none.
  @Test func aComparisonWithoutCrossingsHasNoCrossingKey() throws {
    let result = try Self.compare(Self.metro("base", addition: 20), [Self.metro("slow", addition: 10)])
    #expect(result.goalpostCrossings == nil)
    let json = try ResultCoding.encoder().encode(result)
    #expect(!String(decoding: json, as: UTF8.self).contains("goalpost_crossings"))
    #expect(try ResultCoding.decoder().decode(PlanComparison.self, from: json) == result)
  }
}
