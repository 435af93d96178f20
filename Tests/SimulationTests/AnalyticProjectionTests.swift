import CityModel
import Foundation
import Simulation
import Stochastics
import Testing

/// Projections whose paths or distributions are known in closed form (docs/model.md).
@Suite struct AnalyticProjectionTests {
  /// Drift g ~ N(μ, s²) drawn once per run, nothing else: ln Y(t) = ln Y0 + g·t is normal, so
  /// Y(t) is lognormal with quantile Y0·exp(μt + s·t·Φ⁻¹(p)).
  @Test func driftOnlyGivesLognormalQuantiles() throws {
    let (mu, s, y0, runs) = (0.05, 0.01, 1000.0, 40_000)
    let scenario = ScenarioBuilder.scenario(
      indicators: [ScenarioBuilder.response("retail_sales", drift: .normal(mean: mu, sd: s))],
      baseline: ["retail_sales": y0])
    let result = try ScenarioBuilder.run(scenario, runs: runs)
    for t in [1, 5, 10] {
      let point = result.point("retail_sales", 2023 + t)
      for (p, value) in [(0.05, point.p5), (0.5, point.p50), (0.95, point.p95)] {
        let exact = y0 * exp(mu * Double(t) + s * Double(t) * standardNormalQuantile(p))
        // Standard error of a sample quantile: √(p(1−p)/n) / f(q), with the lognormal density
        // f(q) = φ(Φ⁻¹(p)) / (q·s·t). Accept within 5 standard errors.
        let z = standardNormalQuantile(p)
        let density = exp(-z * z / 2) / (2 * Double.pi).squareRoot() / (exact * s * Double(t))
        let standardError = (p * (1 - p) / Double(runs)).squareRoot() / density
        #expect(abs(value - exact) < 5 * standardError, "t=\(t) p=\(p): \(value) vs \(exact)")
      }
      let exactMean = y0 * exp(mu * Double(t) + s * s * Double(t * t) / 2)
      let exactSD = exactMean * (exp(s * s * Double(t * t)) - 1).squareRoot()
      #expect(abs(point.mean - exactMean) < 5 * exactSD / Double(runs).squareRoot())
    }
  }

  /// A stock growing by a fixed 10 a year drives retail sales with elasticity 0.5: with no drift
  /// or shocks Y(t) = Y0·((X(t−ℓ)+1)/(X(0)+1))^0.5 exactly, ℓ being the lag.
  @Test(arguments: [0, 1, 2]) func singleElasticityGivesExactPath(lag: Int) throws {
    let scenario = ScenarioBuilder.scenario(
      indicators: [
        ScenarioBuilder.stock("metro_km", addition: .fixed(10)),
        ScenarioBuilder.response(
          "retail_sales", drivers: [Driver(from: "metro_km", elasticity: .fixed(0.5), lag: lag)]),
      ],
      baseline: ["metro_km": 100, "retail_sales": 5000])
    let result = try ScenarioBuilder.run(scenario, runs: 8)
    for t in 0...10 {
      let stock = 100 + 10 * Double(max(0, t - lag))
      let expected = 5000 * ((stock + 1) / 101).squareRoot()
      let point = result.point("retail_sales", 2023 + t)
      // Deterministic: a handful of exp/log round trips, so a few ulps of 5000.
      #expect(abs(point.p50 - expected) <= 1e-11 * expected, "t=\(t)")
      #expect(point.sd == 0 || point.sd < 1e-9 * expected)
      #expect(result.point("metro_km", 2023 + t).p50 == 100 + 10 * Double(t))
    }
  }

  /// ε(t) = ρ ε(t−1) + η with η ~ N(0, σ²) and ε(0) = 0: Var ln Y(t) = σ²(1 − ρ^{2t})/(1 − ρ²).
  @Test func autoregressiveShockVarianceMatchesClosedForm() throws {
    let (sigma, rho, runs) = (0.03, 0.6, 40_000)
    let scenario = ScenarioBuilder.scenario(
      indicators: [ScenarioBuilder.response("tourism_spending", sd: .fixed(sigma), ar: .fixed(rho))],
      baseline: ["tourism_spending": 1.0])
    let result = try ScenarioBuilder.run(scenario, runs: runs)
    for t in [1, 2, 5, 10] {
      let exact = sigma * sigma * (1 - pow(rho, Double(2 * t))) / (1 - rho * rho)
      // Y = exp(ε) with ε normal: the P50 of Y is exp(0) = 1 and the log-quartile spread
      // is 2·0.6745·sd. Compare the implied variance: the interquartile range of a normal
      // sample has sd 1.573σ/√n, so the implied variance has relative standard error
      // 2·1.573/1.349/√n ≈ 2.33/√n; accept 5 of them.
      let point = result.point("tourism_spending", 2023 + t)
      let implied = pow((log(point.p75) - log(point.p25)) / (2 * standardNormalQuantile(0.75)), 2)
      #expect(abs(implied / exact - 1) < 5 * 2.33 / Double(runs).squareRoot(), "t=\(t): \(implied) vs \(exact)")
    }
  }

  /// A policy with effect γ = 0.1 phased in over 3 years from 2025: z(t) − z(0) = γ·s(year),
  /// s(year) = min(1, max(0, (year − 2025 + 1)/3)).
  @Test func policyPhaseInFollowsItsRamp() throws {
    let scenario = ScenarioBuilder.scenario(
      indicators: [ScenarioBuilder.response("retail_sales")],
      baseline: ["retail_sales": 100],
      interventions: [Intervention(id: "refund", action: .policy("instant_tax_refund"), start: 2025, ramp: 3)],
      policies: [
        Policy(
          id: "instant_tax_refund", name: LocalizedText(zh: "退税", en: "refund"),
          effects: [PolicyEffect(indicator: "retail_sales", effect: .fixed(0.1))])
      ])
    let result = try ScenarioBuilder.run(scenario, runs: 4)
    for year in 2023...2033 {
      let phase = min(1, max(0, Double(year - 2025 + 1) / 3))
      #expect(abs(result.point("retail_sales", year).p50 - 100 * exp(0.1 * phase)) < 1e-12 * 100, "\(year)")
    }
  }

  /// With π = 1 a disruption strikes every year: ε(t) = ρ ε(t−1) + e·J, so with J = −0.4,
  /// e = 0.5 and ρ = 0.5 the deviation is −0.2·(1 − 0.5^t)/(1 − 0.5).
  @Test func certainDisruptionHitsEveryYear() throws {
    let scenario = ScenarioBuilder.scenario(
      indicators: [ScenarioBuilder.response("tourism_spending", ar: .fixed(0.5), exposure: .fixed(0.5))],
      baseline: ["tourism_spending": 100],
      disruption: Disruption(probability: .fixed(1), size: .fixed(-0.4)))
    let result = try ScenarioBuilder.run(scenario, runs: 4)
    for t in 0...10 {
      let deviation = -0.2 * (1 - pow(0.5, Double(t))) / 0.5
      #expect(abs(result.point("tourism_spending", 2023 + t).p50 - 100 * exp(deviation)) < 1e-12 * 100, "t=\(t)")
    }
  }

  /// A 30 亿元 programme spread over 2024–2026 adds 10 a year to tertiary-sector investment
  /// after that indicator's own equation, and shows as programme cost in those years.
  @Test func programmeCostLandsInTertiaryInvestment() throws {
    let scenario = ScenarioBuilder.scenario(
      indicators: [
        ScenarioBuilder.stock("landmark_districts", addition: .fixed(0)),
        ScenarioBuilder.response("tertiary_fai", drift: .fixed(0.02)),
      ],
      baseline: ["landmark_districts": 5, "tertiary_fai": 1000],
      interventions: [
        Intervention(
          id: "upgrade", action: .addToStocks([StockAddition(indicator: "landmark_districts", amount: .fixed(3))]),
          start: 2024, ramp: 3, cost: .fixed(30))
      ])
    let result = try ScenarioBuilder.run(scenario, runs: 4)
    for t in 0...10 {
      let year = 2023 + t
      let spending = (2024...2026).contains(year) ? 10.0 : 0
      let own = 1000 * exp(0.02 * Double(t))
      #expect(abs(result.point("tertiary_fai", year).p50 - (own + spending)) < 1e-9, "\(year)")
      #expect(result.cost[t].mean == spending)
      #expect(result.point("landmark_districts", year).p50 == 5 + Double(min(3, max(0, year - 2023))))
    }
  }

  /// Goalposts by hand: retail sales 5000 in [1000, 25000] on the log scale normalises to
  /// 100·ln(5)/ln(25) = 50; a rank of 20 in [1, 400] (lower is better) to 100 − 100·ln 20/ln 400 = 50;
  /// satisfaction 80 in logit goalposts [50, 90] to 100·logit(80)/logit(90).
  @Test func compositeIndexFromHandComputedGoalposts() throws {
    let logit = { (y: Double) in log(y / (100 - y)) }
    let satisfactionScore = 100 * (logit(80) - logit(50)) / (logit(90) - logit(50))
    let scenario = ScenarioBuilder.scenario(
      indicators: [
        ScenarioBuilder.response("retail_sales"),
        ScenarioBuilder.response("global_city_rank"),
        ScenarioBuilder.response("consumer_satisfaction"),
      ],
      baseline: ["retail_sales": 5000, "global_city_rank": 20, "consumer_satisfaction": 80],
      index: IndexSpecification(
        dimensionWeights: [.prosperity: .fixed(3), .renown: .fixed(1), .vitality: .fixed(1)],
        goalposts: [
          "retail_sales": Goalpost(low: 1000, high: 25000), "global_city_rank": Goalpost(low: 1, high: 400),
          "consumer_satisfaction": Goalpost(low: 50, high: 90),
        ]),
      horizon: 1)
    let result = try ScenarioBuilder.run(scenario, runs: 2)
    #expect(abs(result.point("prosperity", 2023).p50 - 50) < 1e-12)
    #expect(abs(result.point("renown", 2023).p50 - 50) < 1e-12)
    #expect(abs(result.point("vitality", 2023).p50 - satisfactionScore) < 1e-12)
    let index = (3 * 50 + 1 * 50 + 1 * satisfactionScore) / 5
    #expect(abs(result.point("index", 2023).p50 - index) < 1e-12)
    #expect(
      result.outputs.map(\.id) == [
        "retail_sales", "consumer_satisfaction", "global_city_rank", "renown", "prosperity", "vitality", "index",
      ])
  }
}
