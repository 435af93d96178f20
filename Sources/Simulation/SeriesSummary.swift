import Stochastics

/// Streaming summary of one output in one year over the runs: moments and quantiles.
struct SeriesSummary: Sendable {
  private var values: [Double] = []

  mutating func add(_ value: Double) {
    values.append(value)
  }

  var count: Int { values.count }

  /// Mean, sample standard deviation (n − 1) and P5/P25/P50/P75/P95 with numpy's default linear
  /// interpolation between order statistics.
  func statistics() -> (mean: Double, sd: Double, quantiles: [Double]) {
    let n = values.count
    guard n > 0 else { return (.nan, .nan, [Double](repeating: .nan, count: 5)) }
    let mean = values.reduce(0, +) / Double(n)
    let sd = n > 1 ? (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)).squareRoot() : 0
    let sorted = values.sorted()
    let quantiles = [0.05, 0.25, 0.5, 0.75, 0.95].map { p -> Double in
      let position = p * Double(n - 1)
      let lower = Int(position.rounded(.down))
      let upper = min(lower + 1, n - 1)
      let fraction = position - Double(lower)
      return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
    }
    return (mean, sd, quantiles)
  }
}
