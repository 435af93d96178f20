// Linear least squares min ‖A·x − b‖₂ by LAPACK dgelsd (SVD, divide and conquer).
//
// Goals, in order:
//  1. Never solve the normal equations: forming AᵀA squares the condition number, so an
//     ill-conditioned but identifiable problem (NIST Filip, cond ≈ 1.8e15) loses every digit.
//     dgelsd reduces A to bidiagonal form by orthogonal transformations, which are backward
//     stable (LAPACK Users' Guide, 3rd ed., §2.3.2 and §4.5).
//  2. Reveal the rank and return a well-defined answer when A is rank-deficient: singular values
//     σ_i ≤ rcond·σ_1 are treated as zero and the minimum-norm solution among all minimisers is
//     returned (Golub & Van Loan, *Matrix Computations*, 4th ed., §5.5).
//  3. Make the rank decision independent of the units of the columns, and keep ill-conditioned
//     polynomial designs full rank: columns are scaled to unit 2-norm before dgelsd (see
//     `ColumnEquilibration`), and the default rcond is max(m, n)·ε on the scaled matrix. With
//     this, Filip is rank 11 and its coefficients are correct to about 7.8 digits, where NumPy's
//     default `lstsq` (rcond = ε·max(m, n) on the raw matrix) declares rank 10 and gets none.
//     Consequence: for rank-deficient A the solution minimises ‖D·x‖, D = diag(‖a_j‖₂), and the
//     reported singular values are those of A·D⁻¹.
//  4. Speed: dgelsd is the fastest LAPACK SVD solver for large problems; for m ≫ n it first
//     compresses A by a QR factorisation.
//
// The shape of the wrapper (overflow check, workspace query, info < 0 is a defect, info > 0 a
// result) follows lapackpp's src/gelsd.cc.

import CLAPACK

/// The result of `leastSquares(_:_:rcond:)` for one right-hand side.
public struct LeastSquaresSolution: Equatable, Sendable {
  /// x minimising ‖A·x − b‖₂ (of minimum ‖D·x‖ when A is rank-deficient; see the file header).
  public var coefficients: [Double]
  /// The effective rank: the number of singular values of A·D⁻¹ above rcond·σ_1.
  public var rank: Int
  /// Singular values of the column-equilibrated A·D⁻¹, in decreasing order.
  public var singularValues: [Double]
  /// ‖b − A·x‖₂², available when A has full column rank and more rows than columns (LAPACK
  /// then leaves it as the tail of Qᵀb); nil otherwise, where it must be computed from b − A·x.
  public var residualSumOfSquares: Double?
}

/// Solves min ‖A·x − b‖₂ by the SVD (dgelsd) with rank detection.
///
/// - Parameter rcond: singular values of the column-equilibrated A at or below `rcond`·σ_1
///   count as zero; nil means max(m, n)·ε. Must be finite and non-negative.
/// - Throws: `.shapeMismatch` if `b.count != a.rows`, `.nonFinite` for NaN or infinity in A or
///   b, `.noConvergence` if the SVD fails, `.dimensionTooLarge` beyond 32-bit LAPACK sizes.
public func leastSquares(
  _ a: Matrix, _ b: [Double], rcond: Double? = nil
) throws(LinearAlgebraError) -> LeastSquaresSolution {
  let solved = try solveBySingularValueDecomposition(
    a, Matrix(rows: b.count, columns: 1, elements: b), rcond: rcond)
  return LeastSquaresSolution(
    coefficients: solved.solution.elements, rank: solved.rank,
    singularValues: solved.singularValues, residualSumOfSquares: solved.residualSumsOfSquares?[0])
}

/// Solves min ‖A·X − B‖_F column by column (dgelsd), one factorisation for all right-hand
/// sides. Parameters, errors and conventions are those of the vector form.
public func leastSquares(
  _ a: Matrix, _ b: Matrix, rcond: Double? = nil
) throws(LinearAlgebraError) -> (solution: Matrix, rank: Int, singularValues: [Double]) {
  let solved = try solveBySingularValueDecomposition(a, b, rcond: rcond)
  return (solved.solution, solved.rank, solved.singularValues)
}

private func solveBySingularValueDecomposition(
  _ a: Matrix, _ b: Matrix, rcond: Double?
) throws(LinearAlgebraError) -> (
  solution: Matrix, rank: Int, singularValues: [Double], residualSumsOfSquares: [Double]?
) {
  let routine = "dgelsd"
  let operation = "least squares (dgelsd)"
  guard a.rows == b.rows else {
    throw .shapeMismatch(operation: operation, left: a.shape, right: b.shape)
  }
  try requireFinite(a.elements, operation: operation)
  try requireFinite(b.elements, operation: operation)
  if let rcond {
    precondition(rcond.isFinite && rcond >= 0, "\(operation): rcond must be finite and ≥ 0")
  }
  let (m, n, rightHandSides) = (a.rows, a.columns, b.columns)

  let equilibration = ColumnEquilibration(a)
  var scaled = equilibration.scaled(a)
  // B is overwritten by the n×nrhs solution, so it needs max(m, n) rows.
  let rhsRows = Swift.max(1, m, n)
  var rhs = [Double](repeating: 0, count: rhsRows * Swift.max(1, rightHandSides))
  for j in 0..<rightHandSides {
    for i in 0..<m {
      rhs[i + j * rhsRows] = b[i, j]
    }
  }
  var singularValues = [Double](repeating: 0, count: Swift.max(1, Swift.min(m, n)))
  var rank: Int32 = 0

  if Swift.min(m, n) > 0 && rightHandSides > 0 {
    var fm = try fortranInt(m, routine: routine)
    var fn = try fortranInt(n, routine: routine)
    var fnrhs = try fortranInt(rightHandSides, routine: routine)
    var lda = try leadingDimension(m, routine: routine)
    var ldb = try fortranInt(rhsRows, routine: routine)
    var threshold = rcond ?? ColumnEquilibration.defaultRankTolerance(rows: m, columns: n)
    let info = try callWithWorkspace(routine) { workspace, lwork, _ in
      var lwork = lwork
      var info: Int32 = 0
      dgelsd_(
        &fm, &fn, &fnrhs, &scaled.elements, &lda, &rhs, &ldb, &singularValues, &threshold, &rank,
        &workspace.real, &lwork, &workspace.integer, &info)
      return info
    }
    if info > 0 {
      throw .noConvergence(routine: routine, info: Int(info))
    }
  }

  var solution = Matrix(rows: n, columns: rightHandSides)
  for j in 0..<rightHandSides {
    for i in 0..<n {
      solution[i, j] = rhs[i + j * rhsRows] / equilibration.scales[i]
    }
  }
  var residualSumsOfSquares: [Double]?
  if m > n && Int(rank) == n {
    residualSumsOfSquares = (0..<rightHandSides).map { j in
      let norm = euclideanNorm(rhs, offset: n + j * rhsRows, count: m - n)
      return norm * norm
    }
  }
  return (
    solution, Int(rank), Array(singularValues.prefix(Swift.min(m, n))), residualSumsOfSquares
  )
}
