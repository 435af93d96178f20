/// Latin hypercube designs: n stratified uniforms per dimension, one in each of the n strata
/// [k/n, (k+1)/n), in an order given by a keyed random permutation.
///
/// Every column is a pure function of its own `RandomStream` and the sample count, so a
/// parameter's column can be regenerated alone (no other parameter, and no column order, affects
/// it), and adding a parameter to a scenario leaves the others' draws unchanged. Feed the values
/// to `Distribution.quantile(_:)` to get stratified draws of any family.
///
/// Column layout for a stream s and n samples: a Fisher–Yates shuffle of the strata driven by
/// s.bits(1…n−1) (index draws by the multiply-high method, bias below 2⁻³² for n < 2³²), then the
/// position inside stratum k of sample i from s.uniform(n + i).
public enum LatinHypercube {
  /// The n stratified uniforms of one dimension, in sample order.
  public static func column(samples: Int, stream: RandomStream) -> [Double] {
    precondition(samples > 0, "a Latin hypercube needs at least one sample")
    var strata = Array(0..<samples)
    var position = samples - 1
    while position > 0 {
      let draw = stream.bits(UInt64(position))
      let pick = Int(draw.multipliedFullWidth(by: UInt64(position + 1)).high)
      strata.swapAt(position, pick)
      position -= 1
    }
    let n = Double(samples)
    return strata.enumerated().map { sample, stratum in
      let jitter = stream.uniform(UInt64(samples + sample))
      // The rounded sum can reach the next stratum's edge when jitter is within an ulp of 1.
      let top = (Double(stratum + 1) / n).nextDown
      return Swift.min((Double(stratum) + jitter) / n, top)
    }
  }

  /// A design of `samples` rows and one column per stream: `design[d][i]` is sample i of
  /// dimension d.
  public static func design(samples: Int, streams: [RandomStream]) -> [[Double]] {
    streams.map { column(samples: samples, stream: $0) }
  }
}
