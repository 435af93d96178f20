import Stochastics

/// Streaming summary of one output in one year over the runs: moments and quantiles.
///
/// Quantiles are exact (numpy's linear interpolation) up to `exactLimit` runs (default 50,000,
/// `QuantileSummary`'s) and come from its mergeable sketch beyond, with the rank error it documents.
///
/// Summaries of disjoint run ranges merge (`merge(_:)`, in run order). While the quantiles are
/// exact, the mean and standard deviation are recomputed from the kept values in run order, so
/// a merge of shards gives the same bits as one pass, at any block size. Beyond the exact limit
/// they come from moments updated a block of runs at a time and merged across shards (Chan et
/// al.): the same bits at any number of threads, and equal to one pass up to rounding in the last
/// bits for another block size or split into shards.
struct SeriesSummary: Codable, Sendable, Equatable {
  /// Moments of the values once the quantiles use the sketch (nil before): while the quantiles
  /// are exact the moments are computed from the kept values when needed (`currentMoments`), so
  /// they cost nothing per value.
  private var moments: RunningMoments?
  private(set) var quantiles: QuantileSummary
  /// Values strictly above zero (for a paired difference: runs in which the alternative is higher).
  private(set) var positives = 0
  /// Values strictly below zero (for a paired difference: runs in which the alternative is lower).
  private(set) var negatives = 0

  init(exactLimit: Int = 50_000) {
    quantiles = QuantileSummary(exactLimit: exactLimit)
  }

  var count: Int { quantiles.count }
  /// The quantile summary's exact limit and sketch capacity: summaries merge only when equal.
  var limits: [Int] { [quantiles.exactLimit, quantiles.sketchCapacity] }
  /// The proven rank error of the quantiles, in number of values; 0 while exact.
  var rankErrorBound: Double { quantiles.rankErrorBound }

  /// The moments of every value so far: while exact, of the kept values in run order as one batch.
  private var currentMoments: RunningMoments {
    guard let exact = quantiles.exactValuesInOrder else { return moments ?? RunningMoments() }
    var kept = RunningMoments()
    exact.withUnsafeBufferPointer { kept.add(contentsOf: $0) }
    return kept
  }

  private enum CodingKeys: String, CodingKey { case moments, quantiles, positives, negatives }

  /// Decodes a summary written by another process (a shard), rejecting a file whose moments do
  /// not belong to its quantile summary.
  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    quantiles = try container.decode(QuantileSummary.self, forKey: .quantiles)
    positives = try container.decode(Int.self, forKey: .positives)
    negatives = try container.decodeIfPresent(Int.self, forKey: .negatives) ?? 0
    moments = quantiles.isExact ? nil : try container.decode(RunningMoments.self, forKey: .moments)
    guard (0...quantiles.count).contains(positives + negatives), quantiles.isExact || moments?.count == quantiles.count
    else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath, debugDescription: "inconsistent series summary"))
    }
  }

  /// Makes room for `count` values (`QuantileSummary.reserveExactCapacity`).
  mutating func reserve(_ count: Int) {
    quantiles.reserveExactCapacity(count)
  }

  /// Adds values in run order.
  mutating func add(contentsOf values: UnsafeBufferPointer<Double>) {
    let tally = ValueTally(values)
    positives += tally.above
    negatives += tally.below
    if quantiles.isExact && quantiles.count + values.count <= quantiles.exactLimit {
      quantiles.add(contentsOf: values)
      return
    }
    var updated = currentMoments
    updated.add(contentsOf: values)
    moments = updated
    quantiles.add(contentsOf: values)
  }

  /// Adds the summary of the runs that follow this one's (same exact limit).
  mutating func merge(_ other: SeriesSummary) {
    let combined = quantiles.count + other.quantiles.count > quantiles.exactLimit
    if combined || !quantiles.isExact || !other.quantiles.isExact {
      var updated = currentMoments
      updated.merge(other.currentMoments)
      moments = updated
    }
    quantiles.merge(other.quantiles)
    positives += other.positives
    negatives += other.negatives
  }

  /// Mean, sample standard deviation (n − 1) and P5/P25/P50/P75/P95.
  func statistics() -> SeriesStatistics {
    let moments = currentMoments
    return SeriesStatistics(
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
