import Testing

@testable import Stochastics

/// The batched forms used on the simulation's hot path give the same bits as their one-value
/// forms: Φ⁻¹ in two passes, prepared quantile functions over a buffer, and streams keyed through
/// a family.
struct BatchedDrawTests {
  /// Uniform draws, with points on and beside PPND16's region boundaries and deep in both tails.
  static let probabilities: [Double] = {
    let stream = RandomStream(seed: 3, run: 0, key: StreamKey("batched"))
    var p = (0..<20_000).map { stream.uniform(UInt64($0)) }
    for boundary in [0.075, 0.925] { p += [boundary.nextDown, boundary, boundary.nextUp] }
    p += [1e-300, 1e-20, Double.leastNonzeroMagnitude, 1 - Double.ulpOfOne / 2, 0.5]
    return p
  }()

  @Test func normalQuantilesInTwoPassesAreTheOneByOneBits() {
    var batch = Self.probabilities
    batch.withUnsafeMutableBufferPointer { standardNormalQuantiles(inPlace: $0) }
    for (p, z) in zip(Self.probabilities, batch) {
      #expect(z.bitPattern == standardNormalQuantile(p).bitPattern, "p = \(p)")
    }
  }

  @Test(arguments: [
    Distribution.normal(mean: 0.05, sd: 0.01), .lognormal(median: 0.07, sdLog: 0.15), .poisson(mean: 3.5),
    .pert(min: 80, mode: 100, max: 160),
    .beta(alpha: 21.037419224429197, beta: 2.121500704392127, min: -0.95, max: 0.95),
  ])
  func preparedQuantilesOverABufferAreTheOneByOneBits(_ distribution: Distribution) {
    let prepared = QuantileFunction(distribution)
    var batch = Self.probabilities
    batch.withUnsafeMutableBufferPointer { prepared.quantiles(inPlace: $0) }
    for (p, x) in zip(Self.probabilities, batch) {
      #expect(x.bitPattern == prepared(p).bitPattern, "\(distribution) at p = \(p)")
    }
  }

  @Test func aFamilyKeysTheSameStreamsAsSeedRunAndKey() {
    let key = StreamKey("retail_sales.shock")
    let family = RandomStreamFamily(seed: 20_240_101, key: key)
    for run in [0, 1, 2, 1_000, 999_999, UInt64.max] {
      let direct = RandomStream(seed: 20_240_101, run: run, key: key)
      #expect(family.stream(run: run).base == direct.base)
      // The keying formula itself, written out: a change to it must fail here.
      let expected = RandomStream.mix(RandomStream.mix(20_240_101 ^ key.hash) &+ run &* 0x9E37_79B9_7F4A_7C15)
      #expect(direct.base == expected)
    }
  }
}
