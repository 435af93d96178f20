import ErrorCategories

/// The number of rows and columns of a matrix operand; a vector of length k is k×1.
public struct MatrixShape: Hashable, Sendable, CustomStringConvertible {
  public var rows: Int
  public var columns: Int

  public init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
  }

  /// The shape of a column vector of `length` elements.
  public init(vectorLength length: Int) {
    self.init(rows: length, columns: 1)
  }

  public var description: String { "\(rows)×\(columns)" }
}

/// Why a linear-algebra operation could not produce a result.
///
/// Each case names the operation or LAPACK routine and carries what a caller needs to act on
/// it (the shapes that disagree, the order of the failing minor or pivot). A negative LAPACK
/// `info` — an illegal argument — is a defect in this module, not a property of the data, so
/// it stops the program instead of becoming one of these errors.
public enum LinearAlgebraError: CategorisedError, Equatable, Sendable, CustomStringConvertible {
  /// Operand shapes are incompatible for `operation`.
  case shapeMismatch(operation: String, left: MatrixShape, right: MatrixShape)
  /// `operation` needs a square matrix and was given one of `shape`.
  case notSquare(operation: String, shape: MatrixShape)
  /// An input to `operation` contains NaN or ±infinity (checked before LAPACK sees it).
  case nonFinite(operation: String)
  /// The leading minor of order `leadingMinor` of an `order`×`order` matrix is not positive
  /// definite, so its Cholesky factorisation does not exist.
  case notPositiveDefinite(routine: String, order: Int, leadingMinor: Int)
  /// Diagonal element `pivot` (1-based) of a triangular or factored `order`×`order` matrix is
  /// exactly zero.
  case singular(routine: String, order: Int, pivot: Int)
  /// An iterative routine (SVD, eigensolver) failed to converge; `info` is LAPACK's count.
  case noConvergence(routine: String, info: Int)
  /// A dimension or workspace size exceeds the 32-bit Fortran INTEGER that LAPACK takes.
  case dimensionTooLarge(routine: String, dimension: Int)

  public var description: String {
    switch self {
    case let .shapeMismatch(operation, left, right):
      return "\(operation): incompatible shapes \(left) and \(right)"
    case let .notSquare(operation, shape):
      return "\(operation): needs a square matrix, got \(shape)"
    case let .nonFinite(operation):
      return "\(operation): the input contains NaN or infinity"
    case let .notPositiveDefinite(routine, order, leadingMinor):
      return "\(routine): the \(order)×\(order) matrix is not positive definite "
        + "(its leading minor of order \(leadingMinor) is not positive)"
    case let .singular(routine, order, pivot):
      return "\(routine): the \(order)×\(order) matrix is singular "
        + "(diagonal element \(pivot) is exactly zero)"
    case let .noConvergence(routine, info):
      return "\(routine): the iteration did not converge (info = \(info))"
    case let .dimensionTooLarge(routine, dimension):
      return "\(routine): size \(dimension) exceeds the largest Fortran INTEGER (\(Int32.max))"
    }
  }
}

extension LinearAlgebraError {
  /// A matrix operation that fails is a failure inside iccsim: callers check their operands first.
  public var category: ErrorCategory { .internal }
}
