// The beta quantile function prepared once for fixed shape parameters, for distributions drawn
// many times (a simulation's per-run parameters).
//
// The exact quantile x(u) and its slope dx/du = 1/f(x) are tabulated on a grid of u; between
// nodes the cubic Hermite interpolant is within about 10⁻¹² of the root, so the safeguarded
// Newton of InverseIncompleteBeta.swift settles in two evaluations of I_x(a, b) instead of four
// or five, and I_½(a, b), which decides the side of ½ the root lies on, is computed once. In the
// two end intervals, where x(u) behaves like a power of u, Newton starts from the usual guess.
// The result is the same root to the accuracy of I_x(a, b) (about 10⁻¹³ relative: Newton from
// another start stops elsewhere inside the rounding of ln I − ln p, up to a few hundred ulps of
// x where ln I is flat), not bit for bit the result of `betaQuantile`.

import Foundation

/// The quantile function of Beta(a, b) on [0, 1], prepared for repeated evaluation.
struct BetaQuantileTable: Sendable, Equatable {
  /// Grid intervals in u: nodes at u = i / intervals.
  static let intervals = 128

  let a: Double
  let b: Double
  private let atHalfLower: Double
  private let atHalfUpper: Double
  /// x(i / intervals) for i in 0...intervals.
  private let nodes: [Double]
  /// dx/du at each node (not finite at an end where the density vanishes or diverges).
  private let slopes: [Double]

  init(a: Double, b: Double) {
    precondition(a > 0 && b > 0, "beta quantile table needs a > 0 and b > 0")
    self.a = a
    self.b = b
    let atHalf = regularizedIncompleteBetaPair(x: 0.5, y: 0.5, a: a, b: b)
    atHalfLower = atHalf.lower
    atHalfUpper = atHalf.upper
    let n = Self.intervals
    var nodes = [Double](repeating: 0, count: n + 1)
    var slopes = [Double](repeating: .nan, count: n + 1)
    for i in 0...n {
      let u = Double(i) / Double(n)
      let root = inverseRegularizedIncompleteBetaPair(p: u, q: 1 - u, a: a, b: b)
      nodes[i] = root.x
      // f(x) = x^(a−1) y^(b−1) / B(a, b)
      slopes[i] = root.x * root.y / betaPowerTerms(a: a, b: b, x: root.x, y: root.y)
    }
    self.nodes = nodes
    self.slopes = slopes
  }

  /// The x in [0, 1] with I_x(a, b) = p, for p in [0, 1] (NaN for NaN).
  func quantile(_ p: Double) -> Double {
    let q = 1 - p
    if p.isNaN || p <= 0 || q <= 0 { return inverseRegularizedIncompleteBetaPair(p: p, q: q, a: a, b: b).x }
    return inverseRegularizedIncompleteBetaPair(
      p: p, q: q, a: a, b: b, atHalf: (atHalfLower, atHalfUpper), approximateRoot: interpolated(p)
    ).x
  }

  /// The cubic Hermite interpolant of x(u) at p, nil in the end intervals or where it is not
  /// usable.
  private func interpolated(_ p: Double) -> Double? {
    let position = p * Double(Self.intervals)
    let i = Int(position)
    guard i >= 1 && i < Self.intervals - 1 else { return nil }
    let t = position - Double(i)
    let h = 1 / Double(Self.intervals)
    let t2 = t * t
    let t3 = t2 * t
    let x =
      (2 * t3 - 3 * t2 + 1) * nodes[i] + (t3 - 2 * t2 + t) * h * slopes[i]
      + (3 * t2 - 2 * t3) * nodes[i + 1] + (t3 - t2) * h * slopes[i + 1]
    return x.isFinite && x > 0 && x < 1 ? x : nil
  }
}
