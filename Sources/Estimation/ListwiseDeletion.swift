/// The second step: the response and every numeric factor evaluated on every row (a
/// transformation undefined on a row is an error at its cell), then the rows with any used cell
/// missing dropped (listwise), and the weights on the rows kept checked positive.
struct ListwiseDeletion {
  let response: [Double?]
  /// Each numeric factor's values, by its text.
  let factors: [String: [Double?]]
  let weights: [Double?]?
  /// The rows kept, in table order.
  let used: [Int]
  let dropped: Int

  init(formula: Formula, columns: FormulaColumns, data: DataTable, weights weightColumn: String?) throws {
    let rows = columns.rows
    func evaluate(_ expression: Formula.Expression, text: String) throws -> [Double?] {
      if case let .column(name) = expression { return columns.numbers(name) }  // already checked finite
      var values = [Double?](repeating: nil, count: rows)
      var undefined: [CellLocation] = []
      let firstColumn = expression.columns.first
      for row in 0..<rows {
        guard let value = expression.evaluate({ columns.numbers[$0]?[row] ?? nil }) else { continue }
        if value.isFinite {
          values[row] = value
        } else {
          let column = firstColumn.flatMap { data.columnNames.firstIndex(of: $0) } ?? 0
          undefined.append(data.location(row: row, column: column))
        }
      }
      if !undefined.isEmpty {
        throw EstimationError.undefinedTransform(term: text, locations: undefined, count: undefined.count)
      }
      return values
    }

    response = try evaluate(formula.response, text: formula.responseText)
    var factors: [String: [Double?]] = [:]
    for term in formula.terms {
      for case let .numeric(expression, text) in term.factors where factors[text] == nil {
        factors[text] = try evaluate(expression, text: text)
      }
    }
    self.factors = factors
    weights = weightColumn.map { columns.numbers($0) }

    var keep = response.map { $0 != nil }
    for column in factors.values {
      for row in 0..<rows where column[row] == nil { keep[row] = false }
    }
    for column in columns.labels.values {
      for row in 0..<rows where column[row] == nil { keep[row] = false }
    }
    if let weights {
      for row in 0..<rows where weights[row] == nil { keep[row] = false }
    }
    used = (0..<rows).filter { keep[$0] }
    dropped = rows - used.count

    if let weightColumn, let weights {
      let column = try data.columnIndex(weightColumn)
      let bad = used.filter { !(weights[$0].map { $0 > 0 } ?? false) }.map { data.location(row: $0, column: column) }
      if !bad.isEmpty { throw EstimationError.invalidWeights(locations: bad, count: bad.count) }
    }
  }

  /// A column's values on the rows kept (none of them missing there).
  func usedValues(_ column: [Double?]) -> [Double] { used.map { column[$0] ?? .nan } }

  /// A label column's labels on the rows kept.
  func usedLabels(_ column: String, in columns: FormulaColumns) -> [String] {
    let cells = columns.labels[column] ?? [String?](repeating: nil, count: columns.rows)
    return used.map { cells[$0] ?? "" }
  }
}
