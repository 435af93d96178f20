import LinearAlgebra
import Stochastics
import Testing

@testable import Analysis

@Suite("Tornado")
struct TornadoTests {
  @Test("Linear model: bars are a_i (P95 − P5) of each input about the value at the medians")
  func linear() throws {
    let function = LinearModel()
    let result = try Tornado.run(model: function.model, inputs: function.inputs)
    #expect(result.method == .tornado)
    // |a_i| σ_i: 2, 2, 1.5, 0 → x1 and x2 tie and sort by name.
    #expect(result.rows.map(\.input) == ["x1", "x2", "x3", "x4"])
    let z95 = standardNormalQuantile(0.95)
    let base = zip(function.coefficients, function.means).reduce(0) { $0 + $1.0 * $1.1 }
    for row in result.rows {
      guard case .tornado(let bar) = row.measures else { Issue.record("not a tornado row"); continue }
      let index = Int(row.input.dropFirst())! - 1
      let a = function.coefficients[index], mean = function.means[index], sd = function.sds[index]
      // Sums of a handful of O(10) terms: 1e-12 absolute covers their rounding.
      #expect(abs(bar.base - base) < 1e-12)
      #expect(abs(bar.low - (base - a * sd * z95)) < 1e-12)
      #expect(abs(bar.high - (base + a * sd * z95)) < 1e-12)
      #expect(abs(bar.swing - 2 * abs(a) * sd * z95) < 1e-12)
      #expect(abs(bar.inputLow - (mean - sd * z95)) < 1e-12 && abs(bar.inputHigh - (mean + sd * z95)) < 1e-12)
    }
  }

  @Test("The design has 2d + 1 rows: medians, then each input at its low and high quantile")
  func design() throws {
    let inputs = [
      SensitivityInput(name: "delay", distribution: .poisson(mean: 0.5)),
      SensitivityInput(name: "cost", distribution: .triangular(min: 40, mode: 50, max: 80)),
    ]
    let points = try Tornado.design(inputs: inputs, options: TornadoOptions(lowQuantile: 0.1, highQuantile: 0.9))
    #expect(points.rows == 5 && points.columns == 2)
    // Poisson(0.5): P(0) = 0.607, P(≤1) = 0.910, so quantiles 0.1, 0.5, 0.9 are 0, 0, 1.
    // Triangular(40, 50, 80): median 80 − √(40·30·0.5) and quantiles in closed form.
    let median = 80 - (40.0 * 30 * 0.5).squareRoot()
    let expected: [[Double]] = [
      [0, median], [0, median], [1, median],
      [0, 40 + (40.0 * 10 * 0.1).squareRoot()], [0, 80 - (40.0 * 30 * 0.1).squareRoot()],
    ]
    for row in 0..<5 {
      for column in 0..<2 { #expect(abs(points[row, column] - expected[row][column]) < 1e-12) }
    }
  }

  @Test("Each output is sorted on its own, by decreasing swing")
  func sortedPerOutput() throws {
    let inputs = ["a", "b", "c"].map { SensitivityInput(name: $0, distribution: .uniform(min: 0, max: 1)) }
    let model = PointwiseModel(outputs: [SensitivityOutput(id: "first"), SensitivityOutput(id: "second")]) { x in
      [x[0] + 2 * x[1] + 3 * x[2], 3 * x[0] - 2 * x[1] + x[2] * x[2]]
    }
    let result = try Tornado.run(model: model, inputs: inputs)
    #expect(
      result.rows.map { "\($0.output):\($0.input)" } == [
        "first:c", "first:b", "first:a", "second:a", "second:b", "second:c",
      ])
  }

  @Test("Quantiles out of order are refused")
  func refusals() {
    let inputs = [SensitivityInput(name: "a", distribution: .uniform(min: 0, max: 1))]
    #expect(
      throws: SensitivityError.invalidOption("tornado quantiles must satisfy 0 < low < high < 1, got 0.9 and 0.1")
    ) {
      try Tornado.design(inputs: inputs, options: TornadoOptions(lowQuantile: 0.9, highQuantile: 0.1))
    }
  }
}
