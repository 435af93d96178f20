// The standard normal distribution function, its complement and its inverse.
//
// Sources:
// - Φ(x) = ½·erfc(−x/√2) with the C library's erfc, so the lower tail never forms 1 − small:
//   the relative error stays within about 2x²·ε (from rounding x/√2), 1.5·10⁻¹³ at x = −37.
// - Φ⁻¹: Acklam's rational approximation (2003; relative error 1.15·10⁻⁹), refined by one
//   Halley step on erfc, which brings it to full double precision. The coefficients are inline
//   constants: this function sits on the hot path of every normal and lognormal draw.

import Foundation

/// Φ(x), the standard normal distribution function.
@inlinable
public func normalCDF(_ x: Double) -> Double {
  0.5 * erfc(-x * 0.70710678118654752440)
}

/// 1 − Φ(x), the standard normal survival function, accurate in relative terms for large x.
@inlinable
public func normalSurvival(_ x: Double) -> Double {
  0.5 * erfc(x * 0.70710678118654752440)
}

/// The standard normal quantile Φ⁻¹(p) for p in (0, 1).
///
/// Above ½ it returns −Φ⁻¹(1 − p) (1 − p is exact there), so the refinement works on a small
/// tail probability and the upper tail is as precise as the lower one.
@inlinable
public func standardNormalQuantile(_ p: Double) -> Double {
  precondition(p > 0 && p < 1, "normal quantile needs p in (0, 1)")
  return p > 0.5 ? -lowerNormalQuantile(1 - p) : lowerNormalQuantile(p)
}

/// Φ⁻¹(p) for p in (0, ½].
@usableFromInline
func lowerNormalQuantile(_ p: Double) -> Double {
  var x: Double
  if p < 0.02425 {
    x = acklamTail((-2 * log(p)).squareRoot())
  } else {
    let q = p - 0.5
    let r = q * q
    x = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
      + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
      / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
        + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1)
  }
  // One Halley step: e = Φ(x) − p with Φ(x) = erfc(−x/√2)/2.
  let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
  let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
  x -= u / (1 + x * u / 2)
  return x
}

/// Acklam's lower-tail rational function in q = √(−2 ln p).
@inline(__always)
private func acklamTail(_ q: Double) -> Double {
  (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
    - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
    / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
      + 3.754408661907416e+00) * q + 1)
}
