import Foundation

/// Recursive-descent parser for `Formula` (grammar in its documentation). Offsets in errors
/// count Unicode scalars from the start of the formula.
struct FormulaParser {
  /// Longest formula read, in Unicode scalars: far beyond any model, and it bounds the work.
  static let maximumLength = 10_000
  /// Deepest nesting of parentheses, functions, signs and powers: bounds the recursion, so a
  /// formula of thousands of `(` is an error rather than a stack overflow.
  static let maximumDepth = 100
  /// Most terms written (before duplicates are dropped): as many as one full 10-factor product.
  static let maximumTerms = 1024

  private let scalars: [Unicode.Scalar]
  private let text: String
  private var position = 0
  private var depth = 0

  init(_ text: String) {
    self.text = text
    self.scalars = Array(text.unicodeScalars)
  }

  mutating func parseFormula() throws -> Formula {
    guard scalars.count <= Self.maximumLength else {
      throw error("the formula is longer than \(Self.maximumLength) characters", at: Self.maximumLength)
    }
    skipSpace()
    let responseStart = position
    guard !atEnd, peek != "~" else { throw error("expected a response before `~`") }
    let response = try parseSum()
    let responseText = source(from: responseStart)
    skipSpace()
    guard consume("~") else { throw error("expected `~` after the response") }

    var terms: [Formula.Term] = []
    var removed: [Formula.Term] = []
    var intercept = true
    var first = true
    while true {
      skipSpace()
      var sign: Character = "+"
      if consume("+") {
        sign = "+"
      } else if consume("-") {
        sign = "-"
      } else if !first {
        break
      }
      skipSpace()
      let termStart = position
      if let constant = scanInteger() {
        guard constant == 0 || constant == 1 else {
          throw error("only 0 and 1 may stand alone as terms (intercept)", at: termStart)
        }
        intercept = (constant == 1) == (sign == "+")
      } else {
        let group = try parseProduct()
        if sign == "+" { terms += group } else { removed += group }
        guard terms.count + removed.count <= Self.maximumTerms else {
          throw error("the formula has more than \(Self.maximumTerms) terms", at: termStart)
        }
      }
      first = false
    }
    skipSpace()
    if !atEnd { throw error("unexpected `\(scalars[position])`") }

    // a:b and b:a are one term: the first of each kept, unless it was removed with `-`.
    var seen = Set(removed.map(Self.factorNames))
    let unique = terms.filter { seen.insert(Self.factorNames($0)).inserted }
    return Formula(
      response: response, responseText: responseText, terms: Self.patsyOrder(unique), hasIntercept: intercept)
  }

  /// patsy's column order: terms are grouped by the set of numeric factors they contain, the
  /// group without numeric factors (pure categoricals) first and the others in order of first
  /// appearance; within a group, lower-order terms first (patsy/build.py, `_make_subterm_infos`).
  static func patsyOrder(_ terms: [Formula.Term]) -> [Formula.Term] {
    func bucket(_ term: Formula.Term) -> Set<String> {
      Set(term.factors.compactMap { if case let .numeric(_, text) = $0 { text } else { nil } })
    }
    let termBuckets = terms.map(bucket)
    var buckets: [Set<String>] = []
    var seen: Set<Set<String>> = []
    for key in termBuckets where seen.insert(key).inserted { buckets.append(key) }
    if let empty = buckets.firstIndex(of: []) { buckets.insert(buckets.remove(at: empty), at: 0) }
    let members = Dictionary(grouping: terms.enumerated()) { termBuckets[$0.offset] }
    return buckets.flatMap { key in
      members[key, default: []]
        .sorted { ($0.element.factors.count, $0.offset) < ($1.element.factors.count, $1.offset) }
        .map(\.element)
    }
  }

  /// What identifies a term: its factors' names, in any order (a:b and b:a are one term).
  static func factorNames(_ term: Formula.Term) -> Set<String> { Set(term.factors.map(\.name)) }

  /// a:b and b:a are one term.
  static func same(_ a: Formula.Term, _ b: Formula.Term) -> Bool { factorNames(a) == factorNames(b) }

  /// The most factors one `a*b*…` chain may cross.
  static let maximumCrossedFactors = 10

  /// interaction (`*` interaction)*, expanded to every non-empty product of the groups.
  private mutating func parseProduct() throws -> [Formula.Term] {
    var groups = [try parseInteraction()]
    while true {
      skipSpace()
      guard peek == "*", peek(1) != "*" else { break }
      // a*b*… expands to 2^k − 1 terms: past 10 factors that is no longer a model anyone means.
      guard groups.count < Self.maximumCrossedFactors else {
        throw error(
          "more than \(Self.maximumCrossedFactors) factors joined by '*' would expand to over "
            + "\((1 << Self.maximumCrossedFactors) - 1) terms; write the interactions you want with ':'"
        )
      }
      position += 1
      groups.append(try parseInteraction())
    }
    var terms: [Formula.Term] = []
    for mask in 1..<(1 << groups.count) {
      var factors: [Formula.Factor] = []
      for (index, group) in groups.enumerated() where mask & (1 << index) != 0 {
        factors += group.filter { !factors.contains($0) }
      }
      terms.append(Formula.Term(factors: factors))
    }
    // patsy orders the expansion by degree: main effects first.
    return terms.enumerated().sorted { ($0.element.factors.count, $0.offset) < ($1.element.factors.count, $1.offset) }
      .map(\.element)
  }

  private mutating func parseInteraction() throws -> [Formula.Factor] {
    var factors = [try parseFactor()]
    while true {
      skipSpace()
      guard consume(":") else { break }
      let factor = try parseFactor()
      if !factors.contains(factor) { factors.append(factor) }
    }
    return factors
  }

  private mutating func parseFactor() throws -> Formula.Factor {
    skipSpace()
    let start = position
    guard let name = scanName() else {
      throw error("expected a column, log(…), exp(…), sqrt(…), I(…) or C(…)")
    }
    skipSpace()
    if name == "C", consume("(") {
      skipSpace()
      guard let column = scanName() else { throw error("C(…) takes one column name") }
      skipSpace()
      guard consume(")") else { throw error("expected `)` to close C(") }
      return .categorical(column: column)
    }
    position = start
    let expression: Formula.Expression
    if name == "I" {
      position += 1
      skipSpace()
      guard consume("(") else { throw error("expected `(` after I") }
      expression = try parseSum()
      skipSpace()
      guard consume(")") else { throw error("expected `)` to close I(") }
    } else {
      expression = try parsePower()
    }
    return .numeric(expression, text: source(from: start))
  }

  // MARK: Arithmetic: sum > product > unary minus > power > atom

  private mutating func parseSum() throws -> Formula.Expression {
    var lhs = try parseTerm()
    while true {
      skipSpace()
      if consume("+") {
        lhs = .binary(.add, lhs, try parseTerm())
      } else if peek == "-" {
        position += 1
        lhs = .binary(.subtract, lhs, try parseTerm())
      } else {
        return lhs
      }
    }
  }

  private mutating func parseTerm() throws -> Formula.Expression {
    var lhs = try parseUnary()
    while true {
      skipSpace()
      if peek == "*", peek(1) != "*" {
        position += 1
        lhs = .binary(.multiply, lhs, try parseUnary())
      } else if consume("/") {
        lhs = .binary(.divide, lhs, try parseUnary())
      } else {
        return lhs
      }
    }
  }

  private mutating func parseUnary() throws -> Formula.Expression {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else {
      throw error("the expression is nested more than \(Self.maximumDepth) levels deep")
    }
    skipSpace()
    if consume("-") { return .negate(try parseUnary()) }
    if consume("+") { return try parseUnary() }
    return try parsePower()
  }

  private mutating func parsePower() throws -> Formula.Expression {
    let base = try parseAtom()
    skipSpace()
    if consume("^")
      || (peek == "*" && peek(1) == "*"
        && {
          position += 2; return true
        }())
    {
      return .binary(.power, base, try parseUnary())
    }
    return base
  }

  private mutating func parseAtom() throws -> Formula.Expression {
    skipSpace()
    if consume("(") {
      let inner = try parseSum()
      skipSpace()
      guard consume(")") else { throw error("expected `)`") }
      return inner
    }
    if let number = scanNumber() { return .constant(number) }
    let start = position
    guard let name = scanName() else { throw error("expected a number, a column or a function") }
    skipSpace()
    if peek == "(" {
      guard let function = Formula.Expression.Function(rawValue: name) else {
        throw error("unknown function `\(name)`; known: log, exp, sqrt, I, C", at: start)
      }
      position += 1
      let argument = try parseSum()
      skipSpace()
      guard consume(")") else { throw error("expected `)` to close \(name)(") }
      return .function(function, argument)
    }
    return .column(name)
  }

  // MARK: Scanning

  private var atEnd: Bool { position >= scalars.count }
  private var peek: Unicode.Scalar? { atEnd ? nil : scalars[position] }
  private func peek(_ ahead: Int) -> Unicode.Scalar? {
    position + ahead < scalars.count ? scalars[position + ahead] : nil
  }

  private mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
    guard peek == scalar else { return false }
    position += 1
    return true
  }

  private mutating func skipSpace() {
    while let scalar = peek, scalar.properties.isWhitespace { position += 1 }
  }

  /// A column name: letters, digits, `_` and `.` not starting with a digit, or any text in
  /// backquotes.
  private mutating func scanName() -> String? {
    if consume("`") {
      let start = position
      while let scalar = peek, scalar != "`" { position += 1 }
      let name = String(String.UnicodeScalarView(scalars[start..<position]))
      _ = consume("`")
      return name
    }
    let start = position
    while let scalar = peek,
      scalar.properties.isAlphabetic || scalar == "_"
        || (position > start && (scalar == "." || ("0"..."9").contains(scalar)))
    {
      position += 1
    }
    return position > start ? String(String.UnicodeScalarView(scalars[start..<position])) : nil
  }

  private mutating func scanNumber() -> Double? {
    let start = position
    while let scalar = peek, ("0"..."9").contains(scalar) || scalar == "." { position += 1 }
    if position > start, let e = peek, e == "e" || e == "E" {
      let mark = position
      position += 1
      if let sign = peek, sign == "+" || sign == "-" { position += 1 }
      let digits = position
      while let scalar = peek, ("0"..."9").contains(scalar) { position += 1 }
      if position == digits { position = mark }
    }
    guard position > start, let value = Double(source(from: start)) else {
      position = start
      return nil
    }
    return value
  }

  /// A bare number standing as a whole term (followed by `+`, `-` or the end); only 0 and 1
  /// mean anything there, which the caller checks.
  private mutating func scanInteger() -> Double? {
    let start = position
    guard let number = scanNumber() else { return nil }
    skipSpace()
    if atEnd || peek == "+" || peek == "-" { return number }
    position = start
    return nil
  }

  private func source(from start: Int) -> String {
    String(String.UnicodeScalarView(scalars[start..<position])).trimmingCharacters(in: .whitespaces)
  }

  private func error(_ message: String, at offset: Int? = nil) -> EstimationError {
    .formulaSyntax(formula: text, offset: offset ?? min(position, scalars.count), message: message)
  }
}
