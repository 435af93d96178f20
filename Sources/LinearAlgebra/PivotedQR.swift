// QR factorisation with column pivoting, A·P = Q·R (LAPACK dgeqp3), with rank detection; the
// route regression takes to coefficients and their covariance.
//
// Goals, in order:
//  1. Accuracy without the normal equations. Householder QR is backward stable, so the computed
//     coefficients are exact for a matrix within about max(m, n)·ε·‖A‖ of A (Golub & Van Loan,
//     *Matrix Computations*, 4th ed., §5.2.2 and §5.3.5), and (XᵀX)⁻¹ is formed as R⁻¹R⁻ᵀ
//     from the triangular factor instead of inverting XᵀX.
//  2. An honest rank. Column pivoting (Businger & Golub 1965; dgeqp3 in the LAPACK Users'
//     Guide, 3rd ed., §2.4.2.2) moves the column with the largest remaining norm forward, so
//     |R_11| ≥ |R_22| ≥ … and a trailing |R_kk| that is small relative to |R_11| signals
//     dependence. Column k of A·P counts when |R_kk| > τ·|R_11|; the remaining columns are
//     aliased and their coefficients are exactly 0 (the "basic" solution), as R's `lm` and
//     SAS do, so a regression can name the dropped terms.
//  3. A rank decision that does not depend on units and keeps identifiable problems full rank.
//     The columns are first scaled to unit 2-norm (`ColumnEquilibration`), and the default τ is
//     max(m, n)·ε. Exactly dependent columns (duplicates, dummies summing to the intercept)
//     leave |R_kk|/|R_11| near ε and are dropped; NIST Filip (degree-10 raw polynomial, cond(X)
//     ≈ 1.8e15) keeps a smallest ratio of about 1e-9 and is fitted with all 11 parameters.
//     R's `lm` (tolerance 1e-7 on its own pivoting) and NumPy's default `lstsq` (rcond on the
//     raw singular values) both drop a Filip term. Near-collinearity short of rounding level is
//     not a rank question; it is for diagnostics (condition number, VIF) to report.
//  4. Speed: dgeqp3 uses level-3 BLAS for most of the work (Quintana-Ortí, Sun & Bischof 1998).
//
// Wrapper conventions (overflow check, workspace query, info < 0 is a defect) follow
// lapackpp's src/geqp3.cc.

import CLAPACK

/// A·P = Q·R for an m×n matrix A, with the numerical rank and the columns it keeps.
///
/// Internally the factorisation is of the column-equilibrated A·D⁻¹ (see the file header);
/// everything exposed here is expressed for A itself.
public struct PivotedQR: Sendable {
  /// Rows and columns of A.
  public let rows: Int
  public let columns: Int
  /// The number of columns judged linearly independent.
  public let rank: Int
  /// 0-based: column k of A·P is column `permutation[k]` of A.
  public let permutation: [Int]
  /// The relative tolerance τ used: column k of A·P was kept when |R_kk| > τ·|R_11| for the
  /// column-equilibrated A.
  public let rankTolerance: Double

  /// dgeqp3's output for A·D⁻¹: R on and above the diagonal, Householder vectors below.
  private let factor: [Double]
  private let reflectorScalars: [Double]
  private let equilibration: ColumnEquilibration

  /// Factors `a`.
  ///
  /// - Parameter rankTolerance: τ in |R_kk| > τ·|R_11| (after scaling columns to unit norm);
  ///   nil means max(m, n)·ε. Must be finite and in [0, 1).
  /// - Throws: `.nonFinite` for NaN or infinity in `a`, `.dimensionTooLarge` beyond 32-bit
  ///   LAPACK sizes.
  public init(_ a: Matrix, rankTolerance: Double? = nil) throws(LinearAlgebraError) {
    let routine = "dgeqp3"
    try requireFinite(a.elements, operation: "pivoted QR (dgeqp3)")
    let tolerance =
      rankTolerance ?? ColumnEquilibration.defaultRankTolerance(rows: a.rows, columns: a.columns)
    precondition(
      tolerance.isFinite && tolerance >= 0 && tolerance < 1,
      "pivoted QR: rankTolerance must be in [0, 1)")
    let (m, n) = (a.rows, a.columns)
    let equilibration = ColumnEquilibration(a)
    var factor = equilibration.scaled(a).elements
    var pivots = [Int32](repeating: 0, count: Swift.max(1, n))  // 0: every column free to move
    var tau = [Double](repeating: 0, count: Swift.max(1, Swift.min(m, n)))

    if Swift.min(m, n) > 0 {
      var fm = try fortranInt(m, routine: routine)
      var fn = try fortranInt(n, routine: routine)
      var lda = try leadingDimension(m, routine: routine)
      _ = try callWithWorkspace(routine) { workspace, lwork, _ in
        var lwork = lwork
        var info: Int32 = 0
        dgeqp3_(&fm, &fn, &factor, &lda, &pivots, &tau, &workspace.real, &lwork, &info)
        return info
      }
      self.permutation = pivots.prefix(n).map { Int($0) - 1 }
    } else {
      self.permutation = Array(0..<n)
    }

    var rank = 0
    if Swift.min(m, n) > 0 {
      let leading = factor[0].magnitude
      while rank < Swift.min(m, n) && factor[rank + rank * m].magnitude > tolerance * leading {
        rank += 1
      }
    }
    self.rows = m
    self.columns = n
    self.rank = rank
    self.rankTolerance = tolerance
    self.factor = factor
    self.reflectorScalars = tau
    self.equilibration = equilibration
  }

  /// Original indices of the columns kept, in increasing order.
  public var independentColumns: [Int] { permutation.prefix(rank).sorted() }

  /// Original indices of the columns dropped as linearly dependent, in increasing order.
  public var aliasedColumns: [Int] { permutation.dropFirst(rank).sorted() }

  /// The upper-triangular min(m, n)×n factor R of A·P = Q·R.
  public var r: Matrix {
    let k = Swift.min(rows, columns)
    var result = Matrix(rows: k, columns: columns)
    guard k > 0 else { return result }
    for j in 0..<columns {
      let scale = equilibration.scales[permutation[j]]
      for i in 0...Swift.min(j, k - 1) {
        result[i, j] = factor[i + j * rows] * scale
      }
    }
    return result
  }

  /// The m×min(m, n) factor Q of A·P = Q·R, with orthonormal columns (dorgqr).
  public var q: Matrix {
    let routine = "dorgqr"
    let k = Swift.min(rows, columns)
    var result = Matrix(rows: rows, columns: k, elements: Array(factor.prefix(rows * k)))
    guard k > 0 else { return result }
    do {
      var fm = try fortranInt(rows, routine: routine)
      var fk = try fortranInt(k, routine: routine)
      var lda = try leadingDimension(rows, routine: routine)
      _ = try callWithWorkspace(routine) { workspace, lwork, _ in
        var lwork = lwork
        var info: Int32 = 0
        dorgqr_(
          &fm, &fk, &fk, &result.elements, &lda, reflectorScalars, &workspace.real, &lwork, &info)
        return info
      }
    } catch {
      // The sizes passed the same checks in init; the workspace, n × block size, is smaller than A.
      preconditionFailure(error.description)
    }
    return result
  }

  /// Qᵀ·b, the right-hand side rotated into the basis of Q (length m). Its first `rank`
  /// entries determine the fit; the sum of squares of entries rank..<m is the residual sum of
  /// squares of the basic solution.
  public func qTransposeTimes(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
    try applyQTranspose(to: b, reflectors: Swift.min(rows, columns), operation: "pivoted QR Qᵀb")
  }

  /// The basic least-squares solution of A·x ≈ b: coefficients of aliased columns are exactly
  /// 0, the others solve R₁₁·y = (Qᵀb)₁..rank by back substitution (dtrtrs).
  public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
    let operation = "pivoted QR solve"
    var solution = [Double](repeating: 0, count: columns)
    // Reflectors beyond `rank` touch only entries rank..<m of Qᵀb, which the solution ignores.
    var rotated = try applyQTranspose(to: b, reflectors: rank, operation: operation)
    guard rank > 0 else { return solution }
    let routine = "dtrtrs"
    var order = try fortranInt(rank, routine: routine)
    var lda = try leadingDimension(rows, routine: routine)
    var ldb = try leadingDimension(rows, routine: routine)
    var oneColumn: Int32 = 1
    var info: Int32 = 0
    dtrtrs_("U", "N", "N", &order, &oneColumn, factor, &lda, &rotated, &ldb, &info, 1, 1, 1)
    requireLegalArguments(info, routine: routine)
    if info > 0 {
      throw .singular(routine: routine, order: rank, pivot: Int(info))
    }
    for k in 0..<rank {
      let column = permutation[k]
      solution[column] = rotated[k] / equilibration.scales[column]
    }
    return solution
  }

  /// (X_kᵀX_k)⁻¹ for X_k, the independent columns of A in the order of `independentColumns`
  /// (a rank×rank symmetric matrix). Multiplied by s² it is the classical covariance of the
  /// coefficients. Formed as R₁₁⁻¹R₁₁⁻ᵀ (dtrtri, then dgemm), never by inverting XᵀX.
  public func inverseCrossProduct() throws(LinearAlgebraError) -> Matrix {
    let routine = "dtrtri"
    let k = rank
    guard k > 0 else { return Matrix(rows: 0, columns: 0) }
    var inverseR = Matrix(rows: k, columns: k)
    for j in 0..<k {
      for i in 0...j {
        inverseR[i, j] = factor[i + j * rows]
      }
    }
    var order = try fortranInt(k, routine: routine)
    var lda = order
    var info: Int32 = 0
    dtrtri_("U", "N", &order, &inverseR.elements, &lda, &info, 1, 1)
    requireLegalArguments(info, routine: routine)
    if info > 0 {
      throw .singular(routine: routine, order: k, pivot: Int(info))
    }
    // (S·P)ᵀ(S·P) = R₁₁ᵀR₁₁ for the scaled columns S = X_k·D⁻¹ in pivot order.
    let pivotOrderInverse = try inverseR.multiplied(by: inverseR, transposingOther: true)
    let kept = independentColumns
    var positionInPivotOrder = [Int: Int]()
    for (position, column) in permutation.prefix(k).enumerated() {
      positionInPivotOrder[column] = position
    }
    let positions = kept.map { positionInPivotOrder[$0]! }
    var result = Matrix(rows: k, columns: k)
    for b in 0..<k {
      for a in 0..<k {
        result[a, b] =
          pivotOrderInverse[positions[a], positions[b]]
          / (equilibration.scales[kept[a]] * equilibration.scales[kept[b]])
      }
    }
    return result
  }

  /// Hᵣ⋯H₂H₁·b for the first `reflectors` Householder reflectors (dormqr).
  private func applyQTranspose(
    to b: [Double], reflectors: Int, operation: String
  ) throws(LinearAlgebraError) -> [Double] {
    guard b.count == rows else {
      throw .shapeMismatch(
        operation: operation, left: MatrixShape(rows: rows, columns: columns),
        right: MatrixShape(vectorLength: b.count))
    }
    try requireFinite(b, operation: operation)
    var result = b
    guard reflectors > 0 else { return result }
    let routine = "dormqr"
    var fm = try fortranInt(rows, routine: routine)
    var oneColumn: Int32 = 1
    var fk = try fortranInt(reflectors, routine: routine)
    var lda = try leadingDimension(rows, routine: routine)
    var ldc = lda
    // dormqr writes to A while it runs (and restores it), so it gets its own copy.
    var householder = Array(factor.prefix(rows * reflectors))
    _ = try callWithWorkspace(routine) { workspace, lwork, _ in
      var lwork = lwork
      var info: Int32 = 0
      dormqr_(
        "L", "T", &fm, &oneColumn, &fk, &householder, &lda, reflectorScalars, &result, &ldc,
        &workspace.real, &lwork, &info, 1, 1)
      return info
    }
    return result
  }
}
