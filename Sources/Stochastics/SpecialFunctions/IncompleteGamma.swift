// The regularised incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = 1 − P(a, x).
//
// Sources:
// - Series for x < a + 1 and Lentz's continued fraction otherwise: Press, Teukolsky, Vetterling
//   & Flannery, Numerical Recipes (3rd ed., 2007), §6.2 (gser/gcf).
// - The prefactor x^a e^(−x)/Γ(a) in the Stirling form √(a/2π)·exp(a(log1p(u) − u) − μ(a)),
//   u = (x − a)/a, which avoids cancelling terms of order a·ln a for large a:
//   Temme, "Special Functions" (1996) §11.2; also DiDonato & Morris (1986), ACM TOMS 12(4).
// Whichever of P and Q is smaller is computed directly, so both tails keep relative precision.

import Foundation

/// The regularised lower incomplete gamma function P(a, x) for a > 0, x ≥ 0.
public func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
  regularizedGammaPair(a, x).lower
}

/// The regularised upper incomplete gamma function Q(a, x) = 1 − P(a, x) for a > 0, x ≥ 0,
/// accurate in relative terms even where P is within rounding of 1.
public func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
  regularizedGammaPair(a, x).upper
}

/// P(a, x) and Q(a, x) together; the smaller one is computed directly.
func regularizedGammaPair(_ a: Double, _ x: Double) -> (lower: Double, upper: Double) {
  precondition(a > 0, "incomplete gamma needs a > 0")
  if x.isNaN || a.isNaN { return (.nan, .nan) }
  if x <= 0 { return (0, 1) }
  if x.isInfinite { return (1, 0) }
  let prefix = gammaPrefix(a, x)
  if x < a + 1 {
    let lower = prefix * lowerGammaSeries(a, x)
    return (lower, 1 - lower)
  }
  let upper = prefix * upperGammaContinuedFraction(a, x)
  return (1 - upper, upper)
}

/// x^a·e^(−x)/Γ(a), computed without intermediate overflow or cancellation.
func gammaPrefix(_ a: Double, _ x: Double) -> Double {
  if a < 10 {
    return exp(a * log(x) - x - lgamma(a))
  }
  // a·(log1p(u) − u) with u = (x − a)/a; far from x = a, 1 + u = x/a is formed directly
  // because x − a would cancel when x ≪ a.
  let u = (x - a) / a
  let logTerm = abs(u) < 0.25 ? a * log1pMinusX(u) : a * log(x / a) - (x - a)
  return (a / (2 * Double.pi)).squareRoot() * exp(logTerm - stirlingRemainder(a))
}

/// Σₙ xⁿ / (a(a+1)…(a+n)), so that P(a, x) = prefix · series.
private func lowerGammaSeries(_ a: Double, _ x: Double) -> Double {
  var denominator = a
  var term = 1 / a
  var sum = term
  for _ in 0..<100_000 {
    denominator += 1
    term *= x / denominator
    sum += term
    if abs(term) < abs(sum) * Double.ulpOfOne { break }
  }
  return sum
}

/// The continued fraction 1/(x+1−a− 1·(1−a)/(x+3−a− …)), so that Q(a, x) = prefix · fraction.
private func upperGammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
  let tiny = Double.leastNormalMagnitude / Double.ulpOfOne
  var b = x + 1 - a
  var c = 1 / tiny
  var d = 1 / b
  var h = d
  for i in 1..<100_000 {
    let an = -Double(i) * (Double(i) - a)
    b += 2
    d = an * d + b
    if abs(d) < tiny { d = tiny }
    c = b + an / c
    if abs(c) < tiny { c = tiny }
    d = 1 / d
    let delta = d * c
    h *= delta
    if abs(delta - 1) < Double.ulpOfOne { break }
  }
  return h
}
