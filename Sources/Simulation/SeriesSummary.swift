import Stochastics

/// Streaming summary of one output in one year over the runs: moments and quantiles.
///
/// Quantiles are exact (numpy's linear interpolation) up to `QuantileSummary`'s exact limit of
/// 50,000 runs and come from its mergeable sketch beyond, with the rank error it documents.
struct SeriesSummary: Sendable {
  private var moments = RunningMoments()
  private var quantiles = QuantileSummary()
  /// Values strictly above zero (for a paired difference: runs in which the alternative is higher).
  private(set) var positives = 0

  mutating func add(_ value: Double) {
    moments.add(value)
    quantiles.add(value)
    if value > 0 { positives += 1 }
  }

  /// Adds values in run order.
  mutating func add(contentsOf values: UnsafeBufferPointer<Double>) {
    for value in values {
      moments.add(value)
      if value > 0 { positives += 1 }
    }
    quantiles.add(contentsOf: values)
  }

  /// Mean, sample standard deviation (n − 1) and P5/P25/P50/P75/P95.
  func statistics() -> SeriesStatistics {
    SeriesStatistics(
      mean: moments.count > 0 ? moments.mean : .nan,
      sd: moments.count > 1 ? moments.sampleStandardDeviation : 0,
      quantiles: quantiles.quantiles(SeriesStatistics.probabilities))
  }
}

struct SeriesStatistics: Sendable {
  static let probabilities = [0.05, 0.25, 0.5, 0.75, 0.95]

  var mean: Double
  var sd: Double
  /// P5, P25, P50, P75, P95.
  var quantiles: [Double]
  var p5: Double { quantiles[0] }
  var p25: Double { quantiles[1] }
  var p50: Double { quantiles[2] }
  var p75: Double { quantiles[3] }
  var p95: Double { quantiles[4] }
}
