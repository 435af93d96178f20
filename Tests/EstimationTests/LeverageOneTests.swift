import Foundation
import Testing
import _TestSupport

@testable import Estimation

/// HC2 and HC3 when an observation has leverage 1 (it alone determines a coefficient, e.g. the
/// only row of a dummy): the standard errors that observation influences are undefined and
/// reported so; the others are exact (Fixtures/leverage-one.json, statsmodels, by
/// make_leverage_fixtures.py).
@Suite("Leverage 1 under HC2 and HC3")
struct LeverageOneTests {
  static func fit(_ covariance: CovarianceType, reversed: Bool = false) throws -> Regression {
    var table = try DataTable.read(path: FixtureFiles.path("leverage-one.csv"))
    if reversed {
      let text = try String(contentsOfFile: FixtureFiles.path("leverage-one.csv"), encoding: .utf8)
      let lines = text.split(separator: "\n").map(String.init)
      table = try DataTable.parse(csv: ([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n") + "\n")
    }
    let design = try Design(formula: Formula(parsing: "y ~ x + C(city)"), data: table)
    return try Regression(fitting: design, covariance: covariance)
  }

  @Test(arguments: ["HC2", "HC3"])
  func definedStandardErrorsAgreeWithStatsmodelsAndTheOtherIsUndefined(_ name: String) throws {
    let fixture = try FixtureFiles.json("leverage-one.json")
    let references = try #require(fixture["std_error"] as? [String: [String: Double]])
    for reversed in [false, true] {
      let fit = try Self.fit(CovarianceType(parsing: name), reversed: reversed)
      let reference = try #require(references["\(name)-\(reversed ? "reversed" : "file")"])
      for coefficient in fit.coefficients {
        if coefficient.term == "C(city)[T.zz]" {
          #expect(coefficient.standardError.isNaN && coefficient.t.isNaN && coefficient.pValue.isNaN)
          #expect(coefficient.confidenceLow.isNaN && coefficient.confidenceHigh.isNaN)
          #expect(coefficient.undefinedReason?.contains("h = 1") == true)
          #expect(coefficient.estimate.isFinite, "the estimate itself is fine")
        } else {
          #expect(coefficient.undefinedReason == nil)
          assertClose(
            coefficient.standardError, try #require(reference[coefficient.term]), relative: 1e-10,
            reason: "\(name) SE of \(coefficient.term), rows \(reversed ? "reversed" : "in file order")")
        }
      }
      #expect(fit.fTest == nil, "no joint test over an undefined variance")
    }
    let inFileOrder = try Self.fit(CovarianceType(parsing: name))
    #expect(inFileOrder.leverageOneObservations == ["\(FixtureFiles.path("leverage-one.csv")):19 (city zz, year 2015)"])
    let warning = try #require(inFileOrder.leverageOneWarning)
    #expect(warning.contains("C(city)[T.zz]") && warning.contains("leverage-one.csv:19 (city zz, year 2015)"))
  }

  /// HC0 and HC1 weigh the row by e² = 0: defined, and equal to statsmodels' for every term.
  @Test(arguments: ["HC0", "HC1"])
  func hc0AndHC1AreDefined(_ name: String) throws {
    let fit = try Self.fit(CovarianceType(parsing: name))
    let references = try FixtureFiles.json("leverage-one.json")["std_error"] as? [String: [String: Double]]
    let reference = try #require(references?["\(name)-file"])
    for coefficient in fit.coefficients {
      assertClose(
        coefficient.standardError, try #require(reference[coefficient.term]), relative: 1e-9,
        reason: "\(name) SE of \(coefficient.term)")
    }
    #expect(fit.leverageOneObservations.isEmpty)
  }

  /// Over generated regressions with singleton dummies at random rows (and sometimes several):
  /// the undefined standard errors are exactly those of the singleton dummies, and every other
  /// HC2/HC3 standard error equals the one from the same regression without those rows and
  /// dummies (they contribute nothing to the other coefficients), whatever the row order.
  @Test func otherStandardErrorsAreThoseOfTheRegressionWithoutTheRows() throws {
    var random = SplitMix64(seed: 13_6)
    for trial in 0..<30 {
      let n = 12 + trial % 9
      let singletons = Array(Set((0..<(1 + trial % 3)).map { _ in Int(random.next() % UInt64(n)) })).sorted()
      let x = (0..<n).map { _ in random.nextSymmetricUnit() }
      let z = (0..<n).map { _ in random.nextSymmetricUnit() }
      let y = (0..<n).map { i in 1 + x[i] - 0.5 * z[i] + random.nextSymmetricUnit() * (1 + abs(x[i])) }
      var columns = [("y", y.map { "\($0)" }), ("x", x.map { "\($0)" }), ("z", z.map { "\($0)" })]
      for (k, row) in singletons.enumerated() {
        columns.append(("d\(k)", (0..<n).map { $0 == row ? "1" : "0" }))
      }
      let dummies = singletons.indices.map { "d\($0)" }
      let full = DataTable(columns: columns)
      let kept = (0..<n).filter { !singletons.contains($0) }
      let reduced = DataTable(columns: columns.prefix(3).map { name, cells in (name, kept.map { cells[$0] }) })
      for covariance in [CovarianceType.hc2, .hc3] {
        let fit = try Regression(
          fitting: Design(formula: Formula(parsing: "y ~ x + z + " + dummies.joined(separator: " + ")), data: full),
          covariance: covariance)
        let without = try Regression(
          fitting: Design(formula: Formula(parsing: "y ~ x + z"), data: reduced), covariance: covariance)
        #expect(Set(fit.coefficients.filter { $0.standardError.isNaN }.map(\.term)) == Set(dummies), "trial \(trial)")
        #expect(fit.leverageOneObservations.count == singletons.count)
        for term in ["Intercept", "x", "z"] {
          let expected = try #require(without.coefficient(term)).standardError
          assertClose(
            try #require(fit.coefficient(term)).standardError, expected,
            relative: 1e-10, reason: "\(covariance) SE of \(term), trial \(trial)")
        }
      }
    }
  }
}
