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
  static let truth = SyntheticPanel.Truth()

  @Test func intervalsCoverTheTruthAndShocksAreRecovered() throws {
    let replicates = 200
    var covered: [String: Int] = [:]
    var sigmas: [Double] = [], rhos: [Double] = [], rates: [Double] = []
    let truths = [
      "retail_sales.drift": Self.truth.drift, "retail_sales.drivers.metro_km.elasticity": Self.truth.elasticity,
      "metro_km.annual_addition": Self.truth.rate,
    ]
    for replicate in 0..<replicates {
      let calibration = try Calibration(model: SyntheticPanel.model(Self.truth), data: try SyntheticPanel.table(Self.truth, replicate: replicate))
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
