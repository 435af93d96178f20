import CityModel

/// A stock's yearly additions in a panel: ΔX_c,t = X_c,t − X_c,t−1 over consecutive years of
/// the same city. The rate r̂ is their mean, with a standard error clustered by city; their
/// variation from year to year is the pooled within-city standard deviation s (around each
/// city's own mean, m − G degrees of freedom). Whole-number additions whose variance is close
/// to their mean (dispersion s²/r̂ within 0.5–2) are read as Poisson arrivals.
struct StockFit {
  var rate: CalibratedParameter.Fit
  var yearly: YearlyVariation
  var yearlyReason: String

  /// Nil when fewer than `minimum` consecutive-year pairs exist; `pairs` reports how many did.
  init?(stock id: String, data: DataTable, minimum: Int, pairs: inout Int) throws {
    let panel = try PanelSeries(data, indicators: [id])
    var additions: [String: [Double]] = [:]
    var span: ClosedRange<Int>?
    for city in panel.cities {
      let series = panel.values[city]?[id] ?? [:]
      for year in series.keys.sorted() {
        guard let value = series[year], let before = series[year - 1] else { continue }
        additions[city, default: []].append(value - before)
        span = span.map { min($0.lowerBound, year)...max($0.upperBound, year) } ?? year...year
      }
    }
    // City by city in sorted order, so that sums come out the same bit for bit every time.
    let perCity = panel.cities.compactMap { additions[$0] }
    let all = perCity.flatMap { $0 }
    pairs = all.count
    guard all.count >= max(minimum, 2), let span else { return nil }
    let m = Double(all.count), groups = Double(perCity.count)
    let mean = all.reduce(0, +) / m
    var clustered = 0.0
    for series in perCity {
      let sum = series.reduce(0) { $0 + ($1 - mean) }
      clustered += sum * sum
    }
    let se =
      groups >= 2
      ? (groups / (groups - 1) * clustered).squareRoot() / m
      : (all.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (m - 1) / m).squareRoot()
    rate = CalibratedParameter.Fit(
      estimate: mean, standardError: se, observations: all.count, cities: perCity.count,
      firstYear: span.lowerBound, lastYear: span.upperBound)
    let within = perCity.reduce(0.0) { total, series in
      let own = series.reduce(0, +) / Double(series.count)
      return total + series.reduce(0) { $0 + ($1 - own) * ($1 - own) }
    }
    let df = m - groups
    let sd = df > 0 ? (within / df).squareRoot() : 0
    let wholeNumbers = all.allSatisfy { $0 >= 0 && $0 == $0.rounded() }
    if wholeNumbers, mean > 0, (0.5...2).contains(sd * sd / mean) {
      yearly = .poisson
      yearlyReason = "whole-number additions with dispersion s²/r̂ = \(Self.short(sd * sd / mean)) (Poisson: 1)"
    } else if sd > 0 {
      yearly = .normal(sd: .fixed(sd))
      yearlyReason = "within-city sd of yearly additions, \(Int(df)) df"
    } else {
      yearly = .none
      yearlyReason = "additions do not vary within cities"
    }
  }

  static func short(_ x: Double) -> String { String(format: "%.3g", x) }
}
