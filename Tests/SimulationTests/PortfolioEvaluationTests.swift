import CityModel
import Simulation
import Stochastics
import Testing

/// Portfolios evaluated on common random numbers: what two portfolios share takes the same value
/// in each run, the figures are those `run` reports, and fresh runs are fresh draws.
@Suite("portfolio evaluation")
struct PortfolioEvaluationTests {
  /// Retail sales driven by metro length with an uncertain elasticity and yearly shocks, so
  /// every run differs; a target on retail sales in 2030.
  static func base() -> Scenario {
    ScenarioBuilder.scenario(
      indicators: [
        ScenarioBuilder.stock("metro_km", addition: .fixed(0)),
        ScenarioBuilder.response(
          "retail_sales", drift: .normal(mean: 0.03, sd: 0.01), sd: .fixed(0.05),
          drivers: [Driver(from: "metro_km", elasticity: .normal(mean: 0.2, sd: 0.05), lag: 0)]),
      ],
      baseline: ["metro_km": 99, "retail_sales": 10_000],
      targets: [Target(output: "retail_sales", year: 2030, bound: .atLeast(13_500))])
  }

  static func adding(_ interventions: [Intervention], to base: Scenario) throws -> CompiledScenario {
    var scenario = base
    scenario.interventions += interventions
    return try CompiledScenario(scenario)
  }

  static func metro(_ id: String) -> Intervention {
    Intervention(
      id: id, action: .addToStocks([StockAddition(indicator: "metro_km", amount: .fixed(100))]), start: 2025,
      ramp: 2, cost: .fixed(80))
  }

  static let objectives: [PortfolioObjective] = [
    .targetsMet(ids: nil), .quantile(probability: 0.05, output: "retail_sales", year: 2030),
  ]

  @Test func identicalCandidatesUnderDifferentIdsGetIdenticalFigures() throws {
    let base = Self.base()
    let scenarios = try [Self.metro("metro-a"), Self.metro("metro-b")].map { try Self.adding([$0], to: base) }
    let figures = try PortfolioEvaluation(objectives: Self.objectives, runs: 0..<600, threads: 2)
      .evaluate(scenarios + [try CompiledScenario(base)])
    #expect(figures[0] == figures[1], "the shared draws (elasticity, drift, shocks) are the same in every run")
    #expect(figures[0].standardErrors[1] > 0, "the runs differ, so equality is not that of constants")
    #expect(figures[0].objectives[1] > figures[2].objectives[1], "more metro raises the P5 of retail sales")
    #expect(figures[0].costMean == 80 && figures[0].costP90 == 80 && figures[2].costMean == 0)
  }

  @Test func figuresAreWhatRunReportsAndIndependentOfThreads() throws {
    let compiled = try Self.adding([Self.metro("metro")], to: Self.base())
    let figures = try PortfolioEvaluation(objectives: Self.objectives, runs: 0..<700, threads: 2, blockSize: 128)
      .evaluate([compiled])[0]
    let oneThread = try PortfolioEvaluation(objectives: Self.objectives, runs: 0..<700, threads: 1)
      .evaluate([compiled])[0]
    #expect(figures == oneThread)
    let result = MonteCarlo.run(compiled, options: MonteCarloOptions(runs: 700, threads: 2))
    let p = result.targets[0].probability
    #expect(figures.objectives[0] == p)
    #expect(figures.standardErrors[0] == (p * (1 - p) / 700).squareRoot())
    #expect(figures.objectives[1] == result.point("retail_sales", 2030).p5)
    #expect(p > 0.05 && p < 0.95, "a target that is neither sure nor hopeless (\(p))")
  }

  @Test func freshRunsAreOtherDraws() throws {
    let compiled = try Self.adding([Self.metro("metro")], to: Self.base())
    let objectives: [PortfolioObjective] = [.quantile(probability: 0.5, output: "retail_sales", year: 2030)]
    let search = try PortfolioEvaluation(objectives: objectives, runs: 0..<500, threads: 2).evaluate([compiled])[0]
    let fresh = try PortfolioEvaluation(objectives: objectives, runs: 500..<1000, threads: 2).evaluate([compiled])[0]
    #expect(search.objectives[0] != fresh.objectives[0])
    #expect(abs(search.objectives[0] - fresh.objectives[0]) < 4 * (search.standardErrors[0] + fresh.standardErrors[0]))
  }

  @Test func quantileStandardErrorIsHalfTheOrderStatisticInterval() {
    // 100 runs valued 1…100: q = 0.5 gives nq = 50, √(nq(1 − q)) = 5, so x₍45₎ = 45 and x₍55₎ = 55.
    let values = (1...100).map(Double.init).reversed().map { $0 }
    let figures = PortfolioFigures(
      objectives: [.quantile(probability: 0.5, output: "index", year: 2030)], measures: [values],
      cost: [Double](repeating: 2, count: 100))
    #expect(figures.objectives == [50.5])
    #expect(figures.standardErrors == [5])
    #expect(figures.costMean == 2 && figures.costP90 == 2)
  }
}
