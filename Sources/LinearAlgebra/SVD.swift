// Thin singular value decomposition A = U·Σ·Vᵀ (LAPACK dgesdd, divide and conquer), for the
// condition number and rank diagnostics. dgesdd is the fastest LAPACK SVD driver when vectors
// are wanted (LAPACK Users' Guide, 3rd ed., §2.4.4 and §3.4.4).

import CLAPACK

/// A = U·Σ·Vᵀ for an m×n matrix with k = min(m, n): U is m×k and Vᵀ is k×n, both with
/// orthonormal rows/columns, and Σ = diag(singularValues).
public struct SingularValueDecomposition: Sendable {
  /// Left singular vectors, m×k.
  public let u: Matrix
  /// σ₁ ≥ σ₂ ≥ … ≥ σ_k ≥ 0.
  public let singularValues: [Double]
  /// Right singular vectors, transposed: k×n.
  public let vt: Matrix

  /// Decomposes `a`.
  ///
  /// - Throws: `.nonFinite` for NaN or infinity, `.noConvergence` if the bidiagonal SVD fails,
  ///   `.dimensionTooLarge` beyond 32-bit LAPACK sizes.
  public init(_ a: Matrix) throws(LinearAlgebraError) {
    let routine = "dgesdd"
    try requireFinite(a.elements, operation: "singular value decomposition (dgesdd)")
    let (m, n) = (a.rows, a.columns)
    let k = Swift.min(m, n)
    var u = Matrix(rows: m, columns: k)
    var vt = Matrix(rows: k, columns: n)
    var values = [Double](repeating: 0, count: Swift.max(1, k))
    if k > 0 {
      var work = a
      var fm = try fortranInt(m, routine: routine)
      var fn = try fortranInt(n, routine: routine)
      var lda = try leadingDimension(m, routine: routine)
      var ldu = lda
      var ldvt = try leadingDimension(k, routine: routine)
      let info = try callWithWorkspace(routine, minimumIntegerCount: 8 * k) {
        workspace, lwork, _ in
        var lwork = lwork
        var info: Int32 = 0
        dgesdd_(
          "S", &fm, &fn, &work.elements, &lda, &values, &u.elements, &ldu, &vt.elements, &ldvt,
          &workspace.real, &lwork, &workspace.integer, &info, 1)
        return info
      }
      if info > 0 {
        throw .noConvergence(routine: routine, info: Int(info))
      }
    }
    self.u = u
    self.singularValues = Array(values.prefix(k))
    self.vt = vt
  }

  /// The 2-norm condition number σ₁/σ_k: +∞ for a singular matrix, 1 for an empty one.
  public var conditionNumber: Double {
    guard let largest = singularValues.first, let smallest = singularValues.last else { return 1 }
    return smallest > 0 ? largest / smallest : .infinity
  }
}
