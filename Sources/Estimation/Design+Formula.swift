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
    // A column may be both: `C(year) + year` reads its cells as labels and as numbers.
    var categoricalColumns: [String] = []
    var readAsNumbers = Set(formula.response.columns)
    for term in formula.terms {
      for factor in term.factors {
        switch factor {
        case let .categorical(column) where !categoricalColumns.contains(column): categoricalColumns.append(column)
        case .categorical: break
        case let .numeric(expression, _): readAsNumbers.formUnion(expression.columns)
        }
      }
    }
    var numericColumns = formula.columns.filter { readAsNumbers.contains($0) }
    if let weightColumn, !numericColumns.contains(weightColumn) { numericColumns.append(weightColumn) }
    for column in numericColumns + categoricalColumns + clusterColumns {
      _ = try data.columnIndex(column)
    }

    var problems: [EstimationError.NonNumericCell] = []
    var numbers: [String: [Double?]] = [:]
    for column in numericColumns { numbers[column] = try data.numbers(column, problems: &problems) }
    if !problems.isEmpty {
      throw EstimationError.nonNumericCells(
        problems.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) })
    }
    var labels: [String: [String?]] = [:]
    for column in categoricalColumns + clusterColumns { labels[column] = try data.labels(column) }

    let rows = data.rowCount
    // Every column read above is in `numbers` (or `labels`); a lookup that failed would read as
    // missing cells, never stop the program.
    let noValues = [Double?](repeating: nil, count: rows)
    func evaluate(_ expression: Formula.Expression, text: String) throws -> [Double?] {
      if case let .column(name) = expression { return numbers[name] ?? noValues }  // already checked finite
      var values = noValues
      var undefined: [CellLocation] = []
      let firstColumn = expression.columns.first
      for row in 0..<rows {
        guard let value = expression.evaluate({ numbers[$0]?[row] ?? nil }) else { continue }
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

    let response = try evaluate(formula.response, text: formula.responseText)
    var factorValues: [String: [Double?]] = [:]
    for term in formula.terms {
      for case let .numeric(expression, text) in term.factors where factorValues[text] == nil {
        factorValues[text] = try evaluate(expression, text: text)
      }
    }
    let weightValues = weightColumn.map { numbers[$0] ?? noValues }

    var keep = response.map { $0 != nil }
    for column in factorValues.values {
      for row in 0..<rows where column[row] == nil { keep[row] = false }
    }
    for column in labels.values {
      for row in 0..<rows where column[row] == nil { keep[row] = false }
    }
    if let weightValues {
      for row in 0..<rows where weightValues[row] == nil { keep[row] = false }
    }
    let used = (0..<rows).filter { keep[$0] }
    let dropped = rows - used.count
    // The values on the rows used, where no used cell is missing.
    func usedValues(_ column: [Double?]) -> [Double] { used.map { column[$0] ?? .nan } }
    func usedLabels(_ column: String) -> [String] {
      let cells = labels[column] ?? [String?](repeating: nil, count: rows)
      return used.map { cells[$0] ?? "" }
    }

    if let weightColumn, let weightValues {
      let column = try data.columnIndex(weightColumn)
      let bad = used.filter { !(weightValues[$0].map { $0 > 0 } ?? false) }
        .map { data.location(row: $0, column: column) }
      if !bad.isEmpty { throw EstimationError.invalidWeights(locations: bad, count: bad.count) }
    }

    // Labels and levels of each categorical over the rows used, levels sorted numerically when
    // all are numbers.
    var categoryLabels: [String: [String]] = [:]
    var levels: [String: [String]] = [:]
    for column in categoricalColumns {
      let rowLabels = usedLabels(column)
      categoryLabels[column] = rowLabels
      let distinct = Set(rowLabels)
      let numbered = distinct.compactMap { label in Double(label).map { (value: $0, label: label) } }
      levels[column] =
        numbered.count == distinct.count
        ? numbered.sorted { ($0.value, $0.label) < ($1.value, $1.label) }.map(\.label) : distinct.sorted()
    }
    let shape = DesignMemory.columnCount(formula, levels: levels)
    try DesignMemory.check(rows: used.count, columns: shape.total, dummies: shape.dummies)

    var names: [String] = []
    var values: [Double] = []
    let n = used.count
    if formula.hasIntercept {
      names.append("Intercept")
      values += repeatElement(1, count: n)
    }
    var fullyCodedOne = formula.hasIntercept
    for term in formula.terms {
      // Each factor contributes a list of (name, value per used row); the term is their product.
      var pieces: [[(name: String, values: [Double])]] = []
      for factor in term.factors {
        switch factor {
        case let .numeric(_, text):
          pieces.append([(text, usedValues(factorValues[text] ?? noValues))])
        case let .categorical(column):
          let others = term.factors.filter { $0 != factor }
          let marginInModel =
            others.isEmpty
            ? fullyCodedOne
            : formula.terms.contains { FormulaParser.same($0, Formula.Term(factors: others)) }
          if others.isEmpty { fullyCodedOne = true }
          let columnLevels = levels[column, default: []]
          let coded = marginInModel ? Array(columnLevels.dropFirst()) : columnLevels
          let prefix = marginInModel ? "T." : ""
          let rowLabels = categoryLabels[column, default: []]
          pieces.append(
            coded.map { level in
              ("C(\(column))[\(prefix)\(level)]", rowLabels.map { $0 == level ? 1.0 : 0.0 })
            })
        }
      }
      var products: [(name: String, values: [Double])] = [("", Array(repeating: 1, count: n))]
      for piece in pieces {
        products = products.flatMap { partial in
          piece.map { part in
            (
              partial.name.isEmpty ? part.name : partial.name + ":" + part.name,
              zip(partial.values, part.values).map(*)
            )
          }
        }
      }
      for product in products {
        names.append(product.name)
        values += product.values
      }
    }

    if n <= names.count {
      throw EstimationError.tooFewObservations(used: n, dropped: dropped, parameters: names.count)
    }
    self.init(
      responseName: formula.responseText, response: usedValues(response), columnNames: names,
      columns: values, hasIntercept: formula.hasIntercept,
      weights: weightValues.map(usedValues), weightsColumn: weightColumn,
      clusters: clusterColumns.map { Clusters(column: $0, values: usedLabels($0)) },
      droppedCount: dropped, observationName: { data.observationName(row: used[$0]) })
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
