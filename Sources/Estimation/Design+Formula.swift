import Foundation

extension Design {
  /// Builds the design a formula describes on a table: evaluates every term, drops rows with a
  /// missing used cell (listwise; `droppedCount` says how many), and codes categorical columns.
  ///
  /// Errors come in a fixed order: unknown columns (with a did-you-mean), then every
  /// non-numeric cell of the used columns at once, then transformations undefined on a row
  /// (log of a non-positive value, …), then invalid weights, then too few observations.
  public init(
    formula: Formula, data: DataTable, weights weightColumn: String? = nil, clusters clusterColumns: [String] = []
  )
    throws
  {
    let columns = try FormulaColumns(formula: formula, data: data, weights: weightColumn, clusters: clusterColumns)
    let rows = try ListwiseDeletion(formula: formula, columns: columns, data: data, weights: weightColumn)
    let coding = try TermCoding(formula: formula, columns: columns, rows: rows)
    let n = rows.used.count
    if n <= coding.names.count {
      throw EstimationError.tooFewObservations(used: n, dropped: rows.dropped, parameters: coding.names.count)
    }
    let used = rows.used
    self.init(
      responseName: formula.responseText, response: rows.usedValues(rows.response), columnNames: coding.names,
      columns: coding.values, hasIntercept: formula.hasIntercept,
      weights: rows.weights.map(rows.usedValues), weightsColumn: weightColumn,
      clusters: clusterColumns.map { Clusters(column: $0, values: rows.usedLabels($0, in: columns)) },
      droppedCount: rows.dropped, observationName: { data.observationName(row: used[$0]) })
    observationSource = { data.observationSource(row: used[$0]) }
  }
}

extension Formula.Expression {
  /// The value on one row, `nil` when a column it reads is missing there; non-finite results
  /// (log of a non-positive number, division by zero) come back as NaN or ±infinity.
  func evaluate(_ value: (String) -> Double?) -> Double? {
    switch self {
    case let .column(name):
      return value(name)
    case let .constant(constant):
      return constant
    case let .negate(argument):
      return argument.evaluate(value).map { -$0 }
    case let .function(function, argument):
      guard let x = argument.evaluate(value) else { return nil }
      switch function {
      case .log: return x > 0 ? Foundation.log(x) : .nan
      case .exp: return Foundation.exp(x)
      case .sqrt: return x >= 0 ? x.squareRoot() : .nan
      }
    case let .binary(op, lhs, rhs):
      guard let a = lhs.evaluate(value), let b = rhs.evaluate(value) else { return nil }
      switch op {
      case .add: return a + b
      case .subtract: return a - b
      case .multiply: return a * b
      case .divide: return a / b
      case .power: return Foundation.pow(a, b)
      }
    }
  }
}
