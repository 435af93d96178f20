/// The last step: the design's columns, named as patsy names them — the intercept, then each
/// term as the product of its factors, a categorical factor coded as treatment dummies
/// (`C(city)[T.level]`, first level the base) when its margin is in the model and as one dummy
/// per level (`C(city)[level]`) otherwise.
struct TermCoding {
  var names: [String] = []
  /// Column-major values over the rows kept.
  var values: [Double] = []

  init(formula: Formula, columns: FormulaColumns, rows: ListwiseDeletion) throws {
    // Labels and levels of each categorical over the rows used, levels sorted numerically when
    // all are numbers.
    var categoryLabels: [String: [String]] = [:]
    var levels: [String: [String]] = [:]
    for column in columns.categorical {
      let rowLabels = rows.usedLabels(column, in: columns)
      categoryLabels[column] = rowLabels
      let distinct = Set(rowLabels)
      let numbered = distinct.compactMap { label in Double(label).map { (value: $0, label: label) } }
      levels[column] =
        numbered.count == distinct.count
        ? numbered.sorted { ($0.value, $0.label) < ($1.value, $1.label) }.map(\.label) : distinct.sorted()
    }
    let shape = DesignMemory.columnCount(formula, levels: levels)
    try DesignMemory.check(rows: rows.used.count, columns: shape.total, dummies: shape.dummies)

    let n = rows.used.count
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
          pieces.append([(text, rows.usedValues(rows.factors[text] ?? columns.numbers("")))])
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
  }
}
