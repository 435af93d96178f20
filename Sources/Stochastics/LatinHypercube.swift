/// Latin hypercube designs: n stratified uniforms per dimension, one in each of the n strata
/// [k/n, (k+1)/n), in an order given by a keyed random permutation.
///
/// Every value is a pure function of its dimension's `RandomStream`, the sample count and its
/// sample index, computed in O(1) time and memory: a column can be regenerated alone or in any
/// part (no other parameter, and no column order, affects it), adding a parameter to a scenario
/// leaves the others' draws unchanged, and a design over millions of runs needs no storage.
/// Feed the values to `Distribution.quantile(_:)` to get stratified draws of any family.
///
/// Sample i of a dimension with stream s and n samples lies in stratum π(i), where π is the
/// `KeyedPermutation` of 0..<n keyed by s (its draws at indices ≥ 2^40), at the position
/// s.uniform(i) inside the stratum.
public enum LatinHypercube {
  /// Sample `sample` (in 0..<samples) of the dimension keyed by `permutation`'s stream.
  public static func value(sample: Int, of permutation: KeyedPermutation, stream: RandomStream) -> Double {
    let n = Double(permutation.count)
    let stratum = Double(permutation(sample))
    let jitter = stream.uniform(UInt64(sample))
    // The rounded sum can reach the next stratum's edge when jitter is within an ulp of 1.
    return Swift.min((stratum + jitter) / n, ((stratum + 1) / n).nextDown)
  }

  /// The n stratified uniforms of one dimension, in sample order.
  public static func column(samples: Int, stream: RandomStream) -> [Double] {
    precondition(samples > 0, "a Latin hypercube needs at least one sample")
    let permutation = KeyedPermutation(count: samples, stream: stream)
    return (0..<samples).map { value(sample: $0, of: permutation, stream: stream) }
  }

  /// A design of `samples` rows and one column per stream: `design[d][i]` is sample i of
  /// dimension d.
  public static func design(samples: Int, streams: [RandomStream]) -> [[Double]] {
    streams.map { column(samples: samples, stream: $0) }
  }
}
