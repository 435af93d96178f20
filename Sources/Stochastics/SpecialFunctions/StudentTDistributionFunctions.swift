// Student's t distribution: CDF, survival function and quantile, for any df > 0 (df = +∞ is
// the normal distribution).
//
// Sources: Abramowitz & Stegun 26.7.1 — for t with ν degrees of freedom,
// P(|T| > |t|) = I_x(ν/2, ½) with x = ν/(ν + t²). Both x and 1 − x = t²/(ν + t²) are formed
// directly, so neither large t nor small t relative to √ν loses precision; the quantile inverts
// the same relation with InverseIncompleteBeta.swift, which returns 1 − x exactly as well.

import Foundation

/// P(T ≤ t) for Student's t with `df` degrees of freedom.
public func studentTCDF(_ t: Double, df: Double) -> Double {
  t > 0 ? 1 - studentTLowerTail(-t, df: df) : studentTLowerTail(t, df: df)
}

/// P(T > t) for Student's t with `df` degrees of freedom: the one-sided p-value of a t statistic.
/// Double it at −|t| — `2 * studentTSurvival(abs(t), df: df)` — for a two-sided p-value; the
/// result is accurate in relative terms far into the tail (p down to 10⁻³⁰⁰).
public func studentTSurvival(_ t: Double, df: Double) -> Double {
  studentTCDF(-t, df: df)
}

/// The t with P(T ≤ t) = p, for p in [0, 1] (±∞ at the ends).
public func studentTQuantile(_ p: Double, df: Double) -> Double {
  p > 0.5 ? -studentTLowerQuantile(1 - p, df: df) : studentTLowerQuantile(p, df: df)
}

/// The t with P(T > t) = q: the critical value for a one-sided test at level q. Precise for q
/// far below the spacing of doubles near 1, which `studentTQuantile(1 - q, …)` cannot be.
public func studentTInverseSurvival(_ q: Double, df: Double) -> Double {
  -studentTQuantile(q, df: df)
}

/// P(T ≤ t) for t ≤ 0, computed directly (never as 1 − something).
private func studentTLowerTail(_ t: Double, df: Double) -> Double {
  precondition(df > 0, "Student t needs df > 0")
  if t.isNaN || df.isNaN { return .nan }
  if df.isInfinite { return normalCDF(t) }
  if t.isInfinite { return 0 }
  let tt = t * t
  let x = df / (df + tt)
  let y = tt / (df + tt)
  return 0.5 * regularizedIncompleteBetaPair(x: x, y: y, a: df / 2, b: 0.5).lower
}

/// The t ≤ 0 with P(T ≤ t) = p, for p in [0, ½].
private func studentTLowerQuantile(_ p: Double, df: Double) -> Double {
  precondition(df > 0, "Student t needs df > 0")
  if p.isNaN || df.isNaN { return .nan }
  if p <= 0 { return -.infinity }
  if p == 0.5 { return 0 }
  if df.isInfinite { return standardNormalQuantile(p) }
  // Two-sided probability 2p; 1 − 2p is exact for p in [¼, ½] (Sterbenz) and harmless below.
  let root = inverseRegularizedIncompleteBetaPair(p: 2 * p, q: 1 - 2 * p, a: df / 2, b: 0.5)
  if root.x > 1e-200 {
    return -(df * root.y / root.x).squareRoot()
  }
  // x = ν/(ν + t²) has underflowed (small ν, p near 10⁻³⁰⁰). There I_x(ν/2, ½) = 2p reduces to
  // its leading term x^(ν/2)/((ν/2)·B(ν/2, ½)) with relative error O(x), so
  // ln|t| = (ln ν)/2 − (ln 2p + ln(ν/2) + ln B(ν/2, ½))/ν.
  let half = df / 2
  return -exp(0.5 * log(df) - (log(2 * p) + log(half) + logBeta(half, 0.5)) / df)
}
