import CityModel
import Estimation
import Simulation

/// Panels simulated by the engine from a known model, for tests that must recover it: a stock
/// (metro length) with yearly variation around its rate driving a response (retail sales) with
/// drift, elasticity and AR(1) shocks. Each city is one run from its own base values.
enum SyntheticPanel {
  struct Truth {
    var drift = 0.03
    var elasticity = 0.3
    var sigma = 0.05
    var rho = 0.5
    var rate = 20.0
    var yearlySD = 8.0
    /// Cities' drifts spread evenly over drift ± spread/2 (0: one drift for all).
    var driftSpread = 0.0
  }

  static let catalogue = IndicatorCatalogue([
    Indicator(
      id: "retail_sales", row: nil, name: LocalizedText(zh: "零售", en: "retail"), dimension: .prosperity,
      unit: "亿元", scale: .log, defaultRole: .response, better: .higher),
    Indicator(
      id: "metro_km", row: nil, name: LocalizedText(zh: "地铁", en: "metro"), dimension: .accessibility,
      unit: "km", scale: .count, defaultRole: .stock, better: .higher),
  ])

  static func model(_ truth: Truth) -> Model {
    Model(
      id: "truth", description: "known model",
      indicators: [
        ModelIndicator(
          id: "metro_km",
          role: .stock(
            Stock(
              annualAddition: .fixed(truth.rate), yearly: .normal(sd: .fixed(truth.yearlySD))))),
        ModelIndicator(
          id: "retail_sales",
          role: .response(
            Response(
              drift: .fixed(truth.drift), shockSD: .fixed(truth.sigma), autoregression: .fixed(truth.rho),
              exposure: .fixed(0),
              drivers: [Driver(from: "metro_km", elasticity: .fixed(truth.elasticity), lag: 0)]))),
      ],
      catalogue: catalogue)
  }

  /// A wide panel `city, year, metro_km, retail_sales` of `cities` × `years` from `firstYear`.
  /// `burnIn` years are simulated before the first kept year, so the AR(1) deviation starts
  /// from its stationary distribution rather than 0.
  static func table(
    _ truth: Truth, replicate: Int, cities: Int = 20, years: Int = 15, firstYear: Int = 2010, burnIn: Int = 0
  ) throws -> DataTable {
    var columns: [String: [String]] = ["city": [], "year": [], "metro_km": [], "retail_sales": []]
    for c in 0..<cities {
      var own = truth
      own.drift += truth.driftSpread * (cities > 1 ? Double(c) / Double(cities - 1) - 0.5 : 0)
      let model = Self.model(own)
      let scenario = Scenario(
        id: "city-\(c)", title: LocalizedText(zh: "c", en: "c"), city: "city-\(c)", baseYear: firstYear - burnIn,
        horizon: years - 1 + burnIn, runs: 1, seed: UInt64(1_000 * replicate + c + 1), model: model,
        baseline: ["metro_km": 100 + 40 * Double(c), "retail_sales": 3000 + 700 * Double(c)])
      let result = MonteCarlo.run(try CompiledScenario(scenario), options: MonteCarloOptions(runs: 1, threads: 1))
      for point in result.series where point.indicator == "metro_km" && point.year >= firstYear {
        columns["city"]!.append("city-\(c)")
        columns["year"]!.append("\(point.year)")
        columns["metro_km"]!.append("\(point.p50)")
      }
      for point in result.series where point.indicator == "retail_sales" && point.year >= firstYear {
        columns["retail_sales"]!.append("\(point.p50)")
      }
    }
    return DataTable(columns: ["city", "year", "metro_km", "retail_sales"].map { ($0, columns[$0]!) })
  }
}
