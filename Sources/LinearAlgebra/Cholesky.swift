// Cholesky factorisation A = L·Lᵀ of a symmetric positive definite matrix (LAPACK dpotrf), with
// solves (dpotrs), the inverse (dpotri) and the log-determinant. Used to draw correlated normals
// and to test whether a covariance matrix is positive definite: dpotrf fails exactly when a
// leading minor is not positive, and that minor is reported.

import CLAPACK
import Foundation

/// A = L·Lᵀ with L lower triangular and a positive diagonal.
///
/// Only the lower triangle of A is read (LAPACK's convention); the caller is responsible for
/// symmetry.
public struct Cholesky: Sendable {
  /// The lower-triangular factor L (zeros above the diagonal).
  public let lower: Matrix

  /// Factors the symmetric positive definite matrix `a`.
  ///
  /// - Throws: `.notSquare` if `a` is not square, `.nonFinite` for NaN or infinity,
  ///   `.notPositiveDefinite` naming the first leading minor that is not positive,
  ///   `.dimensionTooLarge` beyond 32-bit LAPACK sizes.
  public init(_ a: Matrix) throws(LinearAlgebraError) {
    let routine = "dpotrf"
    let operation = "Cholesky factorisation (dpotrf)"
    guard a.rows == a.columns else {
      throw .notSquare(operation: operation, shape: a.shape)
    }
    try requireFinite(a.elements, operation: operation)
    var factor = a
    let n = a.rows
    if n > 0 {
      var order = try fortranInt(n, routine: routine)
      var lda = try leadingDimension(n, routine: routine)
      var info: Int32 = 0
      dpotrf_("L", &order, &factor.elements, &lda, &info, 1)
      requireLegalArguments(info, routine: routine)
      if info > 0 {
        throw .notPositiveDefinite(routine: routine, order: n, leadingMinor: Int(info))
      }
    }
    for j in 0..<n {
      for i in 0..<j {
        factor[i, j] = 0
      }
    }
    lower = factor
  }

  /// The order n of the factored n×n matrix.
  public var order: Int { lower.rows }

  /// x solving A·x = b, by forward and back substitution with L and Lᵀ (dpotrs).
  public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
    let routine = "dpotrs"
    let operation = "Cholesky solve (dpotrs)"
    guard b.count == order else {
      throw .shapeMismatch(
        operation: operation, left: lower.shape, right: MatrixShape(vectorLength: b.count))
    }
    try requireFinite(b, operation: operation)
    var solution = b
    guard order > 0 else { return solution }
    var n = try fortranInt(order, routine: routine)
    var lda = try leadingDimension(order, routine: routine)
    var oneColumn: Int32 = 1
    var info: Int32 = 0
    dpotrs_("L", &n, &oneColumn, lower.elements, &lda, &solution, &lda, &info, 1)
    requireLegalArguments(info, routine: routine)
    return solution
  }

  /// A⁻¹ = L⁻ᵀL⁻¹ (dpotri), returned as a full symmetric matrix.
  public func inverse() throws(LinearAlgebraError) -> Matrix {
    let routine = "dpotri"
    var inverse = lower
    guard order > 0 else { return inverse }
    var n = try fortranInt(order, routine: routine)
    var lda = try leadingDimension(order, routine: routine)
    var info: Int32 = 0
    dpotri_("L", &n, &inverse.elements, &lda, &info, 1)
    requireLegalArguments(info, routine: routine)
    if info > 0 {
      throw .singular(routine: routine, order: order, pivot: Int(info))
    }
    // dpotri fills the lower triangle; mirror it.
    for j in 0..<order {
      for i in 0..<j {
        inverse[i, j] = inverse[j, i]
      }
    }
    return inverse
  }

  /// log det A = 2·Σ log Lᵢᵢ, finite even when det A itself would overflow or underflow.
  public var logDeterminant: Double {
    2 * (0..<order).reduce(0) { $0 + log(lower[$1, $1]) }
  }
}
