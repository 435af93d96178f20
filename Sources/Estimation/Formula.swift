import Foundation

/// A model written as a formula, in a documented subset of R/patsy notation:
///
///     y ~ x1 + log(x2) + I(x3^2) + x4:x5 + C(city) - 1
///
/// - `a + b` adds terms; `a:b` is the product of a and b (an interaction); `a*b` means
///   `a + b + a:b`; `- term` removes a term; `- 1` or `+ 0` removes the intercept, `+ 1` keeps it.
/// - Functions of a column: `log` (natural), `exp`, `sqrt`; `I(…)` evaluates arithmetic with
///   `+ - * /` and powers `^` (or `**`) as written, so `I(x^2)` is the square of x.
/// - `C(column)` is a categorical column: treatment dummies, levels sorted (numerically when all
///   levels are numbers), the first level the base, named `C(column)[T.level]`; without an
///   intercept the first categorical gets a dummy for every level, named `C(column)[level]`.
///   Inside an interaction a categorical gets every level unless the term without it is in the
///   model, in which case it is treatment-coded.
/// - The response may be a column or any expression (`log(y)`, `I(y/1000)`).
///
/// Term names follow patsy: `Intercept`, the text as written (`log(x2)`, `I(x3^2)`), `a:b`; so
/// does the column order (intercept, then categorical-only terms, then the others grouped by
/// their numeric factors, lower order first).
public struct Formula: Sendable, Equatable {
  public var response: Expression
  public var responseText: String
  public var terms: [Term]
  public var hasIntercept: Bool

  /// A product of factors; a main effect has one factor.
  public struct Term: Sendable, Hashable {
    public var factors: [Factor]
    public var name: String { factors.map(\.name).joined(separator: ":") }
  }

  /// A numeric expression of the columns, or a categorical column.
  public enum Factor: Sendable, Hashable {
    case numeric(Expression, text: String)
    case categorical(column: String)

    public var name: String {
      switch self {
      case let .numeric(_, text): text
      case let .categorical(column): "C(\(column))"
      }
    }
  }

  /// Arithmetic on columns.
  public indirect enum Expression: Sendable, Hashable {
    case column(String)
    case constant(Double)
    case function(Function, Expression)
    case binary(Operator, Expression, Expression)
    case negate(Expression)

    public enum Function: String, Sendable, CaseIterable {
      case log, exp, sqrt
    }

    public enum Operator: String, Sendable {
      case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    }

    /// Every column the expression reads, in order of appearance.
    public var columns: [String] {
      switch self {
      case let .column(name): [name]
      case .constant: []
      case let .function(_, argument): argument.columns
      case let .binary(_, lhs, rhs): lhs.columns + rhs.columns
      case let .negate(argument): argument.columns
      }
    }
  }

  /// Every column the formula reads, without repeats, response first.
  public var columns: [String] {
    var seen: [String] = []
    var all = response.columns
    for term in terms {
      for factor in term.factors {
        switch factor {
        case let .numeric(expression, _): all += expression.columns
        case let .categorical(column): all.append(column)
        }
      }
    }
    for column in all where !seen.contains(column) { seen.append(column) }
    return seen
  }

  public init(response: Expression, responseText: String, terms: [Term], hasIntercept: Bool) {
    self.response = response
    self.responseText = responseText
    self.terms = terms
    self.hasIntercept = hasIntercept
  }

  /// Parses formula text; a syntax error points at the offending character.
  public init(parsing text: String) throws {
    var parser = FormulaParser(text)
    self = try parser.parseFormula()
  }
}
