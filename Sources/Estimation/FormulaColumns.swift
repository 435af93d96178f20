/// The first step of building a design from a formula: which columns it reads, as numbers or as
/// labels (a column may be both: `C(year) + year`), each checked to exist, and their cells read —
/// every non-numeric cell of a used numeric column reported at once.
struct FormulaColumns {
  let categorical: [String]
  let numbers: [String: [Double?]]
  let labels: [String: [String?]]
  let rows: Int

  init(formula: Formula, data: DataTable, weights weightColumn: String?, clusters clusterColumns: [String]) throws {
    var categorical: [String] = []
    var readAsNumbers = Set(formula.response.columns)
    for term in formula.terms {
      for factor in term.factors {
        switch factor {
        case let .categorical(column) where !categorical.contains(column): categorical.append(column)
        case .categorical: break
        case let .numeric(expression, _): readAsNumbers.formUnion(expression.columns)
        }
      }
    }
    var numeric = formula.columns.filter { readAsNumbers.contains($0) }
    if let weightColumn, !numeric.contains(weightColumn) { numeric.append(weightColumn) }
    for column in numeric + categorical + clusterColumns {
      _ = try data.columnIndex(column)
    }
    var problems: [EstimationError.NonNumericCell] = []
    var numbers: [String: [Double?]] = [:]
    for column in numeric { numbers[column] = try data.numbers(column, problems: &problems) }
    if !problems.isEmpty {
      throw EstimationError.nonNumericCells(
        problems.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) })
    }
    var labels: [String: [String?]] = [:]
    for column in categorical + clusterColumns { labels[column] = try data.labels(column) }
    self.categorical = categorical
    self.numbers = numbers
    self.labels = labels
    rows = data.rowCount
  }

  /// A column's numbers, all missing when it was not read (every column a formula uses was).
  func numbers(_ column: String) -> [Double?] { numbers[column] ?? [Double?](repeating: nil, count: rows) }
}
