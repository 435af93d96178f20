// Logarithms of the gamma and beta functions, written so that the large-argument cases used by
// the t, F and χ² distributions (degrees of freedom up to 10⁶ and beyond) keep full relative
// precision in the quantities that are later exponentiated.
//
// Sources:
// - Stirling series for the remainder μ(a) = lnΓ(a) − (a − ½)ln a + a − ½ln 2π:
//   Abramowitz & Stegun 6.1.41; DLMF 5.11.1.
// - Splitting ln B(a, b) into a Stirling part and log1p terms to avoid cancelling
//   lnΓ values of order 10⁷: DiDonato & Morris (1992), ACM TOMS 18(3), algorithm 708 (betaln).
// - glibc's lgamma is accurate to a few ulps over the whole real line, so it serves
//   directly for small and moderate arguments.

import Foundation

/// ln Γ(x) for x > 0, from the C library (accurate to a few ulps).
@inlinable
public func logGamma(_ x: Double) -> Double {
  lgamma(x)
}

/// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0.
///
/// When an argument is large the three log-gammas are of order 10⁷ and cancel; the large parts
/// are then combined analytically (Stirling remainder + log1p), keeping the absolute error of
/// the result near machine epsilon times its own size.
public func logBeta(_ a: Double, _ b: Double) -> Double {
  let small = min(a, b)
  let large = max(a, b)
  if large < 10 {
    return lgamma(a) + lgamma(b) - lgamma(a + b)
  }
  if small < 10 {
    // ln Γ(large) − ln Γ(large + small), expanded with the Stirling remainder.
    let difference =
      -(large - 0.5) * log1p(small / large) - small * log(large + small) + small
      + stirlingRemainder(large) - stirlingRemainder(large + small)
    return lgamma(small) + difference
  }
  let sum = a + b
  return 0.5 * log(2 * Double.pi) - 0.5 * log(sum)
    + (a - 0.5) * log(a / sum) + (b - 0.5) * log(b / sum)
    + stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(sum)
}

/// The remainder of Stirling's formula, μ(a) = ln Γ(a) − (a − ½) ln a + a − ½ ln 2π, for a > 0.
///
/// For a ≥ 10 the asymptotic series (seven terms, truncation error below 10⁻¹⁶ relative) is
/// used; below that the defining difference loses at most a few ulps of numbers of order 10.
@usableFromInline
func stirlingRemainder(_ a: Double) -> Double {
  if a < 10 {
    return lgamma(a) - (a - 0.5) * log(a) + a - 0.5 * log(2 * Double.pi)
  }
  let r = 1 / a
  let r2 = r * r
  // Bernoulli-number coefficients B₂ₖ / (2k(2k−1)), k = 1…7.
  let series =
    1.0 / 12 + r2
    * (-1.0 / 360 + r2
      * (1.0 / 1260 + r2
        * (-1.0 / 1680
          + r2 * (1.0 / 1188 + r2 * (-691.0 / 360_360 + r2 * (1.0 / 156))))))
  return series * r
}

/// log1p(x) − x, accurate also when |x| is small (where the difference cancels).
///
/// Used for x^a·e^(−x)-style prefactors written as exp(a·(log1p(u) − u)), which keep full
/// precision when a is huge and u = O(a^(−½)).
@usableFromInline
func log1pMinusX(_ x: Double) -> Double {
  guard abs(x) < 0.25 else { return log1p(x) - x }
  // −x²/2 + x³/3 − x⁴/4 + …; |x| < 0.25 needs at most 27 terms for 1e-17 relative.
  var power = x * x
  var sum = 0.0
  var k = 2.0
  var sign = -1.0
  while true {
    let term = sign * power / k
    sum += term
    if abs(term) <= abs(sum) * 1e-17 { break }
    power *= x
    k += 1
    sign = -sign
  }
  return sum
}
