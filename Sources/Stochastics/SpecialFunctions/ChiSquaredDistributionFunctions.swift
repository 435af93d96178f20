// The χ² distribution: CDF, survival function and quantile.
//
// Sources: Abramowitz & Stegun 26.4.19 — P(χ²_k ≤ x) = P(k/2, x/2), the regularised incomplete
// gamma function (IncompleteGamma.swift); the quantile inverts it (InverseIncompleteGamma.swift).

import Foundation

/// P(X ≤ x) for X ~ χ² with `df` degrees of freedom.
public func chiSquaredCDF(_ x: Double, df: Double) -> Double {
  precondition(df > 0, "chi-squared needs df > 0")
  return regularizedGammaPair(df / 2, x / 2).lower
}

/// P(X > x): the p-value of a χ² statistic, accurate in relative terms far into the upper tail.
public func chiSquaredSurvival(_ x: Double, df: Double) -> Double {
  precondition(df > 0, "chi-squared needs df > 0")
  return regularizedGammaPair(df / 2, x / 2).upper
}

/// The x with P(X ≤ x) = p, for p in [0, 1].
public func chiSquaredQuantile(_ p: Double, df: Double) -> Double {
  precondition(df > 0, "chi-squared needs df > 0")
  return 2 * inverseRegularizedGamma(p: p, q: 1 - p, a: df / 2)
}

/// The x with P(X > x) = q: the critical value of a χ² test at level q.
public func chiSquaredInverseSurvival(_ q: Double, df: Double) -> Double {
  precondition(df > 0, "chi-squared needs df > 0")
  return 2 * inverseRegularizedGamma(p: 1 - q, q: q, a: df / 2)
}
