// Matrix products through BLAS (dgemm, dgemv) and element-wise arithmetic.
//
// The operators treat a shape mismatch as a programming error (precondition), like Swift's own
// arithmetic on mismatched sizes; `multiplied(by:transposingSelf:transposingOther:)` is the
// throwing form for shapes that come from data. NaN and infinity are not rejected here: they
// propagate as IEEE arithmetic says, except that reference BLAS may skip a product whose factor
// from the right operand is exactly zero.

import CLAPACK

extension Matrix {
  /// The product op(self)·op(other), where op transposes when asked, computed by dgemm.
  ///
  /// Throws `.shapeMismatch` when the inner dimensions differ, and `.dimensionTooLarge` when a
  /// dimension does not fit a Fortran INTEGER.
  public func multiplied(
    by other: Matrix, transposingSelf: Bool = false, transposingOther: Bool = false
  ) throws(LinearAlgebraError) -> Matrix {
    let routine = "dgemm"
    let (m, inner) = transposingSelf ? (columns, rows) : (rows, columns)
    let (otherInner, n) = transposingOther ? (other.columns, other.rows) : (other.rows, other.columns)
    guard inner == otherInner else {
      throw .shapeMismatch(
        operation: "matrix product (\(transposingSelf ? "Aᵀ" : "A")·\(transposingOther ? "Bᵀ" : "B"))",
        left: shape, right: other.shape)
    }
    var product = Matrix(rows: m, columns: n)
    guard m > 0, n > 0, inner > 0 else { return product }
    var fm = try fortranInt(m, routine: routine)
    var fn = try fortranInt(n, routine: routine)
    var fk = try fortranInt(inner, routine: routine)
    var lda = try leadingDimension(rows, routine: routine)
    var ldb = try leadingDimension(other.rows, routine: routine)
    var ldc = try leadingDimension(m, routine: routine)
    var alpha = 1.0
    var beta = 0.0
    dgemm_(
      transposingSelf ? "T" : "N", transposingOther ? "T" : "N", &fm, &fn, &fk, &alpha,
      elements, &lda, other.elements, &ldb, &beta, &product.elements, &ldc, 1, 1)
    return product
  }

  /// The matrix product a·b (dgemm). The shapes must agree: `a.columns == b.rows`.
  public static func * (a: Matrix, b: Matrix) -> Matrix {
    do {
      return try a.multiplied(by: b)
    } catch {
      preconditionFailure(error.description)
    }
  }

  /// The matrix–vector product a·x (dgemv). `x.count` must equal `a.columns`.
  public static func * (a: Matrix, x: [Double]) -> [Double] {
    precondition(
      x.count == a.columns,
      "matrix–vector product: incompatible shapes \(a.shape) and \(MatrixShape(vectorLength: x.count))")
    var y = [Double](repeating: 0, count: a.rows)
    guard a.rows > 0, a.columns > 0 else { return y }
    do {
      let routine = "dgemv"
      var m = try fortranInt(a.rows, routine: routine)
      var n = try fortranInt(a.columns, routine: routine)
      var lda = try leadingDimension(a.rows, routine: routine)
      var alpha = 1.0
      var beta = 0.0
      var increment: Int32 = 1
      dgemv_("N", &m, &n, &alpha, a.elements, &lda, x, &increment, &beta, &y, &increment, 1)
    } catch {
      preconditionFailure(error.description)
    }
    return y
  }

  /// Element-wise sum; the shapes must be equal.
  public static func + (a: Matrix, b: Matrix) -> Matrix {
    a.combined(with: b, symbol: "+", +)
  }

  /// Element-wise difference; the shapes must be equal.
  public static func - (a: Matrix, b: Matrix) -> Matrix {
    a.combined(with: b, symbol: "-", -)
  }

  /// Every element multiplied by `factor`.
  public func scaled(by factor: Double) -> Matrix {
    Matrix(rows: rows, columns: columns, elements: elements.map { $0 * factor })
  }

  /// The Frobenius norm √(Σ aᵢⱼ²), computed without overflow or underflow (BLAS dnrm2).
  public var frobeniusNorm: Double {
    euclideanNorm(elements)
  }

  /// The largest absolute value of an element (0 for an empty matrix, NaN if any element is NaN).
  public var maxAbs: Double {
    var largest = 0.0
    for value in elements {
      if value.isNaN { return .nan }
      largest = Swift.max(largest, value.magnitude)
    }
    return largest
  }

  private func combined(
    with other: Matrix, symbol: String, _ operation: (Double, Double) -> Double
  ) -> Matrix {
    precondition(
      shape == other.shape, "matrix \(symbol): incompatible shapes \(shape) and \(other.shape)")
    return Matrix(
      rows: rows, columns: columns, elements: zip(elements, other.elements).map(operation))
  }
}
