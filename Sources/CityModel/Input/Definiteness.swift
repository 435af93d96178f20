import LinearAlgebra

/// True when the symmetric matrix (a list of rows) is positive definite: LAPACK's Cholesky
/// factorisation (dpotrf) succeeds exactly then.
func isPositiveDefinite(_ rows: [[Double]]) -> Bool {
  (try? Cholesky(Matrix(rowMajor: rows))) != nil
}

/// True when the symmetric matrix is positive semi-definite up to rounding: the matrix plus
/// 1e-12 times its largest diagonal entry on the diagonal is positive definite. The shift
/// admits singular covariances (collinear estimates) and rejects any eigenvalue below
/// −1e-12·max diag, far beyond the rounding of a printed covariance.
func isPositiveSemidefinite(_ rows: [[Double]]) -> Bool {
  let scale = rows.indices.map { rows[$0][$0] }.max() ?? 0
  guard scale >= 0 else { return false }
  let shift = Swift.max(scale, Double.leastNormalMagnitude) * 1e-12
  var shifted = rows
  for i in rows.indices { shifted[i][i] += shift }
  return isPositiveDefinite(shifted)
}
