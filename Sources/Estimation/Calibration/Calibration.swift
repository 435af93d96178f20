import CityModel
import Foundation
import Stochastics

/// A model's parameters fitted to a panel where the data allow, the prior kept (and said so)
/// where they do not. Each fitted number's estimation uncertainty becomes its distribution:
/// normal with the standard error for drifts, elasticities and addition rates; lognormal with
/// sd_log = 1/√(2·df) for the shock's σ (the sampling error of an sd estimated on df degrees
/// of freedom); a beta on (−0.95, 0.95) with the moment estimator's variance for ρ.
public struct Calibration: Sendable {
  public struct Options: Sendable {
    /// Fewest observations (regression rows, or stock additions) for a fit.
    public var minimumObservations: Int
    /// Years a disruption struck (e.g. 2020): left out of the regular fits with the year after
    /// (so the differences of the year, the next and the one after are missing) and used to fit
    /// each response's exposure.
    public var disruptionYears: Set<Int>

    public init(minimumObservations: Int = 20, disruptionYears: Set<Int> = []) {
      self.minimumObservations = minimumObservations
      self.disruptionYears = disruptionYears
    }
  }

  public var parameters: [CalibratedParameter]
  /// Each fitted value, typed, with its basis.
  public var changes: [CalibrationChange]

  /// The changes as edits of the model file's text.
  public var edits: [ModelFileEditor.Edit] { changes.map(\.edit) }

  /// Calibrates `model` on `data`, whose columns are named by catalogue id (map them first
  /// with `DataTable.mapped(by:ids:)`).
  public init(model: Model, data full: DataTable, options: Options = Options()) throws {
    // The disruption years and the year after leave the regular fits: their differences, and the
    // next year's, carry the shock and the start of its recovery.
    let struck = options.disruptionYears.union(options.disruptionYears.map { $0 + 1 })
    let data = struck.isEmpty ? full : try full.rows(excludingYears: struck)
    var parameters: [CalibratedParameter] = []
    var changes: [CalibrationChange] = []
    for indicator in model.indicators {
      switch indicator.role {
      case .stock(let stock):
        let (stockParameters, stockEdits) = try Self.calibrate(stock: indicator.id, stock, data: data, options: options)
        parameters += stockParameters
        changes += stockEdits
      case .response(let response):
        let (responseParameters, responseEdits) = Self.calibrate(
          response: indicator.id, response, model: model, data: data, options: options)
        parameters += responseParameters
        changes += responseEdits
        if !options.disruptionYears.isEmpty {
          let (exposure, change) = try Self.exposure(
            indicator.id, response, fitted: responseParameters, model: model, data: full, options: options)
          parameters.append(exposure)
          changes += change
        }
      }
    }
    self.parameters = parameters
    self.changes = changes
  }

  private static func calibrate(
    response id: String, _ response: Response, model: Model, data: DataTable, options: Options
  ) -> ([CalibratedParameter], [CalibrationChange]) {
    let terms = response.drivers.map { EstimateSet.Term(driver: $0.from, lag: $0.lag) }
    func elasticityPath(_ driver: Driver) -> String {
      let repeated = response.drivers.filter { $0.from == driver.from }.count > 1
      return "\(id).drivers.\(driver.from)\(repeated ? "@\(driver.lag)" : "").elasticity"
    }
    let priors: [(path: String, prior: Distribution)] =
      [("\(id).drift", response.drift)] + response.drivers.map { (elasticityPath($0), $0.elasticity) }
      + [("\(id).shock.sd", response.shockSD), ("\(id).shock.ar", response.autoregression)]
    func keepAll(_ reason: String) -> [CalibratedParameter] {
      priors.map {
        CalibratedParameter(
          path: $0.path, prior: $0.prior.yamlFlow, fitted: nil, written: $0.prior.yamlFlow,
          decision: .keptPrior, reason: reason)
      }
    }
    let unobserved = terms.map(\.driver).filter { !data.hasColumn($0) }
    guard data.hasColumn(id) else {
      return (keepAll("no column \(id) in the panel (map one with --map)"), [])
    }
    if !unobserved.isEmpty {
      // The drift and elasticities need every driver; the shock can still be read from the
      // response's own series around its trend.
      let reason = "drivers not in the panel: \(unobserved.joined(separator: ", "))"
      var parameters = keepAll(reason).dropLast(2).map { $0 }
      var edits: [CalibrationChange] = []
      if let trend = try? ResponseFit(response: id, model: model, data: data, drivers: []),
        trend.observations >= options.minimumObservations
      {
        let (shockParameters, shockEdit) = Self.shock(
          id, response, fit: trend,
          note:
            "around the response's own trend (\(reason)): the drivers' variation is in these residuals, so σ̂ is "
            + "an upper bound"
        )
        parameters += shockParameters
        edits += shockEdit
      } else {
        parameters += keepAll(reason).suffix(2)
      }
      return (parameters, edits)
    }
    let fit: ResponseFit
    do {
      fit = try ResponseFit(response: id, model: model, data: data, drivers: terms)
    } catch {
      return (keepAll("cannot be fitted: \(error)"), [])
    }
    guard fit.observations >= options.minimumObservations else {
      return (
        keepAll(
          "n = \(fit.observations) observations with every driver (need ≥ \(options.minimumObservations)) — "
            + Self.counts([id] + terms.map(\.driver), in: data)), []
      )
    }
    var parameters: [CalibratedParameter] = []
    var edits: [CalibrationChange] = []
    let basis =
      "n = \(fit.observations), \(fit.cities) cities, \(fit.years.lowerBound)–\(fit.years.upperBound), "
      + "\(fit.covariance)"
    let drift = Distribution.normal(mean: fit.drift.estimate, sd: fit.drift.standardError)
    parameters.append(
      CalibratedParameter(
        path: "\(id).drift", prior: response.drift.yamlFlow, fitted: fit.drift, written: drift.yamlFlow,
        decision: .fitted,
        reason: "intercept of the pooled differenced equation; \(basis)"))
    edits.append(
      .drift(
        indicator: id, drift,
        comment: "[fitted] se \(Self.short(fit.drift.standardError)); \(basis)"))
    for (driver, estimated) in zip(response.drivers, fit.elasticities) {
      let path = elasticityPath(driver)
      guard let beta = estimated.fit else {
        parameters.append(
          CalibratedParameter(
            path: path, prior: driver.elasticity.yamlFlow, fitted: nil, written: driver.elasticity.yamlFlow,
            decision: .keptPrior, reason: estimated.reason))
        continue
      }
      let written = Distribution.normal(mean: beta.estimate, sd: beta.standardError)
      parameters.append(
        CalibratedParameter(
          path: path, prior: driver.elasticity.yamlFlow, fitted: beta, written: written.yamlFlow, decision: .fitted,
          reason: "slope of the pooled differenced equation; \(basis)"))
      edits.append(
        .elasticity(
          indicator: id, from: driver.from, lag: driver.lag, written,
          comment: "[fitted] se \(Self.short(beta.standardError)); \(basis)"))
    }
    let (shockParameters, shockEdit) = Self.shock(id, response, fit: fit, note: "")
    return (parameters + shockParameters, edits + shockEdit)
  }

  /// σ and ρ from a fit's residuals (`note` qualifies them), or the priors kept when the
  /// residuals have too few consecutive pairs.
  private static func shock(
    _ id: String, _ response: Response, fit: ResponseFit, note: String
  ) -> ([CalibratedParameter], [CalibrationChange]) {
    guard let shock = fit.shock else {
      return (
        [("sd", response.shockSD), ("ar", response.autoregression)].map { key, prior in
          CalibratedParameter(
            path: "\(id).shock.\(key)", prior: prior.yamlFlow, fitted: nil, written: prior.yamlFlow,
            decision: .keptPrior,
            reason: "fewer than 3 consecutive-year residual pairs")
        }, []
      )
    }
    let sigma = Distribution.lognormal(median: shock.sd, sdLog: 1 / (2 * shock.df).squareRoot())
    // The AR(1) coefficient's asymptotic se √((1 − ρ²)/pairs), as a beta on (−0.95, 0.95).
    let arSE = ((1 - shock.ar * shock.ar) / Double(shock.pairs)).squareRoot()
    let ar = Self.beta(mean: shock.ar, sd: arSE, low: -0.95, high: 0.95)
    let span = "\(fit.years.lowerBound)–\(fit.years.upperBound)"
    let qualifier = note.isEmpty ? "" : "; \(note)"
    func fitOf(_ estimate: Double, _ se: Double, _ n: Int) -> CalibratedParameter.Fit {
      CalibratedParameter.Fit(
        estimate: estimate, standardError: se, observations: n, cities: fit.cities,
        firstYear: fit.years.lowerBound, lastYear: fit.years.upperBound)
    }
    let parameters = [
      CalibratedParameter(
        path: "\(id).shock.sd", prior: response.shockSD.yamlFlow,
        fitted: fitOf(shock.sd, shock.sd / (2 * shock.df).squareRoot(), fit.observations),
        written: sigma.yamlFlow, decision: .fitted,
        reason: "innovation sd of the pooled within-city AR(1) of the cumulated residuals, \(Int(shock.df)) df, "
          + "\(fit.cities) cities, \(span)\(qualifier)"),
      CalibratedParameter(
        path: "\(id).shock.ar", prior: response.autoregression.yamlFlow, fitted: fitOf(shock.ar, arSE, shock.pairs),
        written: ar.yamlFlow, decision: .fitted,
        reason:
          "pooled within-city AR(1) of the cumulated residuals, Nickell-corrected, \(shock.pairs) pairs\(qualifier)"),
    ]
    let edit = CalibrationChange.shock(
      indicator: id, sd: sigma, ar: ar,
      comment:
        "[fitted] σ̂ \(Self.short(shock.sd)) (\(Int(shock.df)) df), "
        + "ρ̂ \(Self.short(shock.ar)) (\(shock.pairs) pairs), "
        + "\(fit.cities) cities, \(span)\(note.isEmpty ? "" : ", upper bound: drivers not in the panel")")
    return (parameters, [edit])
  }

  private static func calibrate(
    stock id: String, _ stock: Stock, data: DataTable, options: Options
  ) throws -> ([CalibratedParameter], [CalibrationChange]) {
    let path = "\(id).annual_addition"
    var pairs = 0
    guard data.hasColumn(id),
      let fit = try StockFit(stock: id, data: data, minimum: options.minimumObservations, pairs: &pairs)
    else {
      let reason =
        data.hasColumn(id)
        ? "\(pairs) consecutive-year additions in the panel (need ≥ \(options.minimumObservations))"
        : "no column \(id) in the panel (map one with --map)"
      return (
        [
          CalibratedParameter(
            path: path, prior: stock.annualAddition.yamlFlow, fitted: nil,
            written: stock.annualAddition.yamlFlow, decision: .keptPrior, reason: reason)
        ], []
      )
    }
    let rate = Distribution.normal(mean: fit.rate.estimate, sd: fit.rate.standardError)
    let basis =
      "n = \(fit.rate.observations) additions, \(fit.rate.cities) cities, \(fit.rate.firstYear)–\(fit.rate.lastYear)"
    let yearlyText: String =
      switch fit.yearly {
      case .none: "none"
      case .poisson: "poisson"
      case .normal(let sd): "{sd: \(sd.yamlFlow)}"
      }
    return (
      [
        CalibratedParameter(
          path: path, prior: stock.annualAddition.yamlFlow, fitted: fit.rate, written: rate.yamlFlow, decision: .fitted,
          reason: "mean yearly addition, se clustered by city; yearly: \(yearlyText) (\(fit.yearlyReason)); \(basis)")
      ],
      [
        .addition(indicator: id, rate, comment: "[fitted] se \(Self.short(fit.rate.standardError)); \(basis)"),
        .yearly(indicator: id, fit.yearly, comment: "[fitted] \(fit.yearlyReason)"),
      ]
    )
  }

  /// The exposure to disruptions from the disruption years' residuals, with the fitted drift
  /// and elasticities (the prior's means where they were kept).
  private static func exposure(
    _ id: String, _ response: Response, fitted: [CalibratedParameter], model: Model, data: DataTable, options: Options
  ) throws -> (CalibratedParameter, [CalibrationChange]) {
    let path = "\(id).exposure"
    func keep(_ reason: String) -> (CalibratedParameter, [CalibrationChange]) {
      (
        CalibratedParameter(
          path: path, prior: response.exposure.yamlFlow, fitted: nil, written: response.exposure.yamlFlow,
          decision: .keptPrior, reason: reason), []
      )
    }
    guard let size = model.disruption?.size.mean, size != 0 else {
      return keep("the model has no disruption to be exposed to")
    }
    guard data.hasColumn(id), response.drivers.allSatisfy({ data.hasColumn($0.from) }) else {
      return keep("the response or a driver is not in the panel")
    }
    func estimate(_ path: String, prior: Distribution) -> Double {
      fitted.first { $0.path == path }?.fitted?.estimate ?? prior.mean
    }
    let drift = estimate("\(id).drift", prior: response.drift)
    let terms = response.drivers.map { EstimateSet.Term(driver: $0.from, lag: $0.lag) }
    let elasticities = response.drivers.map { driver in
      estimate(fitted.first { $0.path.hasPrefix("\(id).drivers.\(driver.from)") }?.path ?? "", prior: driver.elasticity)
    }
    guard
      let exposure = try ExposureFit(
        response: id, drivers: terms, drift: drift, elasticities: elasticities, model: model, data: data,
        disruptionYears: options.disruptionYears, meanSize: size)
    else { return keep("fewer than 3 city-years observed in the disruption years") }
    let written = Distribution.normal(mean: exposure.fit.estimate, sd: exposure.fit.standardError)
    let years = options.disruptionYears.sorted().map(String.init).joined(separator: ", ")
    let basis = "n = \(exposure.fit.observations) city-years in \(years), \(exposure.fit.cities) cities"
    return (
      CalibratedParameter(
        path: path, prior: response.exposure.yamlFlow, fitted: exposure.fit, written: written.yamlFlow,
        decision: .fitted,
        reason: "mean residual of the disruption years ÷ the mean disruption size \(short(size)); \(basis)"),
      [.exposure(indicator: id, written, comment: "[fitted] se \(short(exposure.fit.standardError)); \(basis)")]
    )
  }

  /// How many values each variable has in the panel, for the reason a fit was not possible.
  static func counts(_ ids: [String], in data: DataTable) -> String {
    var seen: Set<String> = []
    return ids.filter { seen.insert($0).inserted }.map { id in
      guard let values = try? data.numbers(id) else { return "\(id): no such column" }
      return "\(id): \(values.compactMap { $0 }.count) values"
    }.joined(separator: ", ")
  }

  /// A beta distribution on (low, high) with the given mean and sd (method of moments); the
  /// variance is capped below the largest a beta with that mean can have.
  static func beta(mean: Double, sd: Double, low: Double, high: Double) -> Distribution {
    let width = high - low
    let m = min(max((mean - low) / width, 0.01), 0.99)
    let v = min((sd / width) * (sd / width), 0.9 * m * (1 - m))
    let common = m * (1 - m) / v - 1
    return .beta(alpha: m * common, beta: (1 - m) * common, min: low, max: high)
  }

  static func short(_ x: Double) -> String { String(format: "%.3g", x) }
}
