import Foundation
import Testing
import _TestSupport

@testable import Estimation

/// Formulas that use one column both in C() and as a number (Fixtures/mixed-terms.json, written
/// by make_mixed_term_fixtures.py with patsy and statsmodels): the design has patsy's columns in
/// patsy's order, the duplicate information is aliased, and the fit on the kept columns agrees
/// with statsmodels to 1e-10 relative (well-conditioned designs; see StatsmodelsAgreementTests).
@Suite("Columns used both in C() and as numbers")
struct MixedTermTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var formula: String
    var testDescription: String { formula }
  }

  static var cases: [[String: Any]] {
    (try? FixtureFiles.json("mixed-terms.json"))?["cases"] as? [[String: Any]] ?? []
  }
  static var formulas: [Case] { cases.map { Case(formula: $0["formula"] as? String ?? "") } }

  @Test func everyFormulaOfTheIssueIsInTheFixture() {
    #expect(
      Set(Self.formulas.map(\.formula)).isSuperset(of: [
        "AVGEXP ~ C(OWNRENT) + OWNRENT + INCOME", "invest ~ value + C(year):capital + year",
        "invest ~ year + C(year)", "invest ~ log(year) + C(year)",
      ]))
  }

  @Test(arguments: formulas)
  func agreesWithPatsyAndStatsmodels(_ example: Case) throws {
    let reference = try #require(Self.cases.first { $0["formula"] as? String == example.formula })
    let data = try DataTable.read(path: FixtureFiles.path("mixed-terms.csv"))
    let design = try Design(formula: Formula(parsing: example.formula), data: data)
    #expect(design.columnNames == reference["terms"] as? [String], "patsy's column names and order")
    let fit = try Regression(fitting: design)
    #expect(fit.aliased == reference["aliased"] as? [String])
    #expect(fit.rank == reference["rank"] as? Int)
    #expect(fit.coefficients.map(\.term) == reference["kept"] as? [String])
    let rss = try #require(reference["residual_sum_of_squares"] as? Double)
    assertClose(fit.residualSumOfSquares, rss, relative: 1e-10, reason: "RSS, with or without the aliased columns")
    for (coefficient, (estimate, standardError)) in zip(
      fit.coefficients,
      zip(try #require(reference["estimate"] as? [Double]), try #require(reference["std_error"] as? [Double])))
    {
      assertClose(coefficient.estimate, estimate, relative: 1e-10, reason: "estimate of \(coefficient.term)")
      assertClose(coefficient.standardError, standardError, relative: 1e-10, reason: "SE of \(coefficient.term)")
    }
  }

  /// Over small generated tables (2–5 levels, numeric labels at different spacings):
  /// `C(v)` next to any function of v (every function of v is a combination of v's dummies)
  /// aliases that function, whichever is written first, and leaves the fit of C(v) alone.
  @Test func numericFunctionsOfACategoricalColumnAreAliased() throws {
    var random = SplitMix64(seed: 20261205)
    for trial in 0..<40 {
      let levels = 2 + trial % 4
      let rows = 4 * levels + trial % 5
      var v: [String] = [], y: [String] = []
      for row in 0..<rows {
        v.append(String(1 + (row % levels) * (1 + trial % 3)))
        y.append(String(random.nextSymmetricUnit() + Double(row % levels)))
      }
      let table = DataTable(columns: [("v", v), ("y", y)])
      let alone = try Regression(fitting: Design(formula: Formula(parsing: "y ~ C(v)"), data: table))
      for function in ["v", "log(v)", "I(v^2)", "sqrt(v)"] {
        for formula in ["y ~ C(v) + \(function)", "y ~ \(function) + C(v)"] {
          let fit = try Regression(fitting: Design(formula: Formula(parsing: formula), data: table))
          #expect(fit.rank == levels, "\(formula), \(levels) levels")
          assertClose(fit.residualSumOfSquares, alone.residualSumOfSquares, relative: 1e-9, reason: formula)
          #expect(fit.aliased == [function], "categorical terms come first, as in patsy: \(formula)")
        }
      }
    }
  }
}
