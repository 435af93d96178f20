import CityModel
import Simulation
import Testing

/// `MonteCarlo.rank` and its pieces: the tie rule, exact rank quantiles from counts, and
/// rankings whose answer is known.
struct CityRankingTests {
  /// A city of the shared test model whose retail sales start at `retail`.
  static func city(_ name: String, retail: Double, policyEffect: Double = 0.02) throws -> CompiledScenario {
    var scenario = ReproducibilityTests.uncertainScenario(id: "\(name)-baseline", policyEffect: policyEffect)
    scenario.city = name
    scenario.baseline["retail_sales"] = retail
    return try CompiledScenario(scenario)
  }

  @Test func tiedValuesShareTheLowestRankOfTheirGroup() {
    #expect(CityRanking.competitionRanks(of: [5, 7, 7, 1], better: .higher) == [3, 1, 1, 4])
    #expect(CityRanking.competitionRanks(of: [5, 7, 7, 1], better: .lower) == [2, 3, 3, 1])
  }

  /// Reference: numpy.percentile of the ranks repeated by their counts (linear interpolation).
  @Test(arguments: [
    ([3, 5, 2], [1.0, 2.0, 3.0]), ([1, 1], [1.05, 1.5, 1.95]), ([0, 7, 1, 2], [2.0, 2.0, 4.0]),
    ([10, 0, 0], [1.0, 1.0, 1.0]),
  ])
  func rankQuantilesMatchNumpy(counts: [Int], expected: [Double]) {
    var histogram = RankHistogram(cities: counts.count)
    for (index, count) in counts.enumerated() {
      for _ in 0..<count { histogram.add(rank: index + 1) }
    }
    let quantiles = [0.05, 0.5, 0.95].map(histogram.quantile)
    for (got, want) in zip(quantiles, expected) { #expect(abs(got - want) < 1e-12, "\(counts): \(got) vs \(want)") }
    #expect(histogram.probabilityFirst == Double(counts[0]) / Double(counts.reduce(0, +)))
  }

  /// Two cities alike but for retail sales 25 % higher in one: on shared draws every run keeps
  /// the gap, so the higher city ranks first in every run and year.
  @Test func aFixedGapRanksTheSameWayInEveryRun() throws {
    let low = try Self.city("low", retail: 16000)
    let high = try Self.city("high", retail: 20000)
    let options = MonteCarloOptions(runs: 3000, threads: 2)
    let alone = MonteCarlo.run(high, options: options)
    for better in [Direction.higher, .lower] {
      let ranking = try MonteCarlo.rank(cities: [low, high], output: "retail_sales", better: better, options: options)
      #expect(ranking.entries.count == 2 * 11)
      let winner = better == .higher ? "high" : "low"
      for entry in ranking.entries {
        let rank: Double = entry.city == winner ? 1 : 2
        #expect([entry.rankP5, entry.rankP50, entry.rankP95] == [rank, rank, rank], "\(entry.city) \(entry.year)")
        #expect(entry.probabilityFirst == (rank == 1 ? 1 : 0))
        // The same runs as the city projected alone.
        if entry.city == "high" { #expect(entry.p50 == alone.point("retail_sales", entry.year).p50) }
      }
    }
  }

  /// Cities whose order varies from run to run: in every year the chances of ranking first add
  /// up to one (no ties among continuous values), and some years are genuinely uncertain.
  @Test func probabilitiesOfRankingFirstSumToOnePerYear() throws {
    let cities = try [
      Self.city("a", retail: 16000, policyEffect: 0.02), Self.city("b", retail: 16100, policyEffect: 0.06),
      Self.city("c", retail: 15900, policyEffect: 0.10),
    ]
    let ranking = try MonteCarlo.rank(
      cities: cities, output: "retail_sales", better: .higher, options: MonteCarloOptions(runs: 2000, threads: 2))
    let years = Set(ranking.entries.map(\.year))
    #expect(years.count == 11)
    for year in years {
      let entries = ranking.entries.filter { $0.year == year }
      #expect(entries.count == 3)
      #expect(abs(entries.map(\.probabilityFirst).reduce(0, +) - 1) < 1e-12, "\(year)")
      #expect(entries.allSatisfy { (1...3).contains($0.rankP5) && $0.rankP5 <= $0.rankP50 && $0.rankP50 <= $0.rankP95 })
    }
    #expect(ranking.entries.contains { $0.probabilityFirst > 0.05 && $0.probabilityFirst < 0.95 })
  }

  @Test func differentYearsOrSeedsAreRefused() throws {
    var otherSeed = ReproducibilityTests.uncertainScenario(id: "other")
    otherSeed.seed += 1
    var otherYears = ReproducibilityTests.uncertainScenario(id: "other")
    otherYears.horizon = 5
    for other in [otherSeed, otherYears] {
      #expect(throws: SimulationError.self) {
        try MonteCarlo.rank(
          cities: [try Self.city("a", retail: 16000), try CompiledScenario(other)], output: "retail_sales",
          better: .higher, options: MonteCarloOptions(runs: 10, threads: 1))
      }
    }
  }
}
