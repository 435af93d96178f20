import Foundation
import Stochastics
import Testing

struct QuantileSummaryTests {
  struct NumpyCase: Decodable {
    let data: [Double]
    let p: [Double]
    let quantiles: [Double]
  }

  /// Exact regime against numpy.quantile(method="linear") (Fixtures/quantiles.json from
  /// make_quantiles.py). The interpolation reproduces numpy's operation order, so the results
  /// must be bit-identical: tolerance 0.
  @Test func exactQuantilesMatchNumpy() throws {
    let cases = try JSONDecoder().decode([NumpyCase].self, from: Data(contentsOf: Fixture.url("quantiles.json")))
    #expect(cases.count == 6)
    for testCase in cases {
      var summary = QuantileSummary()
      for value in testCase.data { summary.add(value) }
      #expect(summary.isExact)
      #expect(summary.quantiles(testCase.p) == testCase.quantiles, "n = \(testCase.data.count)")
    }
  }

  static func values(_ count: Int, seed: UInt64) -> [Double] {
    let stream = RandomStream(seed: seed, run: 0, key: StreamKey("quantile-summary"))
    return (0..<count).map { exp(standardNormalQuantile(stream.uniform(UInt64($0)))) }
  }

  /// Below the limit a merge of shards is the single summary, bit for bit, and survives JSON.
  @Test func exactMergeIsBitwiseIdentical() throws {
    let values = Self.values(30_000, seed: 1)
    var whole = QuantileSummary()
    for value in values { whole.add(value) }
    var merged = QuantileSummary()
    for start in stride(from: 0, to: values.count, by: 7_001) {
      var shard = QuantileSummary()
      for value in values[start..<min(start + 7_001, values.count)] { shard.add(value) }
      let json = try JSONEncoder().encode(shard)
      merged.merge(try JSONDecoder().decode(QuantileSummary.self, from: json))
    }
    let probabilities = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]
    #expect(merged.isExact)
    #expect(merged.count == whole.count)
    #expect(merged.quantiles(probabilities) == whole.quantiles(probabilities))
  }

  /// True rank of `value` in sorted data (the count of values below it, plus ties split).
  static func rankRange(of value: Double, in sorted: [Double]) -> ClosedRange<Double> {
    var low = 0
    var high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid] < value { low = mid + 1 } else { high = mid }
    }
    var end = low
    while end < sorted.count && sorted[end] == value { end += 1 }
    return Double(low)...Double(max(low, end - 1))
  }

  static let probabilities = [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999]

  /// Above the limit: on 10⁶ seeded values the rank error of every reported quantile is within
  /// the summary's proven bound, the bound is within the documented 0.5 % of n, and memory
  /// (encoded size) stays far below the data. The measured error is printed for the record.
  @Test func sketchRankErrorWithinBound() throws {
    let values = Self.values(1_000_000, seed: 2)
    var summary = QuantileSummary()
    for value in values { summary.add(value) }
    #expect(!summary.isExact)
    let sorted = values.sorted()
    let n = Double(values.count)
    #expect(summary.rankErrorBound <= 0.005 * n)
    var worst = 0.0
    for (p, value) in zip(Self.probabilities, summary.quantiles(Self.probabilities)) {
      let target = (n - 1) * p
      let range = Self.rankRange(of: value, in: sorted)
      let error =
        target < range.lowerBound
        ? range.lowerBound - target
        : target > range.upperBound ? target - range.upperBound : 0
      worst = max(worst, error)
      #expect(error <= summary.rankErrorBound, "p = \(p)")
    }
    print(
      "sketch over 1e6 values: worst rank error \(worst) (\(worst / n * 100) % of n), proven bound "
        + "\(summary.rankErrorBound) (\(summary.rankErrorBound / n * 100) % of n)"
    )
    let encoded = try JSONEncoder().encode(summary)
    #expect(encoded.count < 1_000_000)  // the raw values would take ~19 MB of JSON
  }

  /// Sharded sketches: 8 shards of 125 000 values, each already past the limit, merged (through
  /// JSON) stay within the merged bound of the true ranks, and that bound stays within 0.5 % of n.
  @Test func sketchMergeStaysWithinBound() throws {
    let values = Self.values(1_000_000, seed: 3)
    var merged = QuantileSummary()
    for shard in 0..<8 {
      var part = QuantileSummary()
      for value in values[(shard * 125_000)..<((shard + 1) * 125_000)] { part.add(value) }
      merged.merge(try JSONDecoder().decode(QuantileSummary.self, from: JSONEncoder().encode(part)))
    }
    #expect(merged.count == values.count)
    let sorted = values.sorted()
    let n = Double(values.count)
    #expect(merged.rankErrorBound <= 0.005 * n)
    for (p, value) in zip(Self.probabilities, merged.quantiles(Self.probabilities)) {
      let target = (n - 1) * p
      let range = Self.rankRange(of: value, in: sorted)
      #expect(
        range.lowerBound - merged.rankErrorBound <= target && target <= range.upperBound + merged.rankErrorBound,
        "p = \(p)")
    }
  }

  /// A damaged shard file is rejected when decoded: a count that disagrees with the stored
  /// values (exact) or with the level weights (sketch).
  @Test func rejectsInconsistentJSON() throws {
    var exact = QuantileSummary()
    for value in [1.0, 2, 3] { exact.add(value) }
    var object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(exact)) as? [String: Any])
    object["count"] = 4
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(QuantileSummary.self, from: JSONSerialization.data(withJSONObject: object))
    }
    var sketched = QuantileSummary(exactLimit: 10, sketchCapacity: 4)
    for value in Self.values(100, seed: 5) { sketched.add(value) }
    object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(sketched)) as? [String: Any])
    var sketch = try #require(object["sketch"] as? [String: Any])
    sketch["count"] = 99
    object["sketch"] = sketch
    object["count"] = 99
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(QuantileSummary.self, from: JSONSerialization.data(withJSONObject: object))
    }
    let intact = try JSONDecoder().decode(QuantileSummary.self, from: JSONEncoder().encode(sketched))
    #expect(intact == sketched)
  }

  /// The switch happens after exactLimit values, and a mixed merge (exact into sketch) works.
  @Test func switchesAtTheLimit() {
    var summary = QuantileSummary(exactLimit: 100, sketchCapacity: 16)
    for value in Self.values(100, seed: 4) { summary.add(value) }
    #expect(summary.isExact && summary.rankErrorBound == 0)
    summary.add(1)
    #expect(!summary.isExact)
    var small = QuantileSummary(exactLimit: 100, sketchCapacity: 16)
    small.add(5)
    summary.merge(small)
    #expect(summary.count == 102)
    #expect(QuantileSummary().quantile(0.5).isNaN)
  }
}
