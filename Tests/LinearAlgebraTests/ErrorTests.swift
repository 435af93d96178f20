import Testing

@testable import LinearAlgebra

/// Bad input becomes a typed error naming the operation, never a crash.
@Suite struct ErrorTests {
  struct ErrorCase: Sendable, CustomTestStringConvertible {
    let id: String
    let expected: LinearAlgebraError
    let run: @Sendable () throws -> Void
    var testDescription: String { id }
  }

  static let withNaN = Matrix(rowMajor: [[1, 0], [0, .nan]])
  static let withInfinity = Matrix(rowMajor: [[1, 0], [0, -.infinity]])
  static let tall = Matrix(rowMajor: [[1, 0], [0, 1], [1, 1]])

  static let cases: [ErrorCase] = [
    ErrorCase(id: "Cholesky NaN", expected: .nonFinite(operation: "Cholesky factorisation (dpotrf)")) {
      _ = try Cholesky(withNaN)
    },
    ErrorCase(id: "SVD infinity", expected: .nonFinite(operation: "singular value decomposition (dgesdd)")) {
      _ = try SingularValueDecomposition(withInfinity)
    },
    ErrorCase(id: "eigen NaN", expected: .nonFinite(operation: "symmetric eigendecomposition (dsyevr)")) {
      _ = try SymmetricEigendecomposition(withNaN)
    },
    ErrorCase(id: "QR NaN", expected: .nonFinite(operation: "pivoted QR (dgeqp3)")) {
      _ = try PivotedQR(withNaN)
    },
    ErrorCase(id: "QR solve NaN in b", expected: .nonFinite(operation: "pivoted QR solve")) {
      _ = try PivotedQR(tall).solve([1, .nan, 2])
    },
    ErrorCase(id: "least squares NaN in A", expected: .nonFinite(operation: "least squares (dgelsd)")) {
      _ = try leastSquares(withNaN, [1, 2])
    },
    ErrorCase(id: "least squares infinity in b", expected: .nonFinite(operation: "least squares (dgelsd)")) {
      _ = try leastSquares(tall, [1, .infinity, 2])
    },
    ErrorCase(id: "Cholesky solve NaN", expected: .nonFinite(operation: "Cholesky solve (dpotrs)")) {
      _ = try Cholesky(.identity(2)).solve([.nan, 1])
    },
    ErrorCase(
      id: "least squares b too short",
      expected: .shapeMismatch(
        operation: "least squares (dgelsd)", left: MatrixShape(rows: 3, columns: 2),
        right: MatrixShape(rows: 2, columns: 1))
    ) { _ = try leastSquares(tall, [1, 2]) },
    ErrorCase(
      id: "QR solve b too long",
      expected: .shapeMismatch(
        operation: "pivoted QR solve", left: MatrixShape(rows: 3, columns: 2),
        right: MatrixShape(rows: 4, columns: 1))
    ) { _ = try PivotedQR(tall).solve([1, 2, 3, 4]) },
    ErrorCase(
      id: "Qᵀb wrong length",
      expected: .shapeMismatch(
        operation: "pivoted QR Qᵀb", left: MatrixShape(rows: 3, columns: 2),
        right: MatrixShape(rows: 1, columns: 1))
    ) { _ = try PivotedQR(tall).qTransposeTimes([1]) },
    ErrorCase(
      id: "Cholesky solve wrong length",
      expected: .shapeMismatch(
        operation: "Cholesky solve (dpotrs)", left: MatrixShape(rows: 2, columns: 2),
        right: MatrixShape(rows: 3, columns: 1))
    ) { _ = try Cholesky(.identity(2)).solve([1, 2, 3]) },
    ErrorCase(
      id: "Cholesky of a non-square matrix",
      expected: .notSquare(operation: "Cholesky factorisation (dpotrf)", shape: MatrixShape(rows: 3, columns: 2))
    ) { _ = try Cholesky(tall) },
    ErrorCase(
      id: "eigen of a non-square matrix",
      expected: .notSquare(operation: "symmetric eigendecomposition (dsyevr)", shape: MatrixShape(rows: 3, columns: 2))
    ) { _ = try SymmetricEigendecomposition(tall) },
    ErrorCase(
      id: "product with mismatched inner dimension",
      expected: .shapeMismatch(
        operation: "matrix product (Aᵀ·B)", left: MatrixShape(rows: 3, columns: 2),
        right: MatrixShape(rows: 2, columns: 2))
    ) { _ = try tall.multiplied(by: .identity(2), transposingSelf: true) },
  ]

  @Test(arguments: cases)
  func badInputThrowsTypedError(_ errorCase: ErrorCase) {
    #expect(throws: errorCase.expected) { try errorCase.run() }
  }

  @Test func descriptionsNameTheProblem() {
    #expect(
      LinearAlgebraError.nonFinite(operation: "pivoted QR (dgeqp3)").description
        == "pivoted QR (dgeqp3): the input contains NaN or infinity")
    #expect(
      LinearAlgebraError.singular(routine: "dtrtri", order: 4, pivot: 3).description
        == "dtrtri: the 4×4 matrix is singular (diagonal element 3 is exactly zero)")
    #expect(
      LinearAlgebraError.notSquare(
        operation: "Cholesky factorisation (dpotrf)", shape: MatrixShape(rows: 3, columns: 2)
      )
      .description == "Cholesky factorisation (dpotrf): needs a square matrix, got 3×2")
  }

  /// Sizes beyond the 32-bit Fortran INTEGER cannot be allocated in a test, so the conversion
  /// every wrapper goes through is checked directly.
  @Test func dimensionsBeyondInt32AreRejected() throws {
    let tooLarge = Int(Int32.max) + 1
    #expect(throws: LinearAlgebraError.dimensionTooLarge(routine: "dgeqp3", dimension: tooLarge)) {
      _ = try fortranInt(tooLarge, routine: "dgeqp3")
    }
    #expect(try fortranInt(Int(Int32.max), routine: "dgeqp3") == Int32.max)
    #expect(try leadingDimension(0, routine: "dgemm") == 1)
  }
}
