import Testing

@testable import Estimation

@Suite("Formula parsing")
struct FormulaTests {
  @Test func termsInterceptAndNames() throws {
    let formula = try Formula(parsing: "y ~ x1 + log(x2) + I(x3^2) + x4:x5 - 1")
    #expect(formula.responseText == "y")
    #expect(!formula.hasIntercept)
    #expect(formula.terms.map(\.name) == ["x1", "log(x2)", "I(x3^2)", "x4:x5"])
    #expect(formula.columns == ["y", "x1", "x2", "x3", "x4", "x5"])
  }

  @Test func plusZeroRemovesAndPlusOneKeepsTheIntercept() throws {
    #expect(try !Formula(parsing: "y ~ x + 0").hasIntercept)
    #expect(try Formula(parsing: "y ~ 1 + x").hasIntercept)
    #expect(try !Formula(parsing: "y ~ -1 + x").hasIntercept)
  }

  @Test func starExpandsToMainEffectsAndInteraction() throws {
    let formula = try Formula(parsing: "y ~ a*b + a")
    #expect(formula.terms.map(\.name) == ["a", "b", "a:b"], "a*b is a + b + a:b; the repeated a is one term")
  }

  @Test func columnOrderFollowsPatsy() throws {
    let formula = try Formula(parsing: "y ~ x1 + x1:x3 + log(x2) + C(year) + C(city) + C(city):x1")
    #expect(
      formula.terms.map(\.name) == ["C(year)", "C(city)", "x1", "C(city):x1", "x1:x3", "log(x2)"],
      "categorical-only first; then grouped by numeric factors: {x1} (x1, C(city):x1), {x1, x3}, {log(x2)}")
  }

  @Test func minusRemovesATerm() throws {
    #expect(try Formula(parsing: "y ~ a*b - a:b").terms.map(\.name) == ["a", "b"])
  }

  @Test func categoricalAndTransformedResponse() throws {
    let formula = try Formula(parsing: "log(sales) ~ C(city) + exp(x) + sqrt(z) + I((a + b) / 2) + x**2")
    #expect(formula.responseText == "log(sales)")
    #expect(formula.terms.map(\.name) == ["C(city)", "exp(x)", "sqrt(z)", "I((a + b) / 2)", "x**2"])
    #expect(formula.terms[0].factors == [.categorical(column: "city")])
  }

  @Test func backquotedNamesAndDottedNames() throws {
    let formula = try Formula(parsing: "`retail sales` ~ `metro km` + LD.metro_km")
    #expect(formula.columns == ["retail sales", "metro km", "LD.metro_km"])
  }

  @Test func arithmeticPrecedence() throws {
    let formula = try Formula(parsing: "y ~ I(2 * x^2 - -3 / z)")
    guard case let .numeric(expression, _) = formula.terms[0].factors[0] else {
      Issue.record("expected a numeric factor")
      return
    }
    // 2·x² − (−3)/z at x = 3, z = 4: 18 + 0.75.
    let value = expression.evaluate { ["x": 3, "z": 4][$0] }
    #expect(value == 18.75)
  }

  struct SyntaxCase: Sendable, CustomTestStringConvertible {
    var formula: String
    var offset: Int
    var message: String
    /// What the case is, where the formula is too long to serve as its name.
    var name: String? = nil
    var testDescription: String { name ?? formula }
  }

  static let syntaxCases: [SyntaxCase] = [
    SyntaxCase(formula: "y x", offset: 2, message: "expected `~` after the response"),
    SyntaxCase(formula: "~ x", offset: 0, message: "expected a response before `~`"),
    SyntaxCase(
      formula: "y ~ x +", offset: 7, message: "expected a column, log(…), exp(…), sqrt(…), I(…) or C(…)"),
    SyntaxCase(formula: "y ~ logg(x)", offset: 4, message: "unknown function `logg`; known: log, exp, sqrt, I, C"),
    SyntaxCase(formula: "y ~ I(x^2", offset: 9, message: "expected `)` to close I("),
    SyntaxCase(formula: "y ~ 2 + x", offset: 4, message: "only 0 and 1 may stand alone as terms (intercept)"),
    SyntaxCase(formula: "y ~ x )", offset: 6, message: "unexpected `)`"),
    // Found by fuzzing: a long `*` chain expanded to 2^k terms (and overflowed the mask past 63).
    SyntaxCase(
      formula: "y ~ a*b*c*d*e*f*g*h*i*j*k", offset: 23,
      message:
        "more than 10 factors joined by '*' would expand to over 1023 terms; write the interactions you want with ':'"),
    // Found by fuzzing: thousands of `(` overflowed the stack; many terms made de-duplication slow.
    SyntaxCase(
      formula: "y ~ I(" + String(repeating: "(", count: 150) + "x" + String(repeating: ")", count: 151), offset: 106,
      message: "the expression is nested more than 100 levels deep", name: "150 parentheses"),
    SyntaxCase(
      formula: "y ~ I(" + String(repeating: "-", count: 150) + "x)", offset: 106,
      message: "the expression is nested more than 100 levels deep", name: "150 signs"),
    SyntaxCase(
      formula: "y ~ " + (0..<1100).map { "x\($0)" }.joined(separator: " + "), offset: 7086,
      message: "the formula has more than 1024 terms", name: "1,100 terms"),
    SyntaxCase(
      formula: "y ~ " + String(repeating: "x + ", count: 2500) + "x", offset: 10_000,
      message: "the formula is longer than 10000 characters", name: "10,005 characters"),
  ]

  @Test(arguments: syntaxCases)
  func syntaxErrorsPointAtTheProblem(_ example: SyntaxCase) {
    #expect(
      throws: EstimationError.formulaSyntax(formula: example.formula, offset: example.offset, message: example.message)
    ) {
      try Formula(parsing: example.formula)
    }
  }

  @Test func syntaxErrorMessageHasACaret() {
    let error = EstimationError.formulaSyntax(formula: "y ~ x +", offset: 7, message: "expected a column")
    #expect(error.description == "formula: expected a column\n  y ~ x +\n         ^")
  }
}
