import Foundation
import Stochastics
import Testing

struct SobolSequenceTests {
  struct Points: Decodable { let points: [[Double]] }

  /// The first 256 points in 64 dimensions equal scipy.stats.qmc.Sobol(d=64, scramble=False)
  /// bit for bit (Fixtures/sobol.json from make_sobol.py): same direction numbers, same Gray-code
  /// order, dyadic values that are exact in binary.
  @Test func matchesScipyUnscrambled() throws {
    let expected = try JSONDecoder().decode(Points.self, from: Data(contentsOf: Fixture.url("sobol.json"))).points
    let sobol = try SobolSequence(dimensions: 64)
    #expect(expected.count == 256)
    for (index, row) in expected.enumerated() {
      #expect(sobol.point(index) == row, "point \(index)")
    }
  }

  /// Elementary intervals: for every dimension and every k ≤ 10, the first 2^k points put exactly
  /// one point in each interval [j/2^k, (j+1)/2^k) — the (0, k, 1)-net property of each
  /// one-dimensional projection — with and without scrambling (the scramble preserves nets).
  @Test(arguments: [nil, 42] as [UInt64?])
  func eachElementaryIntervalHoldsOnePoint(_ seed: UInt64?) throws {
    let sobol = try SobolSequence(dimensions: 64, scrambleSeed: seed)
    for k in 1...10 {
      let n = 1 << k
      for dimension in 0..<64 {
        var seen = [Bool](repeating: false, count: n)
        for index in 0..<n {
          seen[Int(sobol.coordinate(index, dimension: dimension) * Double(n))] = true
        }
        #expect(seen.allSatisfy { $0 }, "k = \(k), dimension \(dimension), seed \(String(describing: seed))")
      }
    }
  }

  /// Two-dimensional projections of the first 2^(2k) points fill the 2^k × 2^k grid for the
  /// first dimension pairs, where Joe–Kuo numbers guarantee t = 0 ((1,2) by construction).
  @Test func firstPairIsAZeroNet() throws {
    let sobol = try SobolSequence(dimensions: 2, scrambleSeed: 5)
    for k in 1...5 {
      let side = 1 << k
      var seen = Set<Int>()
      for index in 0..<(side * side) {
        let x = Int(sobol.coordinate(index, dimension: 0) * Double(side))
        let y = Int(sobol.coordinate(index, dimension: 1) * Double(side))
        seen.insert(x * side + y)
      }
      #expect(seen.count == side * side)
    }
  }

  /// Scrambled points stay uniform: across 200 seeds, the mean of coordinate 0 of point 1 (a
  /// single randomised point, uniform on (0, 1) under the scramble) is within 4 standard errors
  /// (σ = 1/√12 per seed) of ½; and every coordinate is strictly inside (0, 1).
  @Test func scrambledPointsAreUniform() throws {
    var moments = RunningMoments()
    for seed in 0..<200 as Range<UInt64> {
      let sobol = try SobolSequence(dimensions: 3, scrambleSeed: seed)
      let value = sobol.coordinate(1, dimension: 2)
      #expect(value > 0 && value < 1)
      moments.add(value)
    }
    #expect(abs(moments.mean - 0.5) <= 4 * (1.0 / 12).squareRoot() / 200.0.squareRoot())
    // The variance of a uniform is 1/12; the sample variance of 200 uniforms has standard error
    // ≈ √(1/180 − 1/144·…) ≈ 0.0038 — 5 of those.
    #expect(abs(moments.sampleVariance - 1.0 / 12) <= 0.02)
  }

  /// The same seed gives the same points; a different seed different ones.
  @Test func scramblingIsKeyedBySeed() throws {
    let a = try SobolSequence(dimensions: 8, scrambleSeed: 1)
    let b = try SobolSequence(dimensions: 8, scrambleSeed: 1)
    let c = try SobolSequence(dimensions: 8, scrambleSeed: 2)
    #expect(a.points(64) == b.points(64))
    #expect(a.points(64) != c.points(64))
  }

  @Test func rejectsUnsupportedDimensions() {
    #expect(throws: SobolSequenceError.unsupportedDimensions(requested: 65, maximum: 64)) {
      try SobolSequence(dimensions: 65)
    }
    #expect(throws: SobolSequenceError.unsupportedDimensions(requested: 0, maximum: 64)) {
      try SobolSequence(dimensions: 0)
    }
  }
}
