// The inverse of the regularised incomplete beta function: x such that I_x(a, b) = p.
//
// Sources:
// - First guesses: Numerical Recipes (3rd ed.) §6.14.1 (invbetai), after Abramowitz & Stegun
//   26.5.22 (normal approximation for a, b ≥ 1) and the power-law tails I_x ≈ x^a/(a·B(a, b)).
// - Refinement: safeguarded Newton in log scale (MonotoneRootFinder.swift).
// The root is sought on the side of ½ where it lies, in whichever of x and y = 1 − x is smaller,
// so quantiles near either end keep relative precision (a t quantile at 10⁶ degrees of freedom
// needs 1 − x to full precision).

import Foundation

/// The x in [0, 1] with I_x(a, b) = p, for a, b > 0 and p in [0, 1].
public func inverseRegularizedIncompleteBeta(_ p: Double, a: Double, b: Double) -> Double {
  inverseRegularizedIncompleteBetaPair(p: p, q: 1 - p, a: a, b: b).x
}

/// The root x of I_x(a, b) = p together with y = 1 − x, given p and q = 1 − p (pass whichever
/// tail probability the caller knows exactly; the other may be rounded).
///
/// The unknown is whichever of x and y lies below ½ (decided by the sign of I_½(a, b) − p), and
/// the equation is written on whichever of p and q is smaller, so neither the root nor the
/// target ever passes through a rounded 1 − small.
func inverseRegularizedIncompleteBetaPair(
  p: Double, q: Double, a: Double, b: Double
)
  -> (x: Double, y: Double)
{
  precondition(a > 0 && b > 0, "inverse incomplete beta needs a > 0 and b > 0")
  if p.isNaN || q.isNaN { return (.nan, .nan) }
  if p <= 0 { return (0, 1) }
  if q <= 0 { return (1, 0) }
  return inverseRegularizedIncompleteBetaPair(
    p: p, q: q, a: a, b: b, atHalf: regularizedIncompleteBetaPair(x: 0.5, y: 0.5, a: a, b: b), approximateRoot: nil)
}

/// The same root for p and q in (0, 1), given I_½(a, b) (`atHalf`, as `regularizedIncompleteBetaPair`
/// returns it) and optionally an approximate root to start Newton's method from instead of the
/// Numerical Recipes guess (a start outside (0, 1) is ignored).
func inverseRegularizedIncompleteBetaPair(
  p: Double, q: Double, a: Double, b: Double, atHalf: (lower: Double, upper: Double), approximateRoot: Double?
) -> (x: Double, y: Double) {
  let rootBelowHalf = p <= q ? p <= atHalf.lower : q >= atHalf.upper
  if rootBelowHalf {
    let x = solveBelowHalf(a: a, b: b, p: p, q: q, start: approximateRoot)
    return (x, 1 - x)
  }
  // I_y(b, a) = q: the same problem with the roles of (a, p) and (b, q) exchanged.
  let y = solveBelowHalf(a: b, b: a, p: q, q: p, start: approximateRoot.map { 1 - $0 })
  return (1 - y, y)
}

/// The z in (0, ½] with I_z(a, b) = p (equivalently 1 − I_z(a, b) = q), given that the root
/// lies there. The residual uses the smaller of p and q. Newton starts from `start` when it lies
/// in (0, ½), otherwise from the Numerical Recipes guess.
private func solveBelowHalf(a: Double, b: Double, p: Double, q: Double, start: Double?) -> Double {
  let onLowerTail = p <= q
  let logTarget = log(onLowerTail ? p : q)
  let first = start.flatMap { $0 > 0 && $0 < 0.5 ? $0 : nil } ?? initialGuess(a: a, b: b, p: p, q: q)
  return solveIncreasingInLogScale(start: first, lower: 0, upper: 0.5) { z in
    let tails = regularizedIncompleteBetaPair(x: z, y: 1 - z, a: a, b: b)
    // |d ln F / d ln z| = z·I′(z)/F = z^a (1−z)^(b−1) / (B(a, b)·F) for F = I or 1 − I.
    let density = betaPowerTerms(a: a, b: b, x: z, y: 1 - z) / (1 - z)
    if onLowerTail {
      return (log(tails.lower) - logTarget, density / tails.lower)
    }
    // 1 − I decreases in z, so the increasing residual is ln q − ln(1 − I).
    return (logTarget - log(tails.upper), density / tails.upper)
  }
}

/// Numerical Recipes' starting value for the inverse incomplete beta function.
private func initialGuess(a: Double, b: Double, p: Double, q: Double) -> Double {
  if a >= 1 && b >= 1 {
    let z = p <= q ? standardNormalQuantile(p) : -standardNormalQuantile(q)
    let lambda = (z * z - 3) / 6
    let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
    let w =
      z * (h + lambda).squareRoot() / h
      - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5.0 / 6 - 2 / (3 * h))
    let guess = a / (a + b * exp(2 * w))
    return guess.isFinite && guess > 0 ? min(guess, 0.5) : 0.25
  }
  let logA = log(a / (a + b))
  let logB = log(b / (a + b))
  let t = exp(a * logA) / a
  let u = exp(b * logB) / b
  let w = t + u
  let guess = p < t / w ? exp((log(a * w) + log(p)) / a) : 1 - exp((log(b * w) + log(q)) / b)
  return guess.isFinite && guess > 0 ? min(guess, 0.5) : 0.25
}
