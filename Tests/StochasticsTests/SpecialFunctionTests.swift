import Foundation
import Stochastics
import Testing

/// Distribution functions against scipy (Fixtures/special_functions.json, produced by
/// Fixtures/make_special_functions.py).
///
/// The expected values are scipy's, except where scipy is itself off by more than 1e-14 (the
/// script checks every value against a 40-digit mpmath evaluation and keeps the 40-digit value
/// there; the fixture lists those rows under "scipyCorrections").
///
/// Tolerances are relative: 1e-12 everywhere — values down to 1e-300, degrees of freedom from
/// 0.5 to 10⁶, shape parameters from 0.1 to 5·10⁵ and ratios up to 10⁶ between them. Every
/// function is a convergent series, continued fraction or expansion evaluated to ε with
/// prefactors formed so that no large terms cancel; the measured worst case (printed per
/// function) is 1.2e-13, and 1e-12 leaves room for libm differences between platforms. logGamma
/// (glibc, a few ulps) and logBeta are held to 1e-14 and 1e-13.
struct SpecialFunctionTests {
  static let table = try! Fixture.rows("special_functions.json")

  @Test func fixtureIsComplete() {
    #expect(Set(Self.table.keys) == Set(Self.cases.map(\.name)))
  }

  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let function: @Sendable ([Double]) -> Double
    let tolerance: Double
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "normalCDF", function: { normalCDF($0[0]) }, tolerance: 1e-12),
    Case(name: "normalSurvival", function: { normalSurvival($0[0]) }, tolerance: 1e-12),
    Case(name: "standardNormalQuantile", function: { standardNormalQuantile($0[0]) }, tolerance: 1e-12),
    Case(name: "studentTCDF", function: { studentTCDF($0[0], df: $0[1]) }, tolerance: 1e-12),
    Case(name: "studentTSurvival", function: { studentTSurvival($0[0], df: $0[1]) }, tolerance: 1e-12),
    Case(name: "studentTQuantile", function: { studentTQuantile($0[0], df: $0[1]) }, tolerance: 1e-12),
    Case(name: "studentTInverseSurvival", function: { studentTInverseSurvival($0[0], df: $0[1]) }, tolerance: 1e-12),
    Case(name: "chiSquaredCDF", function: { chiSquaredCDF($0[0], df: $0[1]) }, tolerance: 1e-12),
    Case(name: "chiSquaredSurvival", function: { chiSquaredSurvival($0[0], df: $0[1]) }, tolerance: 1e-12),
    Case(name: "chiSquaredQuantile", function: { chiSquaredQuantile($0[0], df: $0[1]) }, tolerance: 1e-12),
    Case(
      name: "chiSquaredInverseSurvival", function: { chiSquaredInverseSurvival($0[0], df: $0[1]) }, tolerance: 1e-12),
    Case(name: "fisherFCDF", function: { fisherFCDF($0[0], df1: $0[1], df2: $0[2]) }, tolerance: 1e-12),
    Case(name: "fisherFSurvival", function: { fisherFSurvival($0[0], df1: $0[1], df2: $0[2]) }, tolerance: 1e-12),
    Case(name: "fisherFQuantile", function: { fisherFQuantile($0[0], df1: $0[1], df2: $0[2]) }, tolerance: 1e-12),
    Case(
      name: "fisherFInverseSurvival", function: { fisherFInverseSurvival($0[0], df1: $0[1], df2: $0[2]) },
      tolerance: 1e-12),
    Case(
      name: "regularizedIncompleteBeta", function: { regularizedIncompleteBeta($0[0], a: $0[1], b: $0[2]) },
      tolerance: 1e-12),
    Case(name: "betaSurvival", function: { betaSurvival($0[0], alpha: $0[1], beta: $0[2]) }, tolerance: 1e-12),
    Case(name: "betaQuantile", function: { betaQuantile($0[0], alpha: $0[1], beta: $0[2]) }, tolerance: 1e-12),
    Case(name: "regularizedGammaP", function: { regularizedGammaP($0[0], $0[1]) }, tolerance: 1e-12),
    Case(name: "regularizedGammaQ", function: { regularizedGammaQ($0[0], $0[1]) }, tolerance: 1e-12),
    Case(name: "logGamma", function: { logGamma($0[0]) }, tolerance: 1e-14),
    Case(name: "logBeta", function: { logBeta($0[0], $0[1]) }, tolerance: 1e-13),
  ]

  @Test(arguments: cases)
  func matchesScipy(_ testCase: Case) throws {
    let rows = try #require(Self.table[testCase.name])
    #expect(!rows.isEmpty)
    var worst = 0.0
    for row in rows {
      let arguments = Array(row.dropLast())
      let expected = row[row.count - 1]
      let actual = testCase.function(arguments)
      let error = relativeError(actual, expected)
      worst = max(worst, error)
      #expect(error <= testCase.tolerance, "\(testCase.name)\(arguments): \(actual) vs scipy \(expected)")
    }
    print("\(testCase.name): worst relative error \(worst) over \(rows.count) values")
  }
}
