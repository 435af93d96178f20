import CityModel
import Foundation
import Simulation
import Stochastics

/// Hand-built scenarios whose sensitivity indices have closed forms. No yearly shock carries
/// uncertainty in them, so every output is a function of the analysed inputs alone.
enum AnalyticScenarios {
  static let catalogue = IndicatorCatalogue([
    indicator("retail_sales", .prosperity, .log, .response),
    indicator("consumer_satisfaction", .vitality, .logit, .response),
    indicator("metro_km", .accessibility, .count, .stock),
  ])

  static func indicator(
    _ id: String, _ dimension: CityModel.Dimension, _ scale: IndicatorScale, _ role: IndicatorRole
  ) -> Indicator {
    Indicator(
      id: id, row: nil, name: LocalizedText(zh: id, en: id), dimension: dimension, unit: "u",
      scale: scale, defaultRole: role, better: .higher)
  }

  static func scenario(
    indicators: [ModelIndicator], baseline: [String: Double], interventions: [Intervention] = [],
    policies: [Policy] = [], index: IndexSpecification = IndexSpecification()
  ) throws -> CompiledScenario {
    let model = Model(
      id: "analytic", description: "closed-form sensitivity model", indicators: indicators,
      policies: policies, index: index, catalogue: catalogue)
    return try CompiledScenario(
      Scenario(
        id: "analytic", title: LocalizedText(zh: "analytic", en: "analytic"), city: "testville", baseYear: 2023,
        horizon: 10, runs: 1000, seed: 11, model: model, baseline: baseline, interventions: interventions))
  }

  /// ln Y(t) = ln Y(0) + g·t + γ + Σ σ·ξ for t ≥ 1: retail sales with drift g ~ N(0.03, 0.05²),
  /// a policy from 2024 (ramp 1) with effect γ ~ N(0.1, 0.3²), and a shock sd σ (fixed at 0.05 by
  /// default) whose path is common to every run (a constant factor of Y, which no index sees).
  static let driftSD = 0.05
  static let effectSD = 0.3
  static func lognormal(shockSD: Distribution = .fixed(0.05)) throws -> CompiledScenario {
    try scenario(
      indicators: [
        ModelIndicator(
          id: "retail_sales", role: .response(Response(drift: .normal(mean: 0.03, sd: driftSD), shockSD: shockSD)))
      ],
      baseline: ["retail_sales": 100],
      interventions: [Intervention(id: "promotion", action: .policy("promo"), start: 2024)],
      policies: [
        Policy(
          id: "promo", name: LocalizedText(zh: "promo", en: "promo"),
          effects: [PolicyEffect(indicator: "retail_sales", effect: .normal(mean: 0.1, sd: effectSD))])
      ])
  }

  /// X(t) = 500 + d·t + a for t ≥ 1: metro km with annual addition d ~ U(10, 30) and a one-off
  /// addition a ~ U(0, 100) in 2024, exactly linear in (d, a).
  static func linearStock() throws -> CompiledScenario {
    try scenario(
      indicators: [ModelIndicator(id: "metro_km", role: .stock(Stock(annualAddition: .uniform(min: 10, max: 30))))],
      baseline: ["metro_km": 500],
      interventions: [
        Intervention(
          id: "new-lines",
          action: .addToStocks([StockAddition(indicator: "metro_km", amount: .uniform(min: 0, max: 100))]),
          start: 2024)
      ])
  }

  /// An ICC index over two dimensions: prosperity scores retail sales, whose log grows by a drift
  /// g ~ U(0, 0.1) a year (score s linear in g, inside the goalposts), and vitality scores a
  /// constant satisfaction of 50 (score c = 50). Prosperity's weight w is 1 or 3 with equal
  /// probability, vitality's is 1: I = c + w/(w + 1)·(s − c).
  static func weightedIndex() throws -> CompiledScenario {
    try scenario(
      indicators: [
        ModelIndicator(id: "retail_sales", role: .response(Response(drift: .uniform(min: 0, max: 0.1)))),
        ModelIndicator(id: "consumer_satisfaction", role: .response(Response(drift: .fixed(0)))),
      ],
      baseline: ["retail_sales": 100, "consumer_satisfaction": 50],
      index: IndexSpecification(
        dimensionWeights: [.prosperity: .discrete(values: [1, 3], weights: [1, 1]), .vitality: .fixed(1)],
        goalposts: [
          "retail_sales": Goalpost(low: 10, high: 10_000),
          "consumer_satisfaction": Goalpost(low: 10, high: 90),
        ]))
  }

  /// Constant retail sales (100) and satisfaction (50); retail sales' low goalpost L is uncertain,
  /// L ~ U(10, 50): prosperity scores s(L) = 100·(ln 100 − ln L)/(ln 10⁴ − ln L), vitality scores
  /// exactly 50, and the index is (s(L) + 50)/2.
  static let uncertainGoalpost = Distribution.uniform(min: 10, max: 50)
  static func uncertainGoalpostIndex() throws -> CompiledScenario {
    try scenario(
      indicators: [
        ModelIndicator(id: "retail_sales", role: .response(Response(drift: .fixed(0)))),
        ModelIndicator(id: "consumer_satisfaction", role: .response(Response(drift: .fixed(0)))),
      ],
      baseline: ["retail_sales": 100, "consumer_satisfaction": 50],
      index: IndexSpecification(goalposts: [
        "retail_sales": Goalpost(low: uncertainGoalpost, high: .fixed(10_000)),
        "consumer_satisfaction": Goalpost(low: 10, high: 90),
      ]))
  }
}
