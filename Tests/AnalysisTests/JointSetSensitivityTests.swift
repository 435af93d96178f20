import LinearAlgebra
import Stochastics
import Testing

@testable import Analysis

/// An estimate set (standard-normal coordinates drawn jointly) is one row of the tornado and of
/// the regression method, as it is one factor of the Sobol indices.
@Suite("Joint sets in the tornado and the regression")
struct JointSetSensitivityTests {
  /// y = 3·z₁ + 4·z₂ + x with z₁, z₂ the coordinates of the set `r.estimates` and x on its own,
  /// all standard normal, the set's coordinates listed around x.
  static let inputs = ["z1", "x", "z2"].map { SensitivityInput(name: $0, distribution: .normal(mean: 0, sd: 1)) }
  static let sets = ["z1": "r.estimates", "z2": "r.estimates"]
  static let model = PointwiseModel(outputs: [SensitivityOutput(id: "y", year: 2030)]) { p in
    [3 * p[0] + p[1] + 4 * p[2]]
  }

  @Test("Tornado: the set is one bar, its output's own P5–P95 under the joint draw, base ∓ q·|g|")
  func tornadoBarOfASet() throws {
    let points = try Tornado.design(inputs: Self.inputs)
    let values = try Self.model.evaluate(points)
    let result = try Tornado.analyze(
      inputs: Self.inputs, points: points, outputs: Self.model.outputs, values: values, jointSets: Self.sets)
    #expect(result.rows.map(\.input) == ["r.estimates", "x"], "one bar for the set, none for its coordinates")
    let z95 = standardNormalQuantile(0.95)
    guard case .tornado(let set) = result.rows[0].measures, case .tornado(let x) = result.rows[1].measures else {
      Issue.record("not tornado rows")
      return
    }
    // 3z₁ + 4z₂ is N(0, 5²): its P5 and P95 are ∓5·z95, where each coordinate alone gives ∓3 or ∓4·z95.
    #expect(abs(set.low + 5 * z95) < 1e-12 && abs(set.high - 5 * z95) < 1e-12)
    #expect(abs(set.swing - 10 * z95) < 1e-12 && set.base == 0)
    #expect(abs(set.inputLow + z95) < 1e-12 && abs(set.inputHigh - z95) < 1e-12)
    #expect(abs(x.swing - 2 * z95) < 1e-12, "an input outside the set is unchanged")
  }

  @Test("Regression: the set's SRC is √ of the R² its coordinates add together")
  func regressionRowOfASet() throws {
    let count = 4000
    let sample = try monteCarloSample(of: Self.inputs, count: count, sampling: .random(seed: 7))
    let values = try Self.model.evaluate(sample)
    let result = try StandardisedRegression.analyze(
      inputs: Self.inputs, sample: sample, outputs: Self.model.outputs, values: values, jointSets: Self.sets)
    #expect(result.rows.map(\.input) == ["r.estimates", "x"], "the set in place of its first coordinate")
    guard case .regression(let set) = result.rows[0].measures, case .regression(let x) = result.rows[1].measures
    else {
      Issue.record("not regression rows")
      return
    }
    // Var y = 9 + 16 + 1: the set holds 25/26 of it, x 1/26; a sample of 4000 errs by ~1 %.
    #expect(abs(set.src - (25.0 / 26).squareRoot()) < 0.01, "\(set.src)")
    #expect(abs(x.src - (1.0 / 26).squareRoot()) < 0.01, "\(x.src)")
    #expect(abs(set.rSquared - 1) < 1e-12)
    // The fit is exact: what the set adds is all that x leaves, so the shares add up to R² = 1.
    let xAlone = try StandardisedRegression.analyze(
      inputs: [Self.inputs[1]], sample: Matrix(rows: count, columns: 1, elements: sample.column(1)),
      outputs: Self.model.outputs, values: values)
    guard case .regression(let alone) = xAlone.rows[0].measures else { return }
    #expect(abs(set.src * set.src + alone.src * alone.src - 1) < 1e-10)
  }

  @Test("Regression: a set of one coordinate has that input's |PRCC| (the partial R² identity)")
  func aSetOfOneIsItsInput() throws {
    let function = LinearModel()
    let sample = try monteCarloSample(of: function.inputs, count: 500, sampling: .random(seed: 3))
    let values = try function.model.evaluate(sample)
    let plain = try StandardisedRegression.analyze(
      inputs: function.inputs, sample: sample, outputs: function.model.outputs, values: values)
    let joint = try StandardisedRegression.analyze(
      inputs: function.inputs, sample: sample, outputs: function.model.outputs, values: values,
      jointSets: ["x2": "alone"])
    #expect(joint.rows.map(\.input) == ["x1", "alone", "x3", "x4"])
    guard case .regression(let input) = plain.rows[1].measures, case .regression(let set) = joint.rows[1].measures
    else {
      Issue.record("not regression rows")
      return
    }
    #expect(abs(set.prcc - abs(input.prcc)) < 1e-10, "\(set.prcc) vs \(input.prcc)")
    #expect(set.src > 0 && abs(set.src - abs(input.src)) < 0.05, "semipartial ≈ |SRC| for independent inputs")
  }
}
