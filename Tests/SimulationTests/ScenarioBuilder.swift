import CityModel
import Simulation
import Stochastics

/// Small hand-built scenarios whose projections have closed forms.
enum ScenarioBuilder {
  static let catalogue = IndicatorCatalogue([
    indicator("retail_sales", .prosperity, .log, .response),
    indicator("tourism_spending", .prosperity, .log, .response),
    indicator("tertiary_fai", .vitality, .log, .response),
    indicator("consumer_satisfaction", .vitality, .logit, .response),
    indicator("global_city_rank", .renown, .log, .response, better: .lower),
    indicator("metro_km", .accessibility, .count, .stock),
    indicator("landmark_districts", .vitality, .count, .stock),
  ])

  static func indicator(
    _ id: String, _ dimension: CityModel.Dimension, _ scale: IndicatorScale, _ role: IndicatorRole,
    better: Direction = .higher
  ) -> Indicator {
    Indicator(
      id: id, row: nil, name: LocalizedText(zh: id, en: id), dimension: dimension, unit: "u",
      scale: scale, defaultRole: role, better: better)
  }

  static func response(
    _ id: String, drift: Distribution = .fixed(0), sd: Distribution = .fixed(0), ar: Distribution = .fixed(0),
    exposure: Distribution = .fixed(0), drivers: [Driver] = []
  ) -> ModelIndicator {
    ModelIndicator(
      id: id,
      role: .response(Response(drift: drift, shockSD: sd, autoregression: ar, exposure: exposure, drivers: drivers)))
  }

  static func stock(
    _ id: String, addition: Distribution, yearly: YearlyVariation = .none, offset: Double = 1
  ) -> ModelIndicator {
    ModelIndicator(id: id, role: .stock(Stock(annualAddition: addition, yearly: yearly)), offset: offset)
  }

  static func scenario(
    id: String = "test", indicators: [ModelIndicator], baseline: [String: Double],
    interventions: [Intervention] = [], targets: [Target] = [], policies: [Policy] = [],
    disruption: Disruption? = nil, index: IndexSpecification = IndexSpecification(),
    correlations: [ShockCorrelation] = [], estimates: [EstimateSet] = [],
    horizon: Int = 10, seed: UInt64 = 20261126
  ) -> Scenario {
    let model = Model(
      id: "test-model", description: "closed-form test model", indicators: indicators,
      shockCorrelations: correlations, disruption: disruption, policies: policies, index: index,
      estimates: estimates, catalogue: catalogue)
    return Scenario(
      id: id, title: LocalizedText(zh: id, en: id), city: "testville", baseYear: 2023, horizon: horizon,
      runs: 1000, seed: seed, model: model, baseline: baseline, interventions: interventions, targets: targets)
  }

  static func run(_ scenario: Scenario, runs: Int, threads: Int = 2) throws -> RunResult {
    MonteCarlo.run(try CompiledScenario(scenario), options: MonteCarloOptions(runs: runs, threads: threads))
  }
}

extension RunResult {
  func point(_ id: String, _ year: Int) -> SeriesPoint {
    series.first { $0.indicator == id && $0.year == year }!
  }
}
