// The beta quantile function prepared once for fixed shape parameters, for distributions drawn
// many times (a simulation's per-run parameters).
//
// The exact quantile x(u), its slope x′ = 1/f(x) and its curvature x″ = −(f′/f)(x)·x′², with
// f′/f = (a − 1)/x − (b − 1)/(1 − x), are tabulated at u = i/512. Between two nodes the quintic
// Hermite interpolant matching all three has error h⁶·x⁽⁶⁾(ξ)·t³(1 − t)³/720 (t the position in
// the interval), largest at the middle; so each interval's interpolant is checked once, at its
// middle, against the exact root, and used wherever it is within `acceptedError` of it. Elsewhere
// — the two end intervals, where x(u) behaves like a power of u, and intervals near them where
// x⁽⁶⁾ grows — the safeguarded Newton of InverseIncompleteBeta.swift runs from the interpolant
// (or, in the end intervals, from its usual guess). Either way the result is the root to about
// 10⁻¹³ relative, the accuracy of I_x(a, b) itself, not bit for bit the result of `betaQuantile`.
//
// Tables are kept per shape for the life of the process: a search compiles the same parameters
// for every candidate plan.

import Foundation
import Synchronization

/// The quantile function of Beta(a, b) on [0, 1], prepared for repeated evaluation.
struct BetaQuantileTable: Sendable, Equatable {
  /// Grid intervals in u: nodes at u = i / intervals.
  static let intervals = 1024
  /// The largest difference at an interval's middle, in units in the last place of x, for which
  /// the interval's interpolant is used without Newton's method.
  static let acceptedError = 16.0

  let a: Double
  let b: Double
  private let atHalfLower: Double
  private let atHalfUpper: Double
  /// x(i / intervals), dx/du and d²x/du² at each node (derivatives not finite at an end where
  /// the density vanishes or diverges).
  private let nodes: [Double]
  private let slopes: [Double]
  private let curvatures: [Double]
  /// Whether interval i's interpolant passed its check.
  private let interpolates: [Bool]

  /// The table of Beta(a, b), built once per shape in the process.
  init(a: Double, b: Double) {
    let shape = Shape(a: a, b: b)
    if let known = Self.built.withLock({ $0[shape] }) {
      self = known
      return
    }
    self.init(building: a, b)
    let table = self
    Self.built.withLock { $0[shape] = table }
  }

  private struct Shape: Hashable { let a, b: Double }
  private static let built = Mutex<[Shape: BetaQuantileTable]>([:])

  private init(building a: Double, _ b: Double) {
    precondition(a > 0 && b > 0, "beta quantile table needs a > 0 and b > 0")
    self.a = a
    self.b = b
    let atHalf = regularizedIncompleteBetaPair(x: 0.5, y: 0.5, a: a, b: b)
    atHalfLower = atHalf.lower
    atHalfUpper = atHalf.upper
    let n = Self.intervals
    var nodes = [Double](repeating: 0, count: n + 1)
    var slopes = [Double](repeating: .nan, count: n + 1)
    var curvatures = [Double](repeating: .nan, count: n + 1)
    for i in 0...n {
      let u = Double(i) / Double(n)
      // Each node's Newton starts from the previous node's tangent (the usual guess near the ends).
      let root =
        (2..<n).contains(i)
        ? inverseRegularizedIncompleteBetaPair(
          p: u, q: 1 - u, a: a, b: b, atHalf: atHalf, approximateRoot: nodes[i - 1] + slopes[i - 1] / Double(n))
        : inverseRegularizedIncompleteBetaPair(p: u, q: 1 - u, a: a, b: b)
      nodes[i] = root.x
      // f(x) = x^(a−1) y^(b−1) / B(a, b)
      let slope = root.x * root.y / betaPowerTerms(a: a, b: b, x: root.x, y: root.y)
      slopes[i] = slope
      curvatures[i] = -((a - 1) / root.x - (b - 1) / root.y) * slope * slope
    }
    self.nodes = nodes
    self.slopes = slopes
    self.curvatures = curvatures
    var interpolates = [Bool](repeating: false, count: n)
    for i in 1..<(n - 1) {
      let u = (Double(i) + 0.5) / Double(n)
      guard let estimate = Self.interpolant(nodes, slopes, curvatures, interval: i, t: 0.5) else { continue }
      let exact = inverseRegularizedIncompleteBetaPair(
        p: u, q: 1 - u, a: a, b: b, atHalf: atHalf, approximateRoot: estimate)
      interpolates[i] = abs(estimate - exact.x) <= Self.acceptedError * exact.x.ulp
    }
    self.interpolates = interpolates
  }

  /// The share of the intervals in u whose interpolant is used without Newton's method.
  var interpolatedShare: Double {
    Double(interpolates.lazy.filter { $0 }.count) / Double(Self.intervals)
  }

  /// The x in [0, 1] with I_x(a, b) = p, for p in [0, 1] (NaN for NaN).
  func quantile(_ p: Double) -> Double {
    let q = 1 - p
    if p.isNaN || p <= 0 || q <= 0 { return inverseRegularizedIncompleteBetaPair(p: p, q: q, a: a, b: b).x }
    let position = p * Double(Self.intervals)
    let i = min(Int(position), Self.intervals - 1)
    let estimate = Self.interpolant(nodes, slopes, curvatures, interval: i, t: position - Double(i))
    if interpolates[i], let estimate { return estimate }
    return inverseRegularizedIncompleteBetaPair(
      p: p, q: q, a: a, b: b, atHalf: (atHalfLower, atHalfUpper), approximateRoot: estimate
    ).x
  }

  /// The quintic Hermite interpolant of x(u) at position t of interval i, nil in the end
  /// intervals or where it is not usable.
  private static func interpolant(
    _ nodes: [Double], _ slopes: [Double], _ curvatures: [Double], interval i: Int, t: Double
  ) -> Double? {
    guard i >= 1 && i < intervals - 1 else { return nil }
    let h = 1 / Double(intervals)
    let s = 1 - t
    let t3 = t * t * t
    let s3 = s * s * s
    // The quintic Hermite basis in a form symmetric under t ↔ 1 − t.
    let x =
      s3 * (1 + 3 * t + 6 * t * t) * nodes[i] + t3 * (1 + 3 * s + 6 * s * s) * nodes[i + 1]
      + h * (s3 * t * (1 + 3 * t) * slopes[i] - t3 * s * (1 + 3 * s) * slopes[i + 1])
      + h * h / 2 * (s3 * t * t * curvatures[i] + t3 * s * s * curvatures[i + 1])
    return x.isFinite && x > 0 && x < 1 ? x : nil
  }
}
