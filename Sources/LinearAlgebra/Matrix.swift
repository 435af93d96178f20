/// A dense, column-major matrix of doubles with value semantics.
///
/// Storage is a Swift array, so copies are cheap until one of them is mutated (copy-on-write).
/// The layout is LAPACK's: element (i, j) is `elements[i + j * rows]`, which lets the wrappers in
/// this module hand the array to Fortran without rearranging it.
public struct Matrix: Equatable, Sendable {
  public let rows: Int
  public let columns: Int
  /// Elements in column-major order: element (i, j) is `elements[i + j * rows]`.
  public internal(set) var elements: [Double]

  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    precondition(rows >= 0 && columns >= 0, "negative matrix dimension")
    self.rows = rows
    self.columns = columns
    self.elements = Array(repeating: value, count: rows * columns)
  }

  /// A matrix from its elements in column-major order (`elements[i + j * rows]` is (i, j)).
  public init(rows: Int, columns: Int, elements: [Double]) {
    precondition(rows >= 0 && columns >= 0, "negative matrix dimension")
    precondition(
      elements.count == rows * columns,
      "\(elements.count) elements given for a \(rows)×\(columns) matrix")
    self.rows = rows
    self.columns = columns
    self.elements = elements
  }

  /// A matrix written as a list of rows, the way it reads on paper. All rows must have the same
  /// length; an empty list is the 0×0 matrix.
  public init(rowMajor rowList: [[Double]]) {
    let columns = rowList.first?.count ?? 0
    precondition(
      rowList.allSatisfy { $0.count == columns }, "rows of unequal length in Matrix(rowMajor:)")
    self.init(rows: rowList.count, columns: columns)
    for (i, row) in rowList.enumerated() {
      for (j, value) in row.enumerated() {
        self[i, j] = value
      }
    }
  }

  /// The n×n identity matrix.
  public static func identity(_ n: Int) -> Matrix {
    var matrix = Matrix(rows: n, columns: n)
    for i in 0..<n {
      matrix[i, i] = 1
    }
    return matrix
  }

  public subscript(row: Int, column: Int) -> Double {
    get { elements[row + column * rows] }
    set { elements[row + column * rows] = newValue }
  }

  /// Rows × columns, as used in error reports.
  public var shape: MatrixShape { MatrixShape(rows: rows, columns: columns) }

  /// Column `j` as an array of `rows` elements.
  public func column(_ j: Int) -> [Double] {
    precondition(j >= 0 && j < columns, "column \(j) out of range 0..<\(columns)")
    return Array(elements[(j * rows)..<((j + 1) * rows)])
  }

  /// Row `i` as an array of `columns` elements.
  public func row(_ i: Int) -> [Double] {
    precondition(i >= 0 && i < rows, "row \(i) out of range 0..<\(rows)")
    return (0..<columns).map { self[i, $0] }
  }

  /// The matrix with rows and columns exchanged.
  public var transposed: Matrix {
    var result = Matrix(rows: columns, columns: rows)
    for j in 0..<columns {
      for i in 0..<rows {
        result[j, i] = self[i, j]
      }
    }
    return result
  }
}
