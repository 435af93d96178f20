import CityModel
import Foundation
import LinearAlgebra
import Testing
import _TestSupport

@testable import Estimation

/// Fixed effects absorbed by the within transformation (`--absorb`): by Frisch–Waugh–Lovell the
/// slopes, residuals and every covariance of the slopes equal those of the regression on dummies,
/// so each case is checked against the dummy-variable fit of the same equation to 1e-10 relative
/// (both are backward-stable QR solutions of designs with condition numbers below 1e3; the
/// two-way demeaning stops at 1e-13 of each column's scale), and against linearmodels' PanelOLS
/// (Fixtures/linearmodels.json, from Fixtures/make_linearmodels_fixtures.py).
@Suite("Fixed effects absorbed by demeaning")
struct AbsorbedFixedEffectsTests {
  static let tight = 1e-10

  static func model() throws -> Model {
    try Model.load(from: URL(fileURLWithPath: FixtureFiles.path("panel-model.yaml")))
  }

  static func panel() throws -> DataTable {
    try DataTable.read(path: FixtureFiles.path("simulated-panel.csv"))
  }

  /// The model's equation fitted with dummies and with the effects absorbed.
  static func fits(
    form: PanelEquation.Form, fe: String, covariance: String
  ) throws -> (
    dummies: Regression, absorbed: Regression
  ) {
    let equation = try PanelEquation(
      model: model(), response: "retail_sales", form: form, fixedEffects: .init(parsing: fe))
    let type = try CovarianceType(parsing: covariance)
    let data = try panel()
    let dummies = try Regression(
      fitting: equation.design(data: data, clusters: type.clusterColumns), covariance: type)
    let absorbed = try Regression(
      fitting: equation.design(data: data, clusters: type.clusterColumns, absorbing: true), covariance: type)
    return (dummies, absorbed)
  }

  /// Slopes, standard errors, their covariance block, df, R² and residual SE of `absorbed` equal
  /// those of `dummies`.
  static func expectAgreement(_ absorbed: Regression, _ dummies: Regression, _ label: String) throws {
    #expect(absorbed.observationCount == dummies.observationCount, "\(label)")
    #expect(absorbed.residualDF == dummies.residualDF, "\(label): n − k − absorbed levels")
    #expect(absorbed.modelDF == dummies.modelDF, "\(label)")
    #expect(absorbed.inferenceDF == dummies.inferenceDF, "\(label)")
    #expect(absorbed.rank + (absorbed.absorbed?.degreesOfFreedom ?? 0) == dummies.rank, "\(label)")
    let positions = try absorbed.coefficients.map { slope in
      try #require(dummies.coefficients.firstIndex { $0.term == slope.term }, "\(label): \(slope.term)")
    }
    for (mine, theirs) in zip(absorbed.coefficients, positions.map { dummies.coefficients[$0] }) {
      assertClose(mine.estimate, theirs.estimate, relative: tight, reason: "\(label): β of \(mine.term)")
      assertClose(mine.standardError, theirs.standardError, relative: tight, reason: "\(label): SE of \(mine.term)")
      assertClose(mine.pValue, theirs.pValue, relative: 1e-8, absolute: 1e-300, reason: "\(label): p of \(mine.term)")
    }
    let block = Matrix(rowMajor: positions.map { a in positions.map { dummies.covariance[a, $0] } })
    assertClose(absorbed.covariance, block, relative: tight, reason: "\(label): covariance")
    assertClose(absorbed.rSquared, dummies.rSquared, relative: tight, reason: "\(label): R² of the full model")
    assertClose(absorbed.adjustedRSquared, dummies.adjustedRSquared, relative: tight, reason: "\(label): adj. R²")
    assertClose(
      absorbed.residualStandardError, dummies.residualStandardError, relative: tight, reason: "\(label): residual SE")
  }

  static let covariances = ["classical", "hc0", "hc1", "hc2", "hc3", "cluster:city", "cluster:city,year"]

  @Test(arguments: ["city", "year", "city,year"], covariances)
  func agreesWithTheDummyVariableFit(fe: String, covariance: String) throws {
    let twoWayLeverage = fe == "city,year" && (covariance == "hc2" || covariance == "hc3")
    for form in PanelEquation.Form.allCases where !twoWayLeverage {
      let (dummies, absorbed) = try Self.fits(form: form, fe: fe, covariance: covariance)
      #expect(absorbed.absorbed?.factors.map(\.column) == fe.split(separator: ",").map(String.init))
      #expect(!absorbed.coefficients.contains { $0.term == "Intercept" || $0.term.hasPrefix("C(") })
      try Self.expectAgreement(absorbed, dummies, "\(form) --fe \(fe) --se \(covariance)")
    }
  }

  @Test func twoWayLeverageAndRidgeAreRefused() throws {
    let leverageRefusal = EstimationError.invalidOption(
      "HC3 needs the leverage of the two absorbed fixed effects, which is not computed; "
        + "use hc1 or a cluster covariance, absorb one factor, or fit dummies (without --absorb)")
    #expect(throws: leverageRefusal) { try Self.fits(form: .differences, fe: "city,year", covariance: "hc3") }
    let equation = try PanelEquation(model: Self.model(), response: "retail_sales")
    let design = try equation.design(data: Self.panel(), absorbing: true)
    let ridgeRefusal = EstimationError.invalidOption(
      "--ridge cannot be combined with absorbed fixed effects (--absorb)")
    #expect(throws: ridgeRefusal) { try Regression(fitting: design, ridge: 1) }
    let none = try PanelEquation(model: Self.model(), response: "retail_sales", fixedEffects: .init(parsing: "none"))
    #expect(throws: EstimationError.self) { try none.design(data: Self.panel(), absorbing: true) }
  }

  /// WLS: the weighted group means are the projection in the weighted inner product, so the
  /// weighted fit on dummies is reproduced too (synthetic panel, weights `w`, missing cells).
  @Test(arguments: ["classical", "hc1", "hc3", "cluster:city"])
  func weightedFitAgreesWithDummies(covariance: String) throws {
    let data = try DataTable.read(path: FixtureFiles.path("synthetic-panel.csv"))
    let type = try CovarianceType(parsing: covariance)
    for fe in [["city"], ["city", "year"]] where !(fe.count == 2 && covariance == "hc3") {
      let dummyFormula = "y ~ x1 + log(x2) + " + fe.map { "C(\($0))" }.joined(separator: " + ")
      let dummies = try Regression(
        fitting: Design(
          formula: Formula(parsing: dummyFormula), data: data, weights: "w", clusters: type.clusterColumns),
        covariance: type)
      let absorbed = try Regression(
        fitting: Self.absorbedDesign("y ~ x1 + log(x2) - 1", data: data, absorbing: fe, weights: "w", clusters: type),
        covariance: type)
      try Self.expectAgreement(absorbed, dummies, "WLS \(fe) \(covariance)")
    }
  }

  /// A design from a formula with `absorbing` swept out, as `PanelEquation.design` builds it.
  static func absorbedDesign(
    _ formula: String, data: DataTable, absorbing: [String], weights: String? = nil,
    clusters: CovarianceType = .classical
  ) throws -> Design {
    var design = try Design(
      formula: Formula(parsing: formula), data: data, weights: weights,
      clusters: clusters.clusterColumns + absorbing)
    let groups = Array(design.clusters.suffix(absorbing.count))
    design.clusters.removeLast(absorbing.count)
    try WithinTransformation.absorb(groups, into: &design)
    return design
  }

  /// Cities A, B observed in 2001–2004 and C, D in 2005–2008: the city–year graph has two
  /// components, so the dummies have rank 4 + 8 − 2 (the dummy fit aliases one year) and the
  /// absorbed fit counts 10 df, not 11.
  @Test func disconnectedPanelsCountTheirComponents() throws {
    var rows: [(String, [String])] = [("city", []), ("year", []), ("y", []), ("x", [])]
    for (index, city) in ["A", "B", "C", "D"].enumerated() {
      let years = index < 2 ? 2001...2004 : 2005...2008
      for year in years {
        let x = sin(Double(index * 13 + year)) * 2
        let y = 0.7 * x + Double(index) + 0.1 * Double(year % 7) + cos(Double(year * (index + 3)))
        for (column, value) in zip(0..<4, [city, "\(year)", "\(y)", "\(x)"]) { rows[column].1.append(value) }
      }
    }
    let data = DataTable(columns: rows)
    let absorbed = try Regression(fitting: Self.absorbedDesign("y ~ x - 1", data: data, absorbing: ["city", "year"]))
    let dummies = try Regression(
      fitting: Design(formula: Formula(parsing: "y ~ C(city) + C(year) + x"), data: data))
    #expect(absorbed.absorbed?.degreesOfFreedom == 10)
    #expect(dummies.aliased.count == 1)
    #expect(absorbed.residualDF == Double(16 - 1 - 10))
    try Self.expectAgreement(absorbed, dummies, "disconnected")
  }

  /// Two blocks of 40 cities in disjoint decades, joined by one city observed across the break:
  /// a weakly connected panel, where demeaning by city and by year in turn converges slowly (the
  /// 400-city version of this panel needs more than 10,000 such sweeps); conjugate gradients on
  /// the symmetric sweep take a few.
  @Test func aWeaklyConnectedPanelConvergesAndAgrees() throws {
    var rows: [(String, [String])] = [("city", []), ("year", []), ("y", []), ("x", [])]
    func add(_ city: String, _ years: ClosedRange<Int>, _ seed: Int) {
      for year in years {
        let x = sin(Double(seed * 31 + year * 7)) + Double(year - 2000) / 10
        let y = 0.4 * x + Double(seed % 5) + Double(year % 3) + cos(Double(seed * year))
        for (column, value) in [city, "\(year)", "\(y)", "\(x)"].enumerated() { rows[column].1.append(value) }
      }
    }
    for index in 0..<40 { add("a\(index)", 2000...2009, index) }
    for index in 0..<40 { add("b\(index)", 2010...2019, 100 + index) }
    add("bridge", 2008...2011, 999)
    let data = DataTable(columns: rows)
    let design = try Self.absorbedDesign("y ~ x - 1", data: data, absorbing: ["city", "year"])
    let sweeps = try #require(design.absorbed).sweeps
    #expect(sweeps <= 20, "took \(sweeps) sweeps")
    #expect(design.absorbed?.degreesOfFreedom == 81 + 20 - 1)
    let dummies = try Regression(fitting: Design(formula: Formula(parsing: "y ~ C(city) + C(year) + x"), data: data))
    try Self.expectAgreement(Regression(fitting: design), dummies, "weakly connected")
  }

  /// A regressor constant within each city lies in the span of the city effects: aliased, as
  /// in the dummy fit, and the other slope is unaffected.
  @Test func aCityLevelRegressorIsAliased() throws {
    var rows: [(String, [String])] = [("city", []), ("year", []), ("y", []), ("x", []), ("z", [])]
    for (index, city) in ["A", "B", "C"].enumerated() {
      for year in 2001...2006 {
        let x = Double(year - 2000) * Double(index + 1) + sin(Double(year))
        let values = [
          city, "\(year)", "\(0.5 * x + Double(index) + cos(Double(year * (index + 2))))", "\(x)",
          "\(Double(index) * 1.5 + 0.1)",
        ]
        for (column, value) in values.enumerated() { rows[column].1.append(value) }
      }
    }
    let data = DataTable(columns: rows)
    let absorbed = try Regression(fitting: Self.absorbedDesign("y ~ x + z - 1", data: data, absorbing: ["city"]))
    let dummies = try Regression(fitting: Design(formula: Formula(parsing: "y ~ C(city) + x + z"), data: data))
    #expect(absorbed.aliased == ["z"])
    #expect(dummies.aliased == ["z"])
    try Self.expectAgreement(absorbed, dummies, "city-level regressor")
  }

  /// In a balanced panel the city and year projections commute, so T is itself the projection
  /// and one conjugate-gradient step is exact: a sweep to measure, one for the step, one to
  /// confirm.
  @Test func balancedPanelsConvergeInOneSweep() throws {
    var rows: [(String, [String])] = [("city", []), ("year", []), ("y", []), ("x", [])]
    for city in 0..<6 {
      for year in 0..<5 {
        let x = sin(Double(7 * city + 3 * year))
        let y = x + Double(city) - Double(year) + cos(Double(city * year))
        let values = ["c\(city)", "\(2000 + year)", "\(y)", "\(x)"]
        for (column, value) in values.enumerated() { rows[column].1.append(value) }
      }
    }
    let data = DataTable(columns: rows)
    let design = try Self.absorbedDesign("y ~ x - 1", data: data, absorbing: ["city", "year"])
    #expect(try #require(design.absorbed).sweeps <= 3)
    #expect(design.absorbed?.degreesOfFreedom == 6 + 5 - 1)
    let dummies = try Regression(fitting: Design(formula: Formula(parsing: "y ~ C(city) + C(year) + x"), data: data))
    try Self.expectAgreement(Regression(fitting: design), dummies, "balanced")
  }

  // MARK: linearmodels

  struct Reference: Sendable, CustomTestStringConvertible {
    var name: String
    var testDescription: String { name }
  }

  static var references: [[String: Any]] { try! FixtureFiles.json("linearmodels.json")["cases"] as! [[String: Any]] }
  static var referenceNames: [Reference] { references.map { Reference(name: $0["name"] as! String) } }

  @Test(arguments: referenceNames)
  func agreesWithLinearmodelsPanelOLS(_ named: Reference) throws {
    let reference = try #require(Self.references.first { $0["name"] as? String == named.name })
    let form = try #require(PanelEquation.Form(rawValue: reference["form"] as! String))
    let equation = try PanelEquation(
      model: Self.model(), response: "retail_sales", form: form,
      fixedEffects: .init(parsing: reference["fe"] as! String))
    let type = try CovarianceType(parsing: reference["covariance"] as! String)
    let fit = try Regression(
      fitting: equation.design(data: Self.panel(), clusters: type.clusterColumns, absorbing: true), covariance: type)
    #expect(fit.coefficients.map(\.term) == reference["terms"] as! [String])
    #expect(fit.observationCount == reference["n_obs"] as! Int)
    #expect(fit.residualDF == reference["df_resid"] as! Double)
    for (position, coefficient) in fit.coefficients.enumerated() {
      assertClose(
        coefficient.estimate, (reference["estimate"] as! [Double])[position], relative: Self.tight,
        reason: "β of \(coefficient.term)")
      assertClose(
        coefficient.standardError, (reference["std_error"] as! [Double])[position], relative: Self.tight,
        reason: "SE of \(coefficient.term)")
    }
    assertClose(
      fit.covariance, Matrix(rowMajor: reference["covariance_matrix"] as! [[Double]]), relative: Self.tight,
      reason: "covariance")
    assertClose(fit.rSquared, reference["r_squared"] as! Double, relative: Self.tight, reason: "R² (inclusive)")
  }
}
