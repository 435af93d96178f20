import Foundation
import Testing

@testable import Stochastics

/// The prepared inverse CDFs against `Distribution.quantile`: bit for bit outside beta and PERT;
/// for beta and PERT the same root to the accuracy of the incomplete beta function (an
/// interpolant, or Newton steps that start elsewhere and stop elsewhere inside the residual's
/// rounding).
struct QuantileFunctionTests {
  /// Beta shapes of the shipped model (AR coefficients, disruption probability), PERT shapes at
  /// both extremes of the mode, and shapes below 1 whose quantile function is steep at an end.
  static let betaShapes: [(a: Double, b: Double)] = [
    (21.037419224429197, 2.121500704392127), (79.8363374527968, 11.483873116249134), (1, 30),
    (1, 5), (5, 1), (3, 3), (0.5, 0.5), (0.3, 4), (2, 0.7),
  ]

  /// A dense grid of u with points on and beside the table's nodes and far into both tails.
  static let grid: [Double] = {
    var u = (1..<4000).map { Double($0) / 4000 }
    let nodes = BetaQuantileTable.intervals
    for i in 1..<nodes {
      let node = Double(i) / Double(nodes)
      u += [node.nextDown, node, node.nextUp]
    }
    u += [1e-300, 1e-12, 1e-6, 1e-3, 1 - 1e-3, 1 - 1e-6, 1 - 1e-12, Double.ulpOfOne / 2, 1 - Double.ulpOfOne / 2]
    return u
  }()

  /// I_x(a, b) is accurate to about 10⁻¹³ relative (SpecialFunctionTests), so ln I − ln p has a
  /// rounding band of that width around its zero, and Newton runs from different starts may stop
  /// anywhere in it: up to a few hundred ulps of x where ln I is flat in ln x. Observed on this
  /// grid with Newton from the old cubic start: 512 ulps (1.1e-13) for Beta(0.5, 0.5), at most
  /// 128 for the shipped model's shapes.
  static let ulpBound = 1024.0
  /// Above ½ the returned x has the absolute precision of its last place, ulp(x) ≈ 1.1e-16,
  /// whatever the accuracy of 1 − x inside the solver; there the interpolant is accepted within
  /// 16 ulps of x at its interval's middle (`BetaQuantileTable.acceptedError`).
  static let upperUlpBound = 64.0

  /// Distance in ulps of `x` between two roots in [0, 1].
  static func ulps(_ x: Double, _ y: Double) -> Double { abs(x - y) / max(x.ulp, y.ulp) }

  @Test(arguments: betaShapes.indices)
  func betaTableFindsTheSameRootToTheIncompleteBetaAccuracy(_ shape: Int) {
    let (a, b) = Self.betaShapes[shape]
    let table = BetaQuantileTable(a: a, b: b)
    var worstBelowHalf = 0.0
    var worstAboveHalf = 0.0
    for u in Self.grid {
      let direct = inverseRegularizedIncompleteBetaPair(p: u, q: 1 - u, a: a, b: b).x
      let distance = Self.ulps(table.quantile(u), direct)
      if direct <= 0.5 {
        worstBelowHalf = max(worstBelowHalf, distance)
      } else {
        worstAboveHalf = max(worstAboveHalf, distance)
      }
    }
    #expect(worstBelowHalf <= Self.ulpBound, "beta(\(a), \(b)) below ½: \(worstBelowHalf) ulps")
    #expect(worstAboveHalf <= Self.upperUlpBound, "beta(\(a), \(b)) above ½: \(worstAboveHalf) ulps")
  }

  /// The interpolant is accurate enough to skip Newton's method in most of (0, 1). Measured
  /// shares of the intervals, in the order of `betaShapes`: 0.904, 0.903, 0.911, 0.923, 0.933,
  /// 0.871, 0.996, 0.805, 0.909.
  @Test func mostIntervalsNeedNoNewtonStep() {
    let shares = Self.betaShapes.map { BetaQuantileTable(a: $0.a, b: $0.b).interpolatedShare }
    #expect(shares[0] >= 0.9 && shares[1] >= 0.9, "the shipped model's shapes: \(shares[0...1])")
    #expect(shares.allSatisfy { $0 >= 0.8 }, "\(shares)")
  }

  /// One table per shape in the process, shared by every compile of it.
  @Test func tablesAreBuiltOncePerShape() {
    let first = BetaQuantileTable(a: 2.5, b: 7.25)
    #expect(BetaQuantileTable(a: 2.5, b: 7.25) == first)
    #expect(BetaQuantileTable(a: 2.5, b: 7.5) != first)
  }

  @Test func preparedPertAndScaledBetaAgreeInTheLastBitsOfTheirRange() {
    let distributions: [(Distribution, lo: Double, hi: Double)] = [
      (.pert(min: 80, mode: 100, max: 160), 80, 160), (.pert(min: 0, mode: 0, max: 1), 0, 1),
      (.beta(alpha: 21.037419224429197, beta: 2.121500704392127, min: -0.95, max: 0.95), -0.95, 0.95),
      (.beta(alpha: 1, beta: 30, min: 0, max: 1), 0, 1),
    ]
    for (distribution, lo, hi) in distributions {
      let prepared = QuantileFunction(distribution)
      var worst = 0.0
      for u in Self.grid {
        worst = max(worst, abs(prepared(u) - distribution.quantile(u)) / (hi - lo))
      }
      #expect(
        worst <= 64 * Double.ulpOfOne, "\(distribution): \(worst / Double.ulpOfOne) ulps of the range")
    }
  }

  @Test func otherFamiliesAreBitForBitTheDirectQuantile() {
    let distributions: [Distribution] = [
      .fixed(3), .normal(mean: 0.05, sd: 0.01), .lognormal(median: 0.07, sdLog: 0.15),
      .uniform(min: 1, max: 2), .triangular(min: 80, mode: 100, max: 160), .poisson(mean: 0.5),
      .poisson(mean: 35), .discrete(values: [1, 2, 5], weights: [0.2, 0.5, 0.3]),
      .beta(alpha: 2, beta: 3, min: 1, max: 1),
    ]
    for distribution in distributions {
      let prepared = QuantileFunction(distribution)
      for u in Self.grid {
        #expect(prepared(u).bitPattern == distribution.quantile(u).bitPattern, "\(distribution) at \(u)")
      }
    }
  }
}
