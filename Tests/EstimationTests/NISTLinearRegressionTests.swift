import Foundation
import Testing
import _TestSupport

@testable import Estimation

/// The eleven NIST StRD linear least-squares sets (the one copy, in LinearAlgebraTests/Fixtures/nist/,
/// copied from the project's reference folder with SOURCES.md and numpy_digits.json, which record
/// where they came from and what other libraries achieve).
///
/// Each set is fitted through the formula route a user would take, and the number of correct
/// significant digits (LRE, McCullough 1998) is asserted per set for the estimates, their
/// standard errors, the residual standard deviation and R² (uncentred for NoInt1/NoInt2, as NIST
/// certifies them). The floors are the digits the rank-revealing Householder route reaches in
/// double precision — the "numpy.linalg.qr + triangular solve" and "scipy gelsy" columns of
/// numpy_digits.json — less about one digit for differences between BLAS builds; each row says
/// where its floor comes from. Wampler1/2 are exact fits with certified SE and residual SD of 0,
/// so those are absolute errors.
@Suite("NIST StRD linear regression")
struct NISTLinearRegressionTests {
  struct Floor: Sendable, CustomTestStringConvertible {
    var name: String
    var beta: Double
    var standardError: Double
    var residualSD: Double
    var rSquared: Double
    var testDescription: String { name }
  }

  // QR-route digits (numpy QR / gelsy) in numpy_digits.json: β / SE / s / R².
  static let floors: [Floor] = [
    Floor(name: "Norris", beta: 11, standardError: 13, residualSD: 13, rSquared: 14),  // 12.1/14.0/14.1/15.0
    Floor(name: "Pontius", beta: 11, standardError: 12, residualSD: 12, rSquared: 14),  // 12.2/13.7/13.8/15.0
    Floor(name: "NoInt1", beta: 14, standardError: 14, residualSD: 14, rSquared: 14),  // 14.7/15.0/15.0/15.0
    Floor(name: "NoInt2", beta: 14, standardError: 14, residualSD: 14, rSquared: 14),  // 15.0/14.9/15.0/15.0
    // Filip: 8.1/8.1/7.8/10.0 (gelsy 7.8/7.5/7.7/9.9)
    Floor(name: "Filip", beta: 7, standardError: 7, residualSD: 7, rSquared: 9),
    Floor(name: "Longley", beta: 10, standardError: 11, residualSD: 11, rSquared: 13),  // 10.9/12.3/12.4/14.4
    Floor(name: "Wampler1", beta: 8, standardError: 8, residualSD: 8, rSquared: 14),  // 9.2/9.5/9.5/15.0
    Floor(name: "Wampler2", beta: 12, standardError: 13, residualSD: 13, rSquared: 14),  // 13.7/14.3/14.3/15.0
    Floor(name: "Wampler3", beta: 8, standardError: 12, residualSD: 13, rSquared: 14),  // 9.2/13.5/14.0/15.0
    Floor(name: "Wampler4", beta: 7, standardError: 12, residualSD: 13, rSquared: 14),  // 7.8/13.6/14.8/15.0
    Floor(name: "Wampler5", beta: 5, standardError: 12, residualSD: 13, rSquared: 12),  // 5.9/13.6/14.8/13.2
  ]

  /// The digits achieved on one set: minima over parameters for β and SE.
  struct Digits {
    var beta: Double, standardError: Double, residualSD: Double, rSquared: Double, rank: Int, parameters: Int

    /// The quantities below their floor, each as "name digits < floor"; empty when all reach it.
    func shortfalls(below floor: Floor) -> [String] {
      let pairs = [
        ("β", beta, floor.beta), ("SE", standardError, floor.standardError),
        ("s", residualSD, floor.residualSD), ("R²", rSquared, floor.rSquared),
      ]
      return pairs.filter { !($0.1 >= $0.2) }.map { String(format: "%@ %.1f < %.0f", $0.0, $0.1, $0.2) }
    }
  }

  static func digits(_ name: String) throws -> Digits {
    let certified = try FixtureFiles.json(atPath: FixtureFiles.nistPath("\(name).certified.json"))
    let model = certified["model"] as! [String: Any]
    let values = certified["certified"] as! [String: Any]
    let formula: String
    if model["kind"] as! String == "polynomial" {
      let degree = model["degree"] as! Int
      let powers = (1...degree).map { $0 == 1 ? "x" : "I(x^\($0))" }
      formula = "y ~ " + powers.joined(separator: " + ") + ((model["intercept"] as! Bool) ? "" : " - 1")
    } else {
      formula = "y ~ " + (model["predictors"] as! [String]).joined(separator: " + ")
    }
    let data = try DataTable.read(path: FixtureFiles.nistPath("\(name).csv"))
    let design = try Design(formula: Formula(parsing: formula), data: data)
    let fit = try Regression(fitting: design)

    let beta = values["parameters"] as! [Double]
    let se = values["parameter_std_dev"] as! [Double]
    return Digits(
      beta: zip(fit.coefficients, beta).map { correctDigits($0.estimate, certified: $1) }.min()!,
      standardError: zip(fit.coefficients, se).map { correctDigits($0.standardError, certified: $1) }.min()!,
      residualSD: correctDigits(fit.residualStandardError, certified: values["residual_std_dev"] as! Double),
      rSquared: correctDigits(fit.rSquared, certified: values["r_squared"] as! Double),
      rank: fit.rank, parameters: beta.count)
  }

  @Test(arguments: floors)
  func certifiedDigits(_ floor: Floor) throws {
    let achieved = try Self.digits(floor.name)
    #expect(achieved.rank == achieved.parameters, "every NIST model is identifiable")
    #expect(achieved.shortfalls(below: floor).isEmpty, "digits below the floor: \(achieved.shortfalls(below: floor))")
  }

  /// Prints the digits table of the README (run with `--filter nistDigitsTable` to see it) and
  /// asserts every number it prints against that set's floor.
  @Test func nistDigitsTable() throws {
    var lines = ["| Dataset | β | SE | s | R² |", "|---|---|---|---|---|"]
    var shortfalls: [String] = []
    for floor in Self.floors {
      let d = try Self.digits(floor.name)
      lines.append(
        String(
          format: "| %@ | %.1f | %.1f | %.1f | %.1f |", floor.name, d.beta, d.standardError, d.residualSD, d.rSquared))
      shortfalls += d.shortfalls(below: floor).map { "\(floor.name): \($0)" }
    }
    print(lines.joined(separator: "\n"))
    #expect(lines.count == Self.floors.count + 2)
    #expect(shortfalls.isEmpty, "printed digits below their floors: \(shortfalls)")
  }
}
