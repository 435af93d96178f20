import CityModel
import Estimation
import Foundation
import Simulation
import Stochastics
import Testing

/// Calibration recovers a known model from panels the engine itself simulates: 20 cities ×
/// 15 years of a stock with yearly variation driving a response with drift, elasticity and
/// AR(1) shocks. Over many replicate panels the fitted parameters' 95 % intervals cover the
/// truth about 95 % of the time, and σ and ρ are recovered without bias beyond their spread.
@Suite struct CalibrationSyntheticTruthTests {
  static let truth = (drift: 0.03, elasticity: 0.3, sigma: 0.05, rho: 0.5, rate: 20.0, yearlySD: 8.0)

  static let catalogue = IndicatorCatalogue([
    Indicator(id: "retail_sales", row: nil, name: LocalizedText(zh: "零售", en: "retail"), dimension: .prosperity,
              unit: "亿元", scale: .log, defaultRole: .response, better: .higher),
    Indicator(id: "metro_km", row: nil, name: LocalizedText(zh: "地铁", en: "metro"), dimension: .accessibility,
              unit: "km", scale: .count, defaultRole: .stock, better: .higher),
  ])

  static func model(_ t: (drift: Double, elasticity: Double, sigma: Double, rho: Double, rate: Double, yearlySD: Double))
    -> Model
  {
    Model(
      id: "truth", description: "known model",
      indicators: [
        ModelIndicator(id: "metro_km", role: .stock(Stock(annualAddition: .fixed(t.rate), yearly: .normal(sd: .fixed(t.yearlySD))))),
        ModelIndicator(id: "retail_sales", role: .response(Response(
          drift: .fixed(t.drift), shockSD: .fixed(t.sigma), autoregression: .fixed(t.rho), exposure: .fixed(0),
          drivers: [Driver(from: "metro_km", elasticity: .fixed(t.elasticity), lag: 0)]))),
      ],
      catalogue: catalogue)
  }

  /// One replicate panel: each city is one run of the known model from its own base values.
  static func panel(replicate: Int, cities: Int = 20, years: Int = 15) throws -> DataTable {
    var columns: [String: [String]] = ["city": [], "year": [], "metro_km": [], "retail_sales": []]
    let model = Self.model(truth)
    for c in 0..<cities {
      let scenario = Scenario(
        id: "city-\(c)", title: LocalizedText(zh: "c", en: "c"), city: "city-\(c)", baseYear: 2010, horizon: years - 1,
        runs: 1, seed: UInt64(1_000 * replicate + c + 1), model: model,
        baseline: ["metro_km": 100 + 40 * Double(c), "retail_sales": 3000 + 700 * Double(c)], interventions: [], targets: [])
      let result = MonteCarlo.run(try CompiledScenario(scenario), options: MonteCarloOptions(runs: 1, threads: 1))
      for point in result.series where point.indicator == "metro_km" {
        columns["city"]!.append("city-\(c)")
        columns["year"]!.append("\(point.year)")
        columns["metro_km"]!.append("\(point.p50)")
      }
      for point in result.series where point.indicator == "retail_sales" { columns["retail_sales"]!.append("\(point.p50)") }
    }
    return DataTable(columns: ["city", "year", "metro_km", "retail_sales"].map { ($0, columns[$0]!) })
  }

  @Test func intervalsCoverTheTruthAndShocksAreRecovered() throws {
    let replicates = 200
    var covered: [String: Int] = [:]
    var sigmas: [Double] = [], rhos: [Double] = [], rates: [Double] = []
    let truths = [
      "retail_sales.drift": Self.truth.drift, "retail_sales.drivers.metro_km.elasticity": Self.truth.elasticity,
      "metro_km.annual_addition": Self.truth.rate,
    ]
    for replicate in 0..<replicates {
      let calibration = try Calibration(model: Self.model(Self.truth), data: try Self.panel(replicate: replicate))
      for parameter in calibration.parameters {
        let fit = try #require(parameter.fitted, Comment(rawValue: "\(parameter.path) was not fitted: \(parameter.reason)"))
        if let value = truths[parameter.path], abs(fit.estimate - value) <= 1.96 * fit.standardError {
          covered[parameter.path, default: 0] += 1
        }
        switch parameter.path {
        case "retail_sales.shock.sd": sigmas.append(fit.estimate)
        case "retail_sales.shock.ar": rhos.append(fit.estimate)
        case "metro_km.annual_addition": rates.append(fit.estimate)
        default: break
        }
      }
    }
    for path in truths.keys.sorted() {
      let coverage = Double(covered[path, default: 0]) / Double(replicates)
      #expect((0.88...0.99).contains(coverage), "\(path): 95 % intervals covered the truth in \(coverage * 100) % of panels")
    }
    func meanAndSE(_ x: [Double]) -> (Double, Double) {
      let m = x.reduce(0, +) / Double(x.count)
      let v = x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
      return (m, (v / Double(x.count)).squareRoot())
    }
    let (sigma, sigmaSE) = meanAndSE(sigmas), (rho, rhoSE) = meanAndSE(rhos)
    // Bias allowed: 4 standard errors of the replicate mean, plus 5 % of the value for the
    // estimators' known O(1/T) small-sample bias.
    #expect(abs(sigma - Self.truth.sigma) < 4 * sigmaSE + 0.05 * Self.truth.sigma, "σ̂ averages \(sigma) for \(Self.truth.sigma)")
    #expect(abs(rho - Self.truth.rho) < 4 * rhoSE + 0.05 * Self.truth.rho, "ρ̂ averages \(rho) for \(Self.truth.rho)")
  }
}
