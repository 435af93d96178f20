import CityModel
import Estimation
import Foundation
import Simulation
import Stochastics

/// One city's projection from one observed origin: the model cut down to the indicators the
/// panel observes there, started from the observed values (and each response's estimated
/// deviation from its path), with the observed stock paths imposed in conditional mode.
struct BacktestProjection {
  let scenario: Scenario
  /// Indicators scored, with the years observed after the origin within the horizons.
  let scored: [(id: String, years: [Int])]
  /// What was left out of the model for this city (drivers not observed), for the notes.
  let omissions: [String]

  /// Nil when the city has nothing observed at the origin or nothing to score after it.
  init?(model: Model, city: String, origin: Int, panel: PanelSeries, options: Backtest.Options, seed: UInt64) {
    let observed = Set(model.indicators.map(\.id).filter { panel.value(city, $0, origin) != nil })
    var omissions: [String] = []
    var indicators: [ModelIndicator] = []
    var interventions: [Intervention] = []
    for indicator in model.indicators where observed.contains(indicator.id) {
      var indicator = indicator
      switch indicator.role {
      case .response(var response):
        let missing = response.drivers.filter { !observed.contains($0.from) }.map(\.from)
        if !missing.isEmpty {
          omissions.append("\(indicator.id) without \(Set(missing).sorted().joined(separator: ", "))")
          response.drivers.removeAll { !observed.contains($0.from) }
        }
        indicator.role = .response(response)
      case .stock(var stock):
        if options.conditional {
          // What was actually built: each observed change spread over the years it took.
          stock.annualAddition = .fixed(0)
          stock.yearly = .none
          var previous = (year: origin, value: panel.value(city, indicator.id, origin) ?? 0)
          for next in panel.future(city, indicator.id, after: origin)
          where next.year <= origin + options.horizons.upperBound {
            interventions.append(
              Intervention(
                id: "observed-\(indicator.id)-\(next.year)",
                action: .addToStocks([
                  StockAddition(indicator: indicator.id, amount: .fixed(next.value - previous.value))
                ]),
                start: previous.year + 1, ramp: next.year - previous.year))
            previous = next
          }
        }
        indicator.role = .stock(stock)
      }
      indicators.append(indicator)
    }
    var scored: [(id: String, years: [Int])] = []
    for indicator in indicators {
      if options.conditional, case .stock = indicator.role { continue }
      let years = panel.future(city, indicator.id, after: origin).map(\.year)
        .filter { options.horizons.contains($0 - origin) }
      if !years.isEmpty { scored.append((indicator.id, years)) }
    }
    guard let last = scored.flatMap(\.years).max() else { return nil }

    var submodel = model
    submodel.indicators = indicators
    submodel.shockCorrelations = model.shockCorrelations.filter {
      observed.contains($0.first) && observed.contains($0.second)
    }
    submodel.policies = []
    submodel.index = IndexSpecification()
    submodel.estimates = model.estimates.filter { set in
      observed.contains(set.response) && set.terms.allSatisfy { observed.contains($0.driver) }
    }
    var baseline: [String: Double] = [:]
    for id in observed { baseline[id] = panel.value(city, id, origin) }
    var scenario = Scenario(
      id: "\(city)-\(origin)", title: LocalizedText(zh: city, en: city), city: city, baseYear: origin,
      horizon: last - origin, runs: options.runs, seed: seed, model: submodel, baseline: baseline,
      interventions: interventions)
    if options.originState {
      for indicator in indicators {
        guard case .response(let response) = indicator.role else { continue }
        scenario.initialDeviations[indicator.id] = Self.originDeviation(
          of: indicator.id, response, model: submodel, city: city, origin: origin, panel: panel)
      }
    }
    self.scenario = scenario
    self.scored = scored
    self.omissions = omissions
  }

  /// The response's deviation ε at the origin, estimated from the city's history with the
  /// model's parameters at their means: w(t) = z(t) − Σ_{s≤t} (g + Σ_j β_j Δu_j(s − ℓ_j)) is
  /// c + ε(t) with c the city's unknown level, so ε(o) ≈ w(o) − w̄ over the consecutive years
  /// ending at the origin. Its error is w̄ − c, of variance γ₀/n · [1 + 2 Σ_k (1 − k/n) ρ^k]
  /// (γ₀ = σ²/(1 − ρ²), the AR(1) mean over n years), so ε(o) is drawn per run from
  /// N(ε̂, that variance); with fewer than 3 such years nothing is known beyond the process's
  /// stationary law N(0, γ₀).
  static func originDeviation(
    of id: String, _ response: Response, model: Model, city: String, origin: Int, panel: PanelSeries
  ) -> Distribution {
    let sigma = response.shockSD.mean, rho = min(0.99, max(-0.99, response.autoregression.mean))
    let stationary = sigma * sigma / (1 - rho * rho)
    guard stationary > 0 else { return .fixed(0) }
    func transformed(_ indicator: String, _ year: Int) -> Double? {
      guard let entry = model.catalogue[indicator], let value = panel.value(city, indicator, year) else { return nil }
      let offset = model.indicators.first { $0.id == indicator }?.offset ?? 1
      let stockScale = model.indicators.contains { if case .stock = $0.role { $0.id == indicator } else { false } }
      let z = ModellingTransform(scale: stockScale ? .count : entry.scale, offset: offset).forward(value)
      return z.isFinite ? z : nil
    }
    // w over the consecutive years ending at the origin (walking back until a value is missing),
    // each shifted by the same constant: levels[k] = z(o − k) + Σ steps from o − k + 1 to o.
    var year = origin
    var path = 0.0
    guard let z = transformed(id, origin) else { return .normal(mean: 0, sd: stationary.squareRoot()) }
    var levels = [z]
    while let earlier = transformed(id, year - 1) {
      var step = response.drift.mean
      var complete = true
      for driver in response.drivers {
        guard let now = transformed(driver.from, year - driver.lag),
          let before = transformed(driver.from, year - 1 - driver.lag)
        else { complete = false; break }
        step += driver.elasticity.mean * (now - before)
      }
      guard complete else { break }
      path += step
      levels.append(earlier + path)
      year -= 1
    }
    let w = levels
    let n = Double(w.count)
    guard w.count >= 3 else { return .normal(mean: 0, sd: stationary.squareRoot()) }
    let mean = w.reduce(0, +) / n
    var factor = 1.0
    var power = 1.0
    for k in 1..<w.count {
      power *= rho
      factor += 2 * (1 - Double(k) / n) * power
    }
    let variance = stationary / n * max(factor, 0)
    return .normal(mean: w[0] - mean, sd: variance.squareRoot())
  }
}
