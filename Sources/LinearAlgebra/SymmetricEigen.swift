// Eigendecomposition A = V·Λ·Vᵀ of a real symmetric matrix (LAPACK dsyevr, relatively robust
// representations). dsyevr is LAPACK's recommended symmetric driver: O(n²) for the vectors after
// tridiagonalisation and accurate to the level of the backward error (LAPACK Users' Guide,
// 3rd ed., §2.4.4; Dhillon & Parlett 2004). ABSTOL is the safe minimum, which the dsyevr
// documentation recommends when eigenvalues must be computed to high relative accuracy.

import CLAPACK

/// A = V·diag(values)·Vᵀ with V orthogonal; the eigenvalues ascend.
///
/// Only the lower triangle of A is read (LAPACK's convention); the caller is responsible for
/// symmetry.
public struct SymmetricEigendecomposition: Sendable {
  /// Eigenvalues in ascending order.
  public let values: [Double]
  /// Orthonormal eigenvectors: column j belongs to `values[j]`.
  public let vectors: Matrix

  /// Decomposes the symmetric matrix `a`.
  ///
  /// - Throws: `.notSquare`, `.nonFinite` for NaN or infinity, `.noConvergence` if dsyevr
  ///   fails, `.dimensionTooLarge` beyond 32-bit LAPACK sizes.
  public init(_ a: Matrix) throws(LinearAlgebraError) {
    let routine = "dsyevr"
    let operation = "symmetric eigendecomposition (dsyevr)"
    guard a.rows == a.columns else {
      throw .notSquare(operation: operation, shape: a.shape)
    }
    try requireFinite(a.elements, operation: operation)
    let n = a.rows
    var vectors = Matrix(rows: n, columns: n)
    var values = [Double](repeating: 0, count: Swift.max(1, n))
    if n > 0 {
      var work = a
      var order = try fortranInt(n, routine: routine)
      var lda = try leadingDimension(n, routine: routine)
      var ldz = lda
      var unusedBound = 0.0
      var unusedIndex: Int32 = 0
      var absoluteTolerance = dlamch_("S", 1)
      var found: Int32 = 0
      var support = [Int32](repeating: 0, count: 2 * n)
      let info = try callWithWorkspace(routine) { workspace, lwork, liwork in
        var lwork = lwork
        var liwork = liwork
        var info: Int32 = 0
        dsyevr_(
          "V", "A", "L", &order, &work.elements, &lda, &unusedBound, &unusedBound, &unusedIndex,
          &unusedIndex, &absoluteTolerance, &found, &values, &vectors.elements, &ldz, &support,
          &workspace.real, &lwork, &workspace.integer, &liwork, &info, 1, 1, 1)
        return info
      }
      if info > 0 {
        throw .noConvergence(routine: routine, info: Int(info))
      }
      precondition(found == order, "dsyevr: \(found) of \(n) eigenvalues found for RANGE = 'A'")
    }
    self.values = Array(values.prefix(n))
    self.vectors = vectors
  }
}
