// Root finding for the inverses of distribution functions.
//
// The tail of a distribution function is close to a power law, F(z) ≈ c·z^a, so log F is
// nearly linear in log z. Newton's method on g = log F(z) − log p in the variable log z therefore
// converges in a handful of steps from the body down to p = 10⁻³⁰⁰, where Newton on F itself
// crawls. Steps are applied multiplicatively (z ← z·e^(−g/g′)) so z keeps full relative precision,
// and a bracket guards every step: a step that leaves it is replaced by a geometric bisection.

import Foundation

/// Solves g(z) = 0 for z in (lower, upper), where g increases with z.
///
/// - Parameters:
///   - start: a first guess inside the bracket.
///   - lower, upper: the bracket; `lower` may be 0 and `upper` may be +∞.
///   - residual: returns g(z) and its derivative with respect to ln z (which must be positive
///     where finite). g may be −∞ where F underflows; the bracket then moves up.
/// - Returns: the root to about four ulps of relative precision, or the bracket end it reached.
func solveIncreasingInLogScale(
  start: Double, lower: Double, upper: Double,
  residual: (Double) -> (value: Double, logSlope: Double)
) -> Double {
  var lower = lower
  var upper = upper
  var z = start
  if !(z > lower && z < upper) { z = nextTrial(lower: lower, upper: upper) }
  for _ in 0..<400 {
    let (g, slope) = residual(z)
    if g == 0 { return z }
    if g < 0 { lower = z } else if g > 0 { upper = z } else { return z }  // NaN: give up here
    let step = g / slope
    if step.isFinite {
      let next = z * exp(-step)
      if next > lower && next < upper {
        if abs(step) <= 4 * Double.ulpOfOne { return next }
        z = next
        continue
      }
    }
    let next = nextTrial(lower: lower, upper: upper)
    if next == z || next <= lower || next >= upper { return z }
    z = next
  }
  return z
}

/// A point inside (lower, upper): geometric when the bracket spans orders of magnitude.
private func nextTrial(lower: Double, upper: Double) -> Double {
  if lower <= 0 && upper.isInfinite { return 1 }
  if lower <= 0 { return upper * 0x1p-32 }
  if upper.isInfinite { return lower * 0x1p32 }
  if upper > 4 * lower { return (lower.squareRoot() * upper.squareRoot()) }
  return lower + (upper - lower) / 2
}
