import CityModel
import Foundation
import LinearAlgebra
import Stochastics

/// The fit of one response's equation on a panel, in the simulator's own terms:
///
///     Δz_c,t = g + Σ_j β_j Δu_j,c,t−ℓ + r_c,t,     r_c,t = ε_c,t − ε_c,t−1
///
/// pooled over cities without fixed effects, since the model has one drift for every city;
/// standard errors cluster-robust by city (classical with a single city). The residual of a
/// differenced AR(1) deviation ε (coefficient ρ, innovation sd σ) has lag-1 autocorrelation
/// −(1 − ρ)/2 and variance 2σ²/(1 + ρ), so ρ̂ = 1 + 2·r̂₁ and σ̂² = s²(1 + ρ̂)/2, with r̂₁ the pooled
/// within-city lag-1 autocorrelation of consecutive residuals and s² the residual variance.
struct ResponseFit {
  var drift: CalibratedParameter.Fit
  var elasticities: [(term: EstimateSet.Term, fit: CalibratedParameter.Fit?, reason: String)]
  /// σ̂ with its residual degrees of freedom, and ρ̂ with the number of residual pairs behind it.
  var shock: (sd: Double, df: Double, ar: Double, pairs: Int)?
  var observations: Int
  var cities: Int
  var years: ClosedRange<Int>
  var covariance: String
}

extension ResponseFit {
  /// Fits `response` of `model` on `data` (columns named by catalogue id), or throws
  /// `EstimationError` when the equation cannot be fitted.
  init(response: String, model: Model, data: DataTable, drivers: [EstimateSet.Term]) throws {
    let equation = try PanelEquation(calibrating: response, drivers: drivers, model: model)
    var design = try equation.design(data: data, clusters: ["city", "year"])
    let labels = design.clusters
    let cities = Set(labels[0].index.map { labels[0].labels[$0] })
    let years = labels[1].index.compactMap { Int(labels[1].labels[$0]) }
    let covariance: CovarianceType = cities.count >= 2 ? .cluster(column: "city") : .classical
    design.clusters = cities.count >= 2 ? [labels[0]] : []
    let regression = try Regression(fitting: design, covariance: covariance)
    let n = regression.observationCount
    let span = (years.min() ?? 0)...(years.max() ?? 0)
    func fit(_ term: String) -> CalibratedParameter.Fit? {
      regression.coefficient(term).map {
        CalibratedParameter.Fit(
          estimate: $0.estimate, standardError: $0.standardError, observations: n, cities: cities.count,
          firstYear: span.lowerBound, lastYear: span.upperBound)
      }
    }
    guard let drift = fit("Intercept") else { throw EstimationError.invalidEquation("the intercept of \(response) is aliased") }
    self.drift = drift
    elasticities = drivers.map { term in
      let name = equation.name(of: term)
      let estimated = fit(name)
      return (term, estimated, estimated == nil ? "\(name) is aliased with other regressors in this panel" : "")
    }
    observations = n
    self.cities = cities.count
    self.years = span
    self.covariance = covariance.description

    // Residuals, in design order, with their city and year.
    var residuals = design.response
    for (j, name) in design.columnNames.enumerated() {
      guard let beta = regression.coefficient(name)?.estimate else { continue }
      for (i, x) in design.column(j).enumerated() { residuals[i] -= beta * x }
    }
    var previous: [String: (year: Int, residual: Double)] = [:]
    var products = 0.0, pairs = 0
    for i in residuals.indices {
      let city = labels[0].labels[labels[0].index[i]]
      guard let year = Int(labels[1].labels[labels[1].index[i]]) else { continue }
      if let last = previous[city], last.year == year - 1 {
        products += last.residual * residuals[i]
        pairs += 1
      }
      previous[city] = (year, residuals[i])
    }
    let df = regression.residualDF
    let variance = regression.residualSumOfSquares / df
    guard pairs >= 3, df >= 2, variance > 0 else {
      shock = nil
      return
    }
    let autocorrelation = (products / Double(pairs)) / variance
    let ar = min(0.95, max(-0.95, 1 + 2 * autocorrelation))
    shock = ((variance * (1 + ar) / 2).squareRoot(), df, ar, pairs)
  }
}

extension PanelEquation {
  /// The differenced equation of `response` with the given driver terms (possibly none: the
  /// drift alone), no fixed effects: the pooled form `calibrate` fits.
  init(calibrating response: String, drivers: [EstimateSet.Term], model: Model) throws {
    var transforms: [String: Transform] = [:]
    for id in [response] + drivers.map(\.driver) {
      let offset = model.indicators.first { $0.id == id }?.offset ?? 1
      transforms[id] = switch model.catalogue[id]?.scale ?? .log {
      case .log: .log
      case .logit: .logit
      case .count: .logOffset(offset)
      }
    }
    self.response = response
    self.drivers = drivers
    form = .differences
    fixedEffects = FixedEffects(city: false, year: false)
    self.transforms = transforms
  }
}
