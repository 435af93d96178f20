import Reporting
import Testing
import _TestSupport

@testable import Estimation

/// Aliased columns are named and left out; the rest is estimated exactly as if the aliased
/// columns had never been in the model.
@Suite("Rank deficiency")
struct RankDeficiencyTests {
  /// y depends on x and z with noise; `x2` is 2·x, `one` is constant, `s` = x + z.
  static let csv = """
    y,x,z,x2,one,s,g
    1.2,1,0.5,2,1,1.5,a
    2.1,2,0.1,4,1,2.1,b
    2.9,3,0.9,6,1,3.9,a
    4.4,4,0.3,8,1,4.3,b
    4.8,5,0.7,10,1,5.7,c
    6.3,6,0.2,12,1,6.2,c
    7.1,7,0.8,14,1,7.8,a
    """

  static func fit(_ formula: String) throws -> Regression {
    try Regression(fitting: Design(formula: Formula(parsing: formula), data: DataTable.parse(csv: csv)))
  }

  @Test func duplicatedRegressorIsAliasedAndNamed() throws {
    let deficient = try Self.fit("y ~ x + z + x2")
    let reduced = try Self.fit("y ~ x + z")
    #expect(deficient.aliased == ["x2"], "x2 = 2x comes after x, so x2 is the one dropped")
    #expect(deficient.rank == 3)
    #expect(deficient.residualDF == 4)
    #expect(deficient.coefficients.map(\.term) == reduced.coefficients.map(\.term))
    // The same problem, refactored: agreement to rounding (the design is well conditioned).
    assertClose(
      deficient.coefficients.map(\.estimate), reduced.coefficients.map(\.estimate), relative: 1e-12, reason: "estimates"
    )
    assertClose(
      deficient.coefficients.map(\.standardError), reduced.coefficients.map(\.standardError), relative: 1e-12,
      reason: "SEs")
    #expect(deficient.table().contains("Aliased (linearly dependent on earlier terms, not estimated): x2."))
    #expect(try deficient.jsonText().contains("\"aliased\" : [\n    \"x2\"\n  ]"))
  }

  @Test func tableShowsTheFitAndItsNotes() throws {
    let table = try Self.fit("y ~ x + z + x2").table()
    let lines = table.split(separator: "\n").map(String.init)
    #expect(lines[0].trimmingCharacters(in: .whitespaces) == "OLS Regression Results")
    #expect(lines.contains { $0.hasPrefix("No. Observations:") && $0.contains(" 7  F-statistic:") })
    #expect(
      lines.contains { $0.hasPrefix("x ") && $0.split(separator: " ").count == 7 },
      "term, coef, SE, t, p and the interval")
    #expect(!lines.contains { $0.hasPrefix("x2 ") }, "no row for the aliased term")
    #expect(lines.last == "[2] Standard errors assume homoskedastic, independent errors.")
  }

  @Test func linearCombinationDropsTheLaterColumn() throws {
    let fit = try Self.fit("y ~ x + z + s")
    #expect(fit.aliased == ["s"])
  }

  @Test func dummyTrapDropsTheConstantColumnNotADummy() throws {
    // No intercept: C(g) is fully coded, so a constant column `one` is their sum.
    let fit = try Self.fit("y ~ C(g) + x + one - 1")
    #expect(fit.aliased == ["one"])
    #expect(fit.coefficients.map(\.term) == ["C(g)[a]", "C(g)[b]", "C(g)[c]", "x"])
    #expect(fit.rSquaredIsCentred, "the dummies span the constant, so R² is centred as statsmodels does")
    let withIntercept = try Self.fit("y ~ C(g) + x")
    assertClose(fit.rSquared, withIntercept.rSquared, relative: 1e-12, reason: "same column space, same R²")
  }
}
