// The standard beta distribution on [0, 1]: CDF, survival function and quantile, thin names
// over the regularised incomplete beta function and its inverse (IncompleteBeta.swift,
// InverseIncompleteBeta.swift). The PERT and scaled beta families sample through these.

import Foundation

/// P(X ≤ x) for X ~ Beta(alpha, beta) on [0, 1].
public func betaCDF(_ x: Double, alpha: Double, beta: Double) -> Double {
  regularizedIncompleteBetaPair(x: x, y: 1 - x, a: alpha, b: beta).lower
}

/// P(X > x) for X ~ Beta(alpha, beta), accurate in relative terms near x = 1.
public func betaSurvival(_ x: Double, alpha: Double, beta: Double) -> Double {
  regularizedIncompleteBetaPair(x: x, y: 1 - x, a: alpha, b: beta).upper
}

/// The x in [0, 1] with P(X ≤ x) = p for X ~ Beta(alpha, beta).
public func betaQuantile(_ p: Double, alpha: Double, beta: Double) -> Double {
  inverseRegularizedIncompleteBetaPair(p: p, q: 1 - p, a: alpha, b: beta).x
}
