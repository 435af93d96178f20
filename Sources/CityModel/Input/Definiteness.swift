/// True when the symmetric matrix (a list of rows) has a Cholesky factor: it is positive definite.
func isPositiveDefinite(_ rows: [[Double]]) -> Bool {
  let n = rows.count
  var factor = rows
  for j in 0..<n {
    var pivot = factor[j][j]
    for k in 0..<j { pivot -= factor[j][k] * factor[j][k] }
    guard pivot > 0 else { return false }
    let diagonal = pivot.squareRoot()
    factor[j][j] = diagonal
    for i in (j + 1)..<max(n, j + 1) {
      var value = factor[i][j]
      for k in 0..<j { value -= factor[i][k] * factor[j][k] }
      factor[i][j] = value / diagonal
    }
  }
  return true
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
