/// Quantiles of a stream of values: exact up to `exactLimit` values, a bounded-memory sketch
/// beyond, and mergeable in both regimes so shards written to JSON can be combined later.
///
/// **Exact regime** (count ≤ `exactLimit`, default 50 000). Every value is kept; `quantile(_:)`
/// interpolates linearly between order statistics exactly as `numpy.percentile(…,
/// method="linear")` (numpy's default) does, down to its rounding: with h = (n − 1)·p,
/// lo = ⌊h⌋ and γ = h − lo, the result is x₍lo₎ + (x₍lo+1₎ − x₍lo₎)·γ, or
/// x₍lo+1₎ − (x₍lo+1₎ − x₍lo₎)·(1 − γ) when γ ≥ ½. Merging exact summaries keeps every value,
/// so the quantiles of a merge equal those of one summary over all the values, bit for bit.
///
/// **Sketch regime** (count > `exactLimit`). Values go into a deterministic compactor sketch
/// (QuantileSketch.swift) holding at most `sketchCapacity` values per level. The returned value
/// has a true rank within `rankErrorBound` of the requested rank (n − 1)·p; that bound is proven,
/// tracked exactly, and at most ⌈log₂(n/k)⌉ + 1 levels times n/(k − 1) (k = `sketchCapacity`):
/// about 0.2 % of n at n = 10⁶ and below 0.5 % of n up to n = 10⁹ with the default k = 4096.
/// Merges of sketches add their bounds. Memory stays below 64·k values.
///
/// Values must be finite (NaN has no rank; JSON cannot carry infinities).
public struct QuantileSummary: Codable, Sendable, Hashable {
  /// The number of values kept exactly before switching to the sketch.
  public let exactLimit: Int
  /// Values per sketch level (even): larger means a smaller rank error and more memory.
  public let sketchCapacity: Int
  /// The number of values summarised.
  public private(set) var count: Int = 0
  /// All values while exact (unsorted); empty once the sketch is in use.
  private var exactValues: [Double] = []
  /// The sketch once count exceeds exactLimit.
  private var sketch: QuantileSketch?

  public init(exactLimit: Int = 50_000, sketchCapacity: Int = 4096) {
    precondition(exactLimit >= 0, "exactLimit must be ≥ 0")
    precondition(sketchCapacity >= 2 && sketchCapacity % 2 == 0, "sketchCapacity must be even and ≥ 2")
    self.exactLimit = exactLimit
    self.sketchCapacity = sketchCapacity
  }

  private enum CodingKeys: String, CodingKey { case exactLimit, sketchCapacity, count, exactValues, sketch }

  /// Decodes a summary written by another process (a shard), rejecting inconsistent states so a
  /// damaged file fails at load time rather than corrupting a merge.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    exactLimit = try container.decode(Int.self, forKey: .exactLimit)
    sketchCapacity = try container.decode(Int.self, forKey: .sketchCapacity)
    count = try container.decode(Int.self, forKey: .count)
    exactValues = try container.decodePacked(forKey: .exactValues)
    sketch = try container.decodeIfPresent(QuantileSketch.self, forKey: .sketch)
    let consistent: Bool
    if let sketch {
      consistent = exactValues.isEmpty && sketch.count == count && sketch.capacity == sketchCapacity
    } else {
      consistent = exactValues.count == count && count <= exactLimit && exactValues.allSatisfy(\.isFinite)
    }
    guard consistent && exactLimit >= 0 && sketchCapacity >= 2 && sketchCapacity % 2 == 0 else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath, debugDescription: "inconsistent quantile summary"))
    }
  }

  /// Writes the kept values packed (`PackedDoubles`): shard files hold up to `exactLimit` of
  /// them per series.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(exactLimit, forKey: .exactLimit)
    try container.encode(sketchCapacity, forKey: .sketchCapacity)
    try container.encode(count, forKey: .count)
    try container.encodePacked(exactValues, forKey: .exactValues)
    try container.encodeIfPresent(sketch, forKey: .sketch)
  }

  /// True while every value is kept and quantiles are exact.
  public var isExact: Bool { sketch == nil }

  /// Every value in the order added (merges append), while exact; nil once the sketch is in use.
  /// Lets a caller recompute other statistics over the same values in a fixed order.
  public var exactValuesInOrder: [Double]? { sketch == nil ? exactValues : nil }

  /// The proven bound on the rank error of `quantile(_:)`, in number of values; 0 while exact.
  public var rankErrorBound: Double { sketch?.rankErrorBound ?? 0 }

  /// Adds one finite value.
  public mutating func add(_ value: Double) {
    precondition(value.isFinite, "QuantileSummary accepts finite values only")
    count += 1
    if sketch != nil {
      sketch!.add(value)
    } else {
      if exactValues.isEmpty { exactValues.reserveCapacity(Swift.min(exactLimit, 1024)) }
      exactValues.append(value)
      if count > exactLimit { switchToSketch() }
    }
  }

  /// Makes room for the values of a summary that expects `count` of them: as many as it keeps
  /// exactly (up to the exact limit and the value that crosses it), so that its storage does not
  /// grow by copies and fresh pages as they arrive.
  public mutating func reserveExactCapacity(_ count: Int) {
    if sketch == nil { exactValues.reserveCapacity(Swift.min(count, exactLimit + 1)) }
  }

  /// Adds finite values in order; the same as adding them one by one, without a per-value
  /// capacity check.
  public mutating func add(contentsOf values: UnsafeBufferPointer<Double>) {
    precondition(ValueTally(values).nonFinite == 0, "QuantileSummary accepts finite values only")
    var rest = values
    if sketch == nil {
      // Up to and including the value that crosses the limit, kept exactly; then the switch.
      let exactPart = Swift.min(rest.count, exactLimit + 1 - count)
      exactValues.append(contentsOf: UnsafeBufferPointer(rebasing: rest[..<exactPart]))
      count += exactPart
      rest = UnsafeBufferPointer(rebasing: rest[exactPart...])
      if count > exactLimit { switchToSketch() }
    }
    guard !rest.isEmpty else { return }
    count += rest.count
    sketch!.add(contentsOf: rest)
  }

  /// Adds the values summarised by another summary with the same limits.
  ///
  /// Exact + exact within the limit stays exact (values concatenated: self's, then other's);
  /// otherwise the result is a sketch, built deterministically in that same order.
  public mutating func merge(_ other: QuantileSummary) {
    precondition(
      exactLimit == other.exactLimit && sketchCapacity == other.sketchCapacity,
      "summaries with different limits cannot be merged")
    count += other.count
    if sketch == nil && other.sketch == nil {
      exactValues += other.exactValues
      if count > exactLimit { switchToSketch() }
      return
    }
    if sketch == nil { switchToSketch() }
    if let otherSketch = other.sketch {
      sketch!.merge(otherSketch)
    } else {
      other.exactValues.withUnsafeBufferPointer { sketch!.add(contentsOf: $0) }
    }
  }

  /// The p-quantile (p in [0, 1]); NaN when empty. Sorts a copy of the values when exact: to
  /// read several quantiles, call `quantiles(_:)`, which sorts once.
  public func quantile(_ p: Double) -> Double {
    quantiles([p])[0]
  }

  /// Several quantiles at once.
  public func quantiles(_ probabilities: [Double]) -> [Double] {
    precondition(probabilities.allSatisfy { (0...1).contains($0) }, "quantile needs p in [0, 1]")
    guard count > 0 else { return probabilities.map { _ in .nan } }
    if let sketch {
      return sketch.values(atRanks: probabilities.map { Double(count - 1) * $0 })
    }
    // A sorted copy: the radix sort costs less than selecting even a few positions by quickselect,
    // whose comparisons of random data mispredict.
    let values = sortedNumbers(exactValues)
    return probabilities.map { Self.linearQuantile(count: count, p: $0) { values[$0] } }
  }

  /// numpy's 'linear' method, reproducing its operation order; `value(k)` is the k-th smallest.
  static func linearQuantile(count: Int, p: Double, value: (Int) -> Double) -> Double {
    let last = count - 1
    let position = Double(last) * p
    let below = position.rounded(.down)
    let lower = Swift.min(Int(below), last)
    let upper = Swift.min(lower + 1, last)
    let gamma = position - below
    let a = value(lower)
    let b = value(upper)
    let difference = b - a
    return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma
  }

  private mutating func switchToSketch() {
    var newSketch = QuantileSketch(capacity: sketchCapacity)
    exactValues.withUnsafeBufferPointer { newSketch.add(contentsOf: $0) }
    exactValues = []
    sketch = newSketch
  }
}
