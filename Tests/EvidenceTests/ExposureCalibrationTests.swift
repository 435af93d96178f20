import CityModel
import Estimation
import Foundation
import Testing

/// The exposure to disruptions, fitted from the years a disruption struck: a synthetic panel
/// with a known shock e·J in 2016 (decaying at the AR rate afterwards) gives back e within its
/// standard error; the regular fits, which leave 2016 and 2017 out, see only the tail of the
/// recovery.
@Suite struct ExposureCalibrationTests {
  @Test func exposureIsRecoveredFromTheDisruptionYear() throws {
    let truth = SyntheticPanel.Truth()
    let (exposure, size) = (0.8, -0.4)
    var model = SyntheticPanel.model(truth)
    model.disruption = Disruption(probability: .fixed(0.05), size: .normal(mean: size, sd: 0.1))
    var estimates: [Double] = [], covered = 0
    for replicate in 0..<30 {
      let clean = try SyntheticPanel.table(truth, replicate: replicate, cities: 30)
      let years = try clean.numbers("year"), sales = try clean.numbers("retail_sales")
      // ln Y gains e·J in 2016, decaying as ρ^(t − 2016).
      let struck = zip(years, sales).map { year, value -> String in
        let t = Int(year!)
        return "\(t >= 2016 ? value! * exp(exposure * size * pow(truth.rho, Double(t - 2016))) : value!)"
      }
      let table = DataTable(columns: [
        ("city", try clean.labels("city").map { $0! }), ("year", years.map { "\(Int($0!))" }),
        ("metro_km", try clean.numbers("metro_km").map { "\($0!)" }), ("retail_sales", struck),
      ])
      let calibration = try Calibration(model: model, data: table, options: .init(disruptionYears: [2016]))
      let fit = try #require(calibration.parameters.first { $0.path == "retail_sales.exposure" }?.fitted)
      estimates.append(fit.estimate)
      if abs(fit.estimate - exposure) <= 1.96 * fit.standardError { covered += 1 }
      let drift = try #require(calibration.parameters.first { $0.path == "retail_sales.drift" }?.fitted)
      // 2016 and 2017 leave the regular fit, so the shock's differences in 2016–2018 are out; the
      // rest of its recovery, |e·J|·ρ² spread over the 11 differences from 2019, still enters.
      let leak = abs(exposure * size) * truth.rho * truth.rho / 11
      #expect(abs(drift.estimate - truth.drift) < 4 * drift.standardError + leak, "the disruption leaks into the drift")
    }
    let mean = estimates.reduce(0, +) / Double(estimates.count)
    #expect(abs(mean - exposure) < 0.05, "ê averages \(mean)")
    #expect(covered >= 25, "95 % intervals covered e in \(covered) of 30 panels")
  }
}
