// The F distribution (Fisher–Snedecor): CDF, survival function and quantile.
//
// Sources: Abramowitz & Stegun 26.6.2 — P(F ≤ f) = I_x(d₁/2, d₂/2) with x = d₁f/(d₁f + d₂);
// the survival function is I_y(d₂/2, d₁/2) with y = d₂/(d₁f + d₂), both formed directly so the
// upper tail (regression F-test p-values) keeps relative precision.

import Foundation

/// P(F ≤ f) for the F distribution with `df1` (numerator) and `df2` (denominator) degrees of freedom.
public func fisherFCDF(_ f: Double, df1: Double, df2: Double) -> Double {
  fisherFTails(f, df1: df1, df2: df2).lower
}

/// P(F > f): the p-value of an F statistic, accurate in relative terms far into the upper tail.
public func fisherFSurvival(_ f: Double, df1: Double, df2: Double) -> Double {
  fisherFTails(f, df1: df1, df2: df2).upper
}

/// The f with P(F ≤ f) = p, for p in [0, 1].
public func fisherFQuantile(_ p: Double, df1: Double, df2: Double) -> Double {
  fisherFRoot(p: p, q: 1 - p, df1: df1, df2: df2)
}

/// The f with P(F > f) = q: the critical value of an F test at level q.
public func fisherFInverseSurvival(_ q: Double, df1: Double, df2: Double) -> Double {
  fisherFRoot(p: 1 - q, q: q, df1: df1, df2: df2)
}

private func fisherFTails(_ f: Double, df1: Double, df2: Double) -> (lower: Double, upper: Double) {
  precondition(df1 > 0 && df2 > 0, "F distribution needs df1 > 0 and df2 > 0")
  if f.isNaN { return (.nan, .nan) }
  if f <= 0 { return (0, 1) }
  if f.isInfinite { return (1, 0) }
  let scaled = df1 * f
  let x = scaled / (scaled + df2)
  let y = df2 / (scaled + df2)
  return regularizedIncompleteBetaPair(x: x, y: y, a: df1 / 2, b: df2 / 2)
}

private func fisherFRoot(p: Double, q: Double, df1: Double, df2: Double) -> Double {
  precondition(df1 > 0 && df2 > 0, "F distribution needs df1 > 0 and df2 > 0")
  let root = inverseRegularizedIncompleteBetaPair(p: p, q: q, a: df1 / 2, b: df2 / 2)
  if root.y <= 0 { return .infinity }
  return df2 * root.x / (df1 * root.y)
}
