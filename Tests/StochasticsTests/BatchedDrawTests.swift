import Testing

@testable import Stochastics

/// The batched forms used on the simulation's hot path give the same bits as their one-value
/// forms: Φ⁻¹ in passes, prepared quantile functions over a buffer, rows of uniforms, streams
/// keyed through a family, and the four-lane tally of signs and non-finite values.
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

  @Test func rowsOfUniformsAreTheOneByOneDraws() {
    let family = RandomStreamFamily(seed: 7, key: StreamKey("rows"))
    let streams = (0..<37).map { family.stream(run: UInt64($0)) }
    var byRow = [Double](repeating: 0, count: streams.count)
    streams.withUnsafeBufferPointer { all in
      byRow.withUnsafeMutableBufferPointer { RandomStream.uniforms(of: all, draw: 3, into: $0) }
    }
    #expect(byRow == streams.map { $0.uniform(3) })
    var first = [Double](repeating: 0, count: 37)
    first.withUnsafeMutableBufferPointer { family.firstUniforms(runs: 100..<137, into: $0) }
    #expect(first == (100..<137).map { family.stream(run: UInt64($0)).uniform(0) })
  }

  /// A value that is not finite is found wherever it stands: in the four-lane part or the rest;
  /// signs are counted the same way (−0 and +0 neither above nor below).
  @Test func theTallyFindsEveryNonFiniteValueAndCountsSigns() {
    for count in [1, 4, 5, 9, 16] {
      for position in 0..<count {
        for bad in [Double.infinity, -.infinity, .nan] {
          var values = [Double](repeating: -0.0, count: count)
          values[position] = bad
          let tally = values.withUnsafeBufferPointer(ValueTally.init)
          #expect(tally.nonFinite == 1, "\(bad) at \(position) of \(count)")
        }
      }
    }
    let extremes = [-Double.greatestFiniteMagnitude, -0.0, 0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1, -2]
    let tally = extremes.withUnsafeBufferPointer(ValueTally.init)
    #expect(tally.nonFinite == 0 && tally.above == 3 && tally.below == 2)
    let mixed = Self.probabilities.map { $0 - 0.5 } + [0, -0.0]
    let counted = mixed.withUnsafeBufferPointer(ValueTally.init)
    #expect(counted.above == mixed.filter { $0 > 0 }.count && counted.below == mixed.filter { $0 < 0 }.count)
    #expect([Double]().withUnsafeBufferPointer(ValueTally.init).nonFinite == 0)
  }
}
