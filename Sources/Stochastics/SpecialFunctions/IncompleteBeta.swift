// The regularised incomplete beta function I_x(a, b) = B(x; a, b)/B(a, b).
//
// Sources:
// - Continued fraction evaluated by the modified Lentz method, with the symmetry
//   I_x(a, b) = 1 − I_(1−x)(b, a) applied when x > (a + 1)/(a + b + 2) so the fraction converges
//   fast: Numerical Recipes (3rd ed.) §6.4 (betacf); Lentz (1976), Appl. Optics 15(3).
// - The prefactor x^a(1−x)^b/B(a, b) for large a and b in the Stirling form
//   √(ab/(2π(a+b)))·exp(a(log1p(u)−u) + b(log1p(v)−v) + μ(a+b) − μ(a) − μ(b)),
//   u = (xb − ya)/a, v = −(xb − ya)/b: DiDonato & Morris (1992), ACM TOMS 18(3) (brcomp);
//   the same construction as Boost.Math's ibeta_power_terms.
// - Where the fraction is ill-conditioned (one shape parameter ≥ 100 times the other, x above ½)
//   an incomplete-gamma expansion takes over (IncompleteBetaLargeShape.swift).
// Both x and y = 1 − x are taken as inputs so callers (Student t, F) can pass the one that is
// small without the rounding of 1 − x; both I and 1 − I are returned, the smaller one direct.

import Foundation

/// The regularised incomplete beta function I_x(a, b) for a, b > 0 and x in [0, 1].
public func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
  regularizedIncompleteBetaPair(x: x, y: 1 - x, a: a, b: b).lower
}

/// I_x(a, b) and 1 − I_x(a, b), given x and y = 1 − x (each as accurate as the caller has it).
func regularizedIncompleteBetaPair(
  x: Double, y: Double, a: Double, b: Double
)
  -> (lower: Double, upper: Double)
{
  precondition(a > 0 && b > 0, "incomplete beta needs a > 0 and b > 0")
  if x.isNaN || y.isNaN { return (.nan, .nan) }
  if x <= 0 { return (0, 1) }
  if y <= 0 { return (1, 0) }
  if x < (a + 1) / (a + b + 2) {
    let lower =
      prefersLargeShapeExpansion(a: a, b: b, x: x, y: y)
      ? largeShapeIncompleteBeta(a: a, b: b, x: x, y: y)
      : betaPowerTerms(a: a, b: b, x: x, y: y) * betaContinuedFraction(a: a, b: b, x: x) / a
    return (lower, 1 - lower)
  }
  let upper =
    prefersLargeShapeExpansion(a: b, b: a, x: y, y: x)
    ? largeShapeIncompleteBeta(a: b, b: a, x: y, y: x)
    : betaPowerTerms(a: b, b: a, x: y, y: x) * betaContinuedFraction(a: b, b: a, x: y) / b
  return (1 - upper, upper)
}

/// x^a · y^b / B(a, b) with y = 1 − x, without overflow and without cancellation for large a, b.
func betaPowerTerms(a: Double, b: Double, x: Double, y: Double) -> Double {
  // ln x from whichever of x and y carries its precision.
  let logX = x <= 0.5 ? log(x) : log1p(-y)
  let logY = y <= 0.5 ? log(y) : log1p(-x)
  if a >= 10 && b >= 10 {
    // a·(log1p(u) − u) + b·(log1p(v) − v) with u = d/a, v = −d/b (a·u + b·v = 0). Near the
    // mean u and v are small and the series keeps them exact; far from it, 1 + u = x(a + b)/a
    // is taken from ln x directly, as d would have cancelled.
    let d = x * b - y * a
    let u = d / a
    let v = -d / b
    let termA = abs(u) < 0.25 ? a * log1pMinusX(u) : a * (logX + log1p(b / a)) - d
    let termB = abs(v) < 0.25 ? b * log1pMinusX(v) : b * (logY + log1p(a / b)) + d
    let exponent =
      termA + termB
      + stirlingRemainder(a + b) - stirlingRemainder(a) - stirlingRemainder(b)
    return (a * b / (2 * Double.pi * (a + b))).squareRoot() * exp(exponent)
  }
  return exp(a * logX + b * logY - logBeta(a, b))
}

/// The continued fraction of I_x(a, b) (NR's betacf), modified Lentz evaluation.
///
/// Converges in O(√max(a, b)) terms for x below the mean; the iteration cap is far above that
/// for the largest degrees of freedom in use (10⁷).
private func betaContinuedFraction(a: Double, b: Double, x: Double) -> Double {
  let tiny = Double.leastNormalMagnitude / Double.ulpOfOne
  let qab = a + b
  let qap = a + 1
  let qam = a - 1
  var c = 1.0
  var d = 1 - qab * x / qap
  if abs(d) < tiny { d = tiny }
  d = 1 / d
  var h = d
  for step in 1..<200_000 {
    let m = Double(step)
    let m2 = 2 * m
    var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
    d = 1 + aa * d
    if abs(d) < tiny { d = tiny }
    c = 1 + aa / c
    if abs(c) < tiny { c = tiny }
    d = 1 / d
    let evenDelta = d * c
    h *= evenDelta
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
    d = 1 + aa * d
    if abs(d) < tiny { d = tiny }
    c = 1 + aa / c
    if abs(c) < tiny { c = tiny }
    d = 1 / d
    let oddDelta = d * c
    h *= oddDelta
    // Both half-steps must have settled: for large a the even factors approach 1 long before
    // the odd ones do, and stopping on the odd factor alone (as NR's betacf does) loses up to
    // 10⁻¹¹ at a = 5·10⁵.
    if abs(evenDelta - 1) < Double.ulpOfOne && abs(oddDelta - 1) < Double.ulpOfOne { break }
  }
  return h
}
