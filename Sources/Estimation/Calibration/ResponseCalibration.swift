import CityModel
import Foundation
import LinearAlgebra
import Stochastics

/// The fit of one response's equation on a panel, in the simulator's own terms:
///
///     Δz_c,t = g + Σ_j β_j Δu_j,c,t−ℓ + r_c,t,     r_c,t = ε_c,t − ε_c,t−1
///
/// pooled over cities without fixed effects, since the model has one drift for every city;
/// standard errors cluster-robust by city (classical with a single city). The residuals are
/// r = ε(t) − ε(t − 1): taken about each city's mean (its own drift) and cumulated over its
/// consecutive years they give ε up to a level
/// per run of years, on which a pooled within-run AR(1) regression gives ρ̂ (corrected for
/// Nickell's small-sample bias −(1 + ρ)/(T − 1)) and σ̂ (the innovations' sd, one degree of
/// freedom per run's level and one for ρ).
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
    guard let drift = fit("Intercept") else {
      throw EstimationError.invalidEquation("the intercept of \(response) is aliased")
    }
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
    // Each city's own drift first: the model has one drift, but cities grow at different rates,
    // and a city's mean residual would otherwise cumulate into a trend that reads as persistence.
    var sums: [String: (total: Double, count: Double)] = [:]
    for i in residuals.indices {
      let city = labels[0].labels[labels[0].index[i]]
      sums[city, default: (0, 0)].total += residuals[i]
      sums[city, default: (0, 0)].count += 1
    }
    for i in residuals.indices {
      let own = sums[labels[0].labels[labels[0].index[i]]]!
      residuals[i] -= own.total / own.count
    }
    // The deviations themselves: within a run of consecutive years of a city, the differenced
    // residuals cumulate to ε(t) − ε(first), i.e. ε up to the run's own level.
    var runs: [[Double]] = []
    var previous: (city: String, year: Int)?
    for i in residuals.indices {
      let city = labels[0].labels[labels[0].index[i]]
      guard let year = Int(labels[1].labels[labels[1].index[i]]) else { continue }
      if let last = previous, last.city == city, last.year == year - 1, !runs.isEmpty {
        runs[runs.count - 1].append(runs[runs.count - 1].last! + residuals[i])
      } else {
        runs.append([0, residuals[i]])
      }
      previous = (city, year)
    }
    // Pooled within-run AR(1): ε(t) − ε̄ on ε(t−1) − ε̄₋, each run about its own means.
    var sxy = 0.0, sxx = 0.0, pairs = 0, lengths = 0.0
    var centred: [(x: [Double], y: [Double])] = []
    for run in runs where run.count >= 3 {
      let x = Array(run.dropLast()), y = Array(run.dropFirst())
      let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
      let cx = x.map { $0 - mx }, cy = y.map { $0 - my }
      for k in cx.indices {
        sxy += cx[k] * cy[k]
        sxx += cx[k] * cx[k]
      }
      pairs += x.count
      lengths += Double(x.count)
      centred.append((cx, cy))
    }
    let runCount = centred.count
    guard runCount > 0, pairs - runCount - 1 >= 2, sxx > 0 else {
      shock = nil
      return
    }
    // Nickell (1981): the within estimator is biased by about −(1 + ρ)/(T − 1) for runs of T
    // pairs; inverted, ρ = (ρ̂(T − 1) + 1)/(T − 2).
    let t = lengths / Double(runCount)
    let within = sxy / sxx
    let ar = min(0.95, max(-0.95, t > 2 ? (within * (t - 1) + 1) / (t - 2) : within))
    var squares = 0.0
    for run in centred {
      for k in run.x.indices {
        let e = run.y[k] - ar * run.x[k]
        squares += e * e
      }
    }
    let df = Double(pairs - runCount - 1 - cities.count)
    shock = ((squares / df).squareRoot(), df, ar, pairs)
  }
}

extension PanelEquation {
  /// The differenced equation of `response` with the given driver terms (possibly none: the
  /// drift alone), no fixed effects: the pooled form `calibrate` fits.
  init(calibrating response: String, drivers: [EstimateSet.Term], model: Model) throws {
    let transforms = Self.transforms(of: [response] + drivers.map(\.driver), in: model)
    self.response = response
    self.drivers = drivers
    form = .differences
    fixedEffects = FixedEffects(city: false, year: false)
    self.transforms = transforms
  }
}
