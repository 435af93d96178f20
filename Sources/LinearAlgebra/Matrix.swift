/// A dense, column-major matrix of doubles with value semantics.
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

  public subscript(row: Int, column: Int) -> Double {
    get { elements[row + column * rows] }
    set { elements[row + column * rows] = newValue }
  }
}
