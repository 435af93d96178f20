// Streaming mean and variance.
//
// Sources: Welford (1962), Technometrics 4(3) — the one-pass update; Chan, Golub & LeVeque
// (1979), "Updating formulae and a pairwise algorithm for computing sample variances" — the
// merge of two partial results, which is exact in real arithmetic.

/// Count, mean and sum of squared deviations of a stream of values, updated one value at a time
/// without the cancellation of the textbook Σx² − n·x̄² formula, and mergeable across shards.
///
/// `merge(_:)` is exact in real arithmetic and therefore independent of how the data were split;
/// in floating point the result can differ in the last bits with the merge order. It is fully
/// deterministic for a given order, so shards merged in shard order always give the same bits.
public struct RunningMoments: Codable, Sendable, Hashable {
  /// Number of values seen.
  public private(set) var count: Int = 0
  /// Arithmetic mean of the values (0 when empty).
  public private(set) var mean: Double = 0
  /// Σ(x − mean)², the sum of squared deviations from the mean.
  public private(set) var sumOfSquaredDeviations: Double = 0

  public init() {}

  /// Moments of a collection of values, added in order.
  public init<Values: Sequence>(_ values: Values) where Values.Element == Double {
    for value in values { add(value) }
  }

  /// Adds one value (Welford's update).
  public mutating func add(_ value: Double) {
    count += 1
    let delta = value - mean
    mean += delta / Double(count)
    sumOfSquaredDeviations += delta * (value - mean)
  }

  /// Adds a batch of values: their sums of deviations from a centre update the mean and
  /// Σ(x − mean)² exactly in real arithmetic, without Welford's division per value. The centre is
  /// the current mean, or for the first batch the batch's own mean, which makes that batch the
  /// corrected two-pass algorithm (Chan, Golub & LeVeque 1983, "Algorithms for computing the
  /// sample variance", The American Statistician 37(3)). Deterministic for a given split into
  /// batches; the result can differ from adding the values one by one in the last bits.
  public mutating func add(contentsOf values: UnsafeBufferPointer<Double>) {
    guard !values.isEmpty else { return }
    let centre: Double
    if count > 0 {
      centre = mean
    } else {
      // (A sum past the largest double, for values near it, falls back to centring on the first.)
      let batchMean = values.reduce(0, +) / Double(values.count)
      centre = batchMean.isFinite ? batchMean : values[0]
    }
    var sum = 0.0
    var sumOfSquares = 0.0
    for value in values {
      let deviation = value - centre
      sum += deviation
      sumOfSquares += deviation * deviation
    }
    // Σ over the old values of (x − centre) is 0, so over all values Σ(x − centre) = sum and
    // Σ(x − centre)² = old Σ(x − mean)² + sumOfSquares; recentre on the new mean.
    count += values.count
    let shift = sum / Double(count)
    mean = centre + shift
    sumOfSquaredDeviations += sumOfSquares - sum * shift
  }

  /// Combines the moments of another, disjoint set of values (Chan et al.'s pairwise update).
  public mutating func merge(_ other: RunningMoments) {
    guard other.count > 0 else { return }
    guard count > 0 else {
      self = other
      return
    }
    let total = count + other.count
    let delta = other.mean - mean
    let otherShare = Double(other.count) / Double(total)
    mean += delta * otherShare
    sumOfSquaredDeviations +=
      other.sumOfSquaredDeviations
      + delta * delta * Double(count) * otherShare
    count = total
  }

  /// The sample variance, Σ(x − mean)²/(n − 1); NaN with fewer than two values.
  public var sampleVariance: Double {
    count > 1 ? sumOfSquaredDeviations / Double(count - 1) : .nan
  }

  /// The population variance, Σ(x − mean)²/n; NaN when empty.
  public var populationVariance: Double {
    count > 0 ? sumOfSquaredDeviations / Double(count) : .nan
  }

  /// The sample standard deviation, √sampleVariance.
  public var sampleStandardDeviation: Double { sampleVariance.squareRoot() }
}
