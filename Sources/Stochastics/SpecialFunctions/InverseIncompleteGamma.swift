// The inverse of the regularised incomplete gamma function: x such that P(a, x) = p.
//
// Sources:
// - First guesses: Wilson & Hilferty (1931) cube-root normal approximation,
//   x ≈ a(1 − 1/(9a) + z/(3√a))³ with z = Φ⁻¹(p); and the small-x tail P ≈ x^a/Γ(a + 1)
//   (Numerical Recipes (3rd ed.) §6.2.1, invgammp).
// - Refinement: safeguarded Newton in log scale (MonotoneRootFinder.swift), on P when p < ½ and
//   on Q otherwise, so both tails keep relative precision.

import Foundation

/// The x ≥ 0 with P(a, x) = p, for a > 0 and p in [0, 1].
public func inverseRegularizedGammaP(_ p: Double, a: Double) -> Double {
  inverseRegularizedGamma(p: p, q: 1 - p, a: a)
}

/// The x ≥ 0 with Q(a, x) = q, for a > 0 and q in [0, 1]; precise for q near 0.
public func inverseRegularizedGammaQ(_ q: Double, a: Double) -> Double {
  inverseRegularizedGamma(p: 1 - q, q: q, a: a)
}

/// The root of P(a, x) = p given both p and q = 1 − p; the smaller of the two is used.
func inverseRegularizedGamma(p: Double, q: Double, a: Double) -> Double {
  precondition(a > 0, "inverse incomplete gamma needs a > 0")
  if p.isNaN || q.isNaN { return .nan }
  if p <= 0 { return 0 }
  if q <= 0 { return .infinity }
  let start = initialGuess(a: a, p: p, q: q)
  if p <= q {
    let logTarget = log(p)
    return solveIncreasingInLogScale(start: start, lower: 0, upper: .infinity) { x in
      let lower = regularizedGammaPair(a, x).lower
      return (log(lower) - logTarget, gammaPrefix(a, x) / lower)
    }
  }
  let logTarget = log(q)
  return solveIncreasingInLogScale(start: start, lower: 0, upper: .infinity) { x in
    let upper = regularizedGammaPair(a, x).upper
    // Q decreases, so the increasing residual is ln q − ln Q.
    return (logTarget - log(upper), gammaPrefix(a, x) / upper)
  }
}

private func initialGuess(a: Double, p: Double, q: Double) -> Double {
  let z = p <= q ? standardNormalQuantile(p) : -standardNormalQuantile(q)
  let c = 1 / (9 * a)
  let cube = 1 - c + z * c.squareRoot()
  if cube > 0 && a > 0.5 {
    return a * cube * cube * cube
  }
  if p <= q {
    return exp((log(p) + lgamma(a + 1)) / a)
  }
  return max(a, -log(q) + (a - 1) * log(max(a, 1)))
}
