import CityModel

/// A response's exposure e to disruptions, from the years a disruption struck (given by the
/// user: the panel cannot say which years were disruptions). In a disruption year d the
/// deviation takes e·J, so the equation's residual there, r_c,d = Δz_c,d − (g + Σ β Δu_c,d−ℓ),
/// estimates e·J_d; with the model's mean disruption size E[J], ê = mean(r)/E[J] over the cities
/// and disruption years observed, with standard error sd(r)/(√n·|E[J]|).
struct ExposureFit {
  var fit: CalibratedParameter.Fit

  /// Nil when fewer than 3 city-years of disruption are observed with the equation's variables.
  init?(
    response: String, drivers: [EstimateSet.Term], drift: Double, elasticities: [Double], model: Model,
    data: DataTable, disruptionYears: Set<Int>, meanSize: Double
  ) throws {
    guard meanSize != 0, !disruptionYears.isEmpty else { return nil }
    let equation = try PanelEquation(calibrating: response, drivers: drivers, model: model)
    let ids = Array(Set([response] + drivers.map(\.driver))).sorted().filter { data.hasColumn($0) }
    let panel = try PanelSeries(data, indicators: ids)
    func z(_ city: String, _ id: String, _ year: Int) -> Double? {
      guard let value = panel.value(city, id, year), let transform = equation.transforms[id] else { return nil }
      let z = transform(value)
      return z.isFinite ? z : nil
    }
    var residuals: [Double] = []
    var observedCities: Set<String> = []
    for city in panel.cities {
      for year in disruptionYears.sorted() {
        guard let now = z(city, response, year), let before = z(city, response, year - 1) else { continue }
        var predicted = drift
        var complete = true
        for (term, beta) in zip(drivers, elasticities) {
          guard let a = z(city, term.driver, year - term.lag), let b = z(city, term.driver, year - term.lag - 1) else {
            complete = false
            break
          }
          predicted += beta * (a - b)
        }
        guard complete else { continue }
        residuals.append(now - before - predicted)
        observedCities.insert(city)
      }
    }
    guard residuals.count >= 3 else { return nil }
    let n = Double(residuals.count)
    let mean = residuals.reduce(0, +) / n
    let sd = (residuals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
    let span = disruptionYears.sorted()
    fit = CalibratedParameter.Fit(
      estimate: mean / meanSize, standardError: sd / n.squareRoot() / abs(meanSize), observations: residuals.count,
      cities: observedCities.count, firstYear: span.first ?? 0, lastYear: span.last ?? 0)
  }
}
