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
    var sigmas: [Double] = [], rhos: [Double] = [], sigmaSEs: [Double] = [], rhoSEs: [Double] = []
    let truths = [
      "retail_sales.drift": Self.truth.drift, "retail_sales.drivers.metro_km.elasticity": Self.truth.elasticity,
      "metro_km.annual_addition": Self.truth.rate,
    ]
    for replicate in 0..<replicates {
      let calibration = try Calibration(
        model: SyntheticPanel.model(Self.truth), data: try SyntheticPanel.table(Self.truth, replicate: replicate))
      for parameter in calibration.parameters {
        let fit = try #require(
          parameter.fitted, Comment(rawValue: "\(parameter.path) was not fitted: \(parameter.reason)"))
        if let value = truths[parameter.path], abs(fit.estimate - value) <= 1.96 * fit.standardError {
          covered[parameter.path, default: 0] += 1
        }
        switch parameter.path {
        case "retail_sales.shock.sd":
          sigmas.append(fit.estimate)
          sigmaSEs.append(fit.standardError)
        case "retail_sales.shock.ar":
          rhos.append(fit.estimate)
          rhoSEs.append(fit.standardError)
        default: break
        }
      }
    }
    for path in truths.keys.sorted() {
      let coverage = Double(covered[path, default: 0]) / Double(replicates)
      #expect(
        (0.88...0.99).contains(coverage), "\(path): 95 % intervals covered the truth in \(coverage * 100) % of panels")
    }
    func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
    // No bias beyond the standard error each fit states (σ̂/√(2·df) and √((1 − ρ̂²)/pairs)):
    // what remains is the small-sample bias of a within AR(1) on residuals taken about each
    // city's own drift, about −0.03 for ρ with 14 years per city (about half its stated se).
    let sigma = mean(sigmas)
    #expect(abs(sigma - Self.truth.sigma) < mean(sigmaSEs), "σ̂ averages \(sigma) for \(Self.truth.sigma)")
    #expect(abs(mean(rhos) - Self.truth.rho) < mean(rhoSEs), "ρ̂ averages \(mean(rhos)) for \(Self.truth.rho)")
  }

  /// Cities growing at different rates (drifts 0.03 ± 0.02): the shock's σ and ρ are read around
  /// each city's own drift, so the spread of drifts does not pass for persistence.
  @Test func shocksAreRecoveredWhenCitiesGrowAtDifferentRates() throws {
    var truth = Self.truth
    truth.driftSpread = 0.04
    var sigmas: [Double] = [], rhos: [Double] = []
    for replicate in 0..<60 {
      let calibration = try Calibration(
        model: SyntheticPanel.model(truth), data: try SyntheticPanel.table(truth, replicate: replicate))
      for parameter in calibration.parameters {
        if parameter.path == "retail_sales.shock.sd", let fit = parameter.fitted { sigmas.append(fit.estimate) }
        if parameter.path == "retail_sales.shock.ar", let fit = parameter.fitted { rhos.append(fit.estimate) }
      }
    }
    let sigma = sigmas.reduce(0, +) / Double(sigmas.count), rho = rhos.reduce(0, +) / Double(rhos.count)
    #expect(sigmas.count == 60 && abs(sigma - truth.sigma) < 0.05 * truth.sigma, "σ̂ averages \(sigma)")
    #expect(abs(rho - truth.rho) < 0.05, "ρ̂ averages \(rho)")
  }
}
