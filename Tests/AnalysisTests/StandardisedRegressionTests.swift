import Foundation
import LinearAlgebra
import Stochastics
import Testing

@testable import Analysis

private func regressionMeasures(_ result: SensitivityResult) -> [RegressionMeasures] {
  result.rows.compactMap { row in
    if case .regression(let measures) = row.measures { return measures }
    return nil
  }
}

private func sampleSD(_ values: [Double]) -> Double {
  let mean = values.reduce(0, +) / Double(values.count)
  return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
}

@Suite("Standardised regression")
struct StandardisedRegressionTests {
  @Test("Linear model: R² = 1, SRC_i = a_i·sd(x_i)/sd(y) exactly and a_iσ_i/σ_y up to sampling")
  func linear() throws {
    let function = LinearModel()
    let count = 2000
    let sample = try monteCarloSample(of: function.inputs, count: count, sampling: .random(seed: 21))
    let result = try StandardisedRegression.run(
      model: function.model, inputs: function.inputs, count: count, sampling: .random(seed: 21))
    #expect(result.method == .src && result.warnings.isEmpty)
    #expect(result.rows.map(\.input) == ["x1", "x2", "x3", "x4"])
    let values = try function.model.evaluate(sample)
    let outputSD = sampleSD(values.column(0))
    for (index, measures) in regressionMeasures(result).enumerated() {
      // The fit is exact, so R² is 1 up to rounding of a backward-stable solve (cond ≈ 1).
      #expect(abs(measures.rSquared - 1) < 1e-12)
      // With a perfect fit the slope on standardised data is a_i·sd(x_i)/sd(y) of the sample.
      let exact = function.coefficients[index] * sampleSD(sample.column(index)) / outputSD
      #expect(abs(measures.src - exact) < 1e-10, "x\(index + 1): \(measures.src) vs \(exact)")
      // Against the population value: sample sd ratios err by about 1/√(2n) ≈ 1.6% relative,
      // so 0.03 absolute on coefficients of size ≤ 0.75 is more than 3 standard errors.
      #expect(abs(measures.src - function.standardisedCoefficients[index]) < 0.03)
    }
    // x4 has no effect: its SRC is 0 up to rounding.
    #expect(abs(regressionMeasures(result)[3].src) < 1e-10)
  }

  @Test("SRC, PRCC, R² and rank R² equal numpy's on the same sample (PRCC by another route)")
  func numpyReference() throws {
    let reference = try SALibReference.load().regression
    let bounds: [(Double, Double)] = [(0, 1), (0, 2), (-1, 1), (0, 1)]
    let inputs = zip(reference.names, bounds).map {
      SensitivityInput(name: $0.0, distribution: .uniform(min: $0.1.0, max: $0.1.1))
    }
    let model = PointwiseModel(outputs: [SensitivityOutput(id: "y")]) { x in
      [exp(0.5 * x[0] + 0.3 * x[1]) + 0.2 * pow(x[2], 3)]
    }
    let sample = try monteCarloSample(of: inputs, count: reference.count, sampling: .random(seed: reference.seed))
    for (row, expected) in reference.firstRows.enumerated() {
      #expect(sample.row(row) == Array(expected.prefix(4)), "sample row \(row)")
    }
    let values = try model.evaluate(sample)
    let result = try StandardisedRegression.analyze(
      inputs: inputs, sample: sample, outputs: model.outputs, values: values)
    // Both sides solve well-conditioned (cond ≈ 1) problems by backward-stable SVD, and the
    // PRCC reference inverts the rank correlation matrix: agreement to 1e-10 is far above
    // their rounding (~1e-14) and far below any modelling difference.
    for (index, measures) in regressionMeasures(result).enumerated() {
      #expect(abs(measures.src - reference.src[index]) < 1e-10, "SRC \(index)")
      #expect(abs(measures.prcc - reference.prcc[index]) < 1e-10, "PRCC \(index)")
      #expect(abs(measures.rSquared - reference.rSquared) < 1e-10)
      #expect(abs(measures.rankRSquared - reference.rankRSquared) < 1e-10)
    }
  }

  @Test("PRCC is unchanged by a monotone transformation of the output; SRC and R² are not")
  func monotoneInvariance() throws {
    let inputs = ["a", "b", "c"].map { SensitivityInput(name: $0, distribution: .uniform(min: 0, max: 1)) }
    let model = PointwiseModel(outputs: [SensitivityOutput(id: "linear"), SensitivityOutput(id: "exponential")]) { x in
      let z = 3 * x[0] + x[1] - 0.5 * x[2]
      return [z, exp(4 * z)]
    }
    let result = try StandardisedRegression.run(model: model, inputs: inputs, count: 500, sampling: .random(seed: 5))
    let measures = regressionMeasures(result)
    for index in 0..<3 {
      // Identical ranks give identical computations: equal to the last bits.
      #expect(measures[index].prcc == measures[3 + index].prcc)
    }
    #expect(measures[3].rSquared < 0.7)
    let warning = try #require(result.warnings.first)
    #expect(warning.kind == .lowRSquared && warning.output == "exponential")
    #expect(warning.message.contains("SRCs are not meaningful"))
  }

  @Test("One input: PRCC is Spearman's rank correlation, and ties get average ranks")
  func singleInputSpearman() throws {
    #expect(averageRanks([3, 1, 4, 1, 5][...]) == [3, 1.5, 4, 1.5, 5])
    let input = SensitivityInput(name: "delay", distribution: .poisson(mean: 1.5))
    let sample = try monteCarloSample(of: [input], count: 300, sampling: .random(seed: 8))
    let model = PointwiseModel(outputs: [SensitivityOutput(id: "y")]) { x in [x[0] * x[0]] }
    let result = try StandardisedRegression.run(model: model, inputs: [input], count: 300, sampling: .random(seed: 8))
    // x ≥ 0 so x² is a monotone function of x: same ranks, rank correlation exactly 1.
    #expect(abs(regressionMeasures(result)[0].prcc - 1) < 1e-12)
    #expect(Set(sample.column(0)).count > 3)
  }

  @Test("Too few samples, an input without spread or not finite, and a constant output are handled")
  func refusalsAndConstants() throws {
    let inputs = ["a", "b"].map { SensitivityInput(name: $0, distribution: .uniform(min: 0, max: 1)) }
    let model = PointwiseModel(outputs: [SensitivityOutput(id: "y")]) { x in [x[0] + x[1]] }
    #expect(throws: SensitivityError.tooFewSamples(method: "a regression on 2 inputs", required: 4, given: 3)) {
      try StandardisedRegression.run(model: model, inputs: inputs, count: 3, sampling: .random(seed: 1))
    }
    let fixed = [inputs[0], SensitivityInput(name: "fixed", distribution: .fixed(2))]
    #expect(throws: SensitivityError.inputWithoutSpread("fixed")) {
      try StandardisedRegression.run(model: model, inputs: fixed, count: 50, sampling: .random(seed: 1))
    }
    var broken = try monteCarloSample(of: inputs, count: 10, sampling: .random(seed: 1))
    broken[4, 1] = .infinity
    #expect(throws: SensitivityError.nonFiniteInput(input: "b", sample: 4)) {
      try StandardisedRegression.analyze(
        inputs: inputs, sample: broken, outputs: model.outputs, values: Matrix(rows: 10, columns: 1))
    }
    let constant = PointwiseModel(outputs: [
      SensitivityOutput(id: "base", year: 2023), SensitivityOutput(id: "y", year: 2024),
    ]) { x in
      [7, x[0] - x[1]]
    }
    let result = try StandardisedRegression.run(model: constant, inputs: inputs, count: 50, sampling: .random(seed: 1))
    #expect(result.warnings.map(\.kind) == [.constantOutput])
    #expect(regressionMeasures(result)[0] == RegressionMeasures(src: 0, prcc: 0, rSquared: 0, rankRSquared: 0))
    #expect(abs(regressionMeasures(result)[2].rSquared - 1) < 1e-12)
  }
}
