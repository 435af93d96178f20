import Foundation
import LinearAlgebra
import Stochastics
import Testing

@testable import Analysis

/// Acceptance rule for an analytic index: it must lie inside the 95% percentile bootstrap
/// interval widened twofold about the estimate, [est − 2(est − low), est + 2(high − est)]. For a
/// near-normal estimator that is about ±3.9 standard errors, so a correct estimator fails by
/// chance with probability below 1e-4 per index on a fresh seed (the seeds here are pinned, so
/// the outcome is deterministic). The half-width is also bounded, so a test cannot pass on a
/// uselessly wide interval.
private func expectCovers(
  _ analytic: Double, estimate: Double, low: Double, high: Double, maxHalfWidth: Double,
  _ label: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let widenedLow = estimate - 2 * (estimate - low)
  let widenedHigh = estimate + 2 * (high - estimate)
  #expect(low <= estimate && estimate <= high, "\(label): estimate outside its own interval", sourceLocation: sourceLocation)
  #expect(widenedLow <= analytic && analytic <= widenedHigh,
          "\(label): analytic \(analytic) outside [\(widenedLow), \(widenedHigh)] (estimate \(estimate))",
          sourceLocation: sourceLocation)
  #expect((high - low) / 2 < maxHalfWidth, "\(label): interval too wide to test anything", sourceLocation: sourceLocation)
}

private func sobolMeasures(_ result: SensitivityResult) -> [SobolMeasures] {
  result.rows.compactMap { row in
    if case .sobol(let measures) = row.measures { return measures }
    return nil
  }
}

private func expectAnalytic(
  _ result: SensitivityResult, firstOrder: [Double], totalOrder: [Double], maxHalfWidth: Double,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let measures = sobolMeasures(result)
  #expect(measures.count == firstOrder.count, sourceLocation: sourceLocation)
  for (index, m) in measures.enumerated() {
    expectCovers(firstOrder[index], estimate: m.s1, low: m.s1Low, high: m.s1High, maxHalfWidth: maxHalfWidth,
                 "S1 of \(result.rows[index].input)", sourceLocation: sourceLocation)
    expectCovers(totalOrder[index], estimate: m.st, low: m.stLow, high: m.stHigh, maxHalfWidth: maxHalfWidth,
                 "ST of \(result.rows[index].input)", sourceLocation: sourceLocation)
  }
}

@Suite("Sobol indices")
struct SobolIndicesTests {
  @Test(
    "Ishigami (a = 7, b = 0.1): S1 and ST within the widened bootstrap interval",
    arguments: [BaseSampling.random(seed: 1), .sobol(scrambleSeed: 1)])
  func ishigami(sampling: BaseSampling) throws {
    let function = Ishigami()
    // Known values from the formulas, as published (Saltelli et al. 2010, Table 3), to 4 digits.
    #expect(zip(function.firstOrder, [0.3139, 0.4424, 0]).allSatisfy { abs($0 - $1) < 5e-5 })
    #expect(zip(function.totalOrder, [0.5576, 0.4424, 0.2437]).allSatisfy { abs($0 - $1) < 5e-5 })

    let design = try SaltelliDesign(inputs: function.inputs, baseSamples: 4096, sampling: sampling)
    let result = try SobolIndices.run(model: function.model, design: design)
    #expect(result.rows.map(\.input) == ["x1", "x2", "x3"])
    #expect(result.warnings.isEmpty, "\(result.warnings)")
    expectAnalytic(result, firstOrder: function.firstOrder, totalOrder: function.totalOrder, maxHalfWidth: 0.05)
  }

  @Test(
    "Sobol G (a = 0, 1, 4.5, 9, 99, 99): every input's S1 and ST",
    arguments: [BaseSampling.random(seed: 2), .sobol(scrambleSeed: 2)])
  func sobolG(sampling: BaseSampling) throws {
    let function = SobolG()
    let design = try SaltelliDesign(inputs: function.inputs(), baseSamples: 4096, sampling: sampling)
    let result = try SobolIndices.run(model: function.model, design: design)
    let inputs = function.a.indices.map { [$0] }
    expectAnalytic(result, firstOrder: inputs.map(function.firstOrder), totalOrder: inputs.map(function.totalOrder),
                   maxHalfWidth: 0.06)
  }

  @Test("Sobol G with inputs in two groups: closed and total indices of each group")
  func groupedSobolG() throws {
    let function = SobolG()
    let groups = ["model", "index_method", "model", "index_method", "model", "index_method"]
    let design = try SaltelliDesign(
      inputs: function.inputs(groups: groups), baseSamples: 4096, factors: .groups, sampling: .random(seed: 3))
    #expect(design.factors.map(\.name) == ["model", "index_method"])
    #expect(design.runCount == 4096 * 4)
    let result = try SobolIndices.run(model: function.model, design: design)
    #expect(result.rows.map(\.input) == ["model", "index_method"])
    let members = [[0, 2, 4], [1, 3, 5]]
    expectAnalytic(result, firstOrder: members.map(function.firstOrder), totalOrder: members.map(function.totalOrder),
                   maxHalfWidth: 0.06)
  }

  @Test("Linear model with normal inputs: S1 = ST = a²σ²/Σ, and S1 sums to 1")
  func linear() throws {
    let function = LinearModel()
    let design = try SaltelliDesign(inputs: function.inputs, baseSamples: 4096, sampling: .random(seed: 4))
    let result = try SobolIndices.run(model: function.model, design: design)
    expectAnalytic(result, firstOrder: function.varianceShares, totalOrder: function.varianceShares, maxHalfWidth: 0.05)
    #expect(result.rows.allSatisfy { $0.output == "y" && $0.year == 2030 })
    // x4 has a zero coefficient: AB_4 reproduces A exactly, so its total index is exactly 0.
    let last = try #require(sobolMeasures(result).last)
    #expect(last.st == 0 && last.stLow == 0 && last.stHigh == 0)
  }

  @Test("Point estimates equal SALib's sobol.analyze on the same Ishigami design (to 1e-12)")
  func salibIshigami() throws {
    let reference = try SALibReference.load().ishigami
    let function = Ishigami()
    try expectSALibAgreement(reference, inputs: function.inputs, factors: .inputs, model: function.model)
  }

  @Test("Grouped point estimates equal SALib's with `groups` on the same Sobol G design (to 1e-12)")
  func salibGroupedSobolG() throws {
    let reference = try SALibReference.load().sobolGGrouped
    let function = SobolG()
    try expectSALibAgreement(
      reference, inputs: function.inputs(groups: reference.groups), factors: .groups, model: function.model)
  }

  private func expectSALibAgreement(
    _ reference: SALibReference.SobolCase, inputs: [SensitivityInput], factors: SaltelliDesign.FactorChoice,
    model: PointwiseModel
  ) throws {
    let design = try SaltelliDesign(
      inputs: inputs, baseSamples: reference.baseSamples, factors: factors, sampling: .random(seed: reference.seed))
    let values = try model.evaluate(design.points)
    // The same design: rows rebuilt in Python from the same stream agree bit for bit in the
    // inputs; outputs may differ by an ulp or two between libm and numpy's sin.
    for (row, expected) in reference.firstRows.enumerated() {
      for column in 0..<inputs.count {
        #expect(design.points[row, column] == expected[column], "design row \(row), column \(column)")
      }
      #expect(abs(values[row, 0] - expected[inputs.count]) <= 1e-14 * max(1, abs(expected[inputs.count])))
    }
    // Sum of ~5000 values of order 1–10: a few ulps per term at most.
    #expect(abs(values.elements.reduce(0, +) - reference.ySum) <= 1e-10 * abs(reference.ySum))

    let result = try SobolIndices.analyze(design: design, outputs: model.outputs, values: values)
    let measures = sobolMeasures(result)
    // Same estimators on the same numbers: only summation order differs (numpy sums pairwise),
    // which moves ratios of O(1) means of O(1) terms by well under 1e-12.
    for (index, m) in measures.enumerated() {
      #expect(abs(m.s1 - reference.s1[index]) <= 1e-12, "S1 \(index): \(m.s1) vs SALib \(reference.s1[index])")
      #expect(abs(m.st - reference.st[index]) <= 1e-12, "ST \(index): \(m.st) vs SALib \(reference.st[index])")
      // Intervals: SALib reports z·sd of its own resamples, ours are percentiles of other
      // resamples; both estimate the same sampling spread, so half-widths agree to within 15%
      // (1000 resamples pin a standard deviation to about ±5% at 95%; observed ratios 0.94–1.03).
      let s1HalfWidth = (m.s1High - m.s1Low) / 2
      let stHalfWidth = (m.stHigh - m.stLow) / 2
      #expect(abs(s1HalfWidth / reference.s1Conf[index] - 1) < 0.15, "S1 \(index) half-width \(s1HalfWidth) vs SALib \(reference.s1Conf[index])")
      #expect(abs(stHalfWidth / reference.stConf[index] - 1) < 0.15, "ST \(index) half-width \(stHalfWidth) vs SALib \(reference.stConf[index])")
    }
  }

  @Test("Every output column is analysed on its own: several outputs and years at once")
  func severalOutputs() throws {
    let function = Ishigami()
    let outputs = [2024, 2025, 2026].map { SensitivityOutput(id: "ishigami", year: $0) }
    let scaled = PointwiseModel(outputs: outputs) { x in
      let value = sin(x[0]) + 7 * pow(sin(x[1]), 2) + 0.1 * pow(x[2], 4) * sin(x[0])
      // A positive affine change of the output leaves every index unchanged.
      return [value, 3 * value + 100, 0.5 * value - 4]
    }
    let design = try SaltelliDesign(inputs: function.inputs, baseSamples: 512, sampling: .random(seed: 5))
    let result = try SobolIndices.run(model: scaled, design: design, options: SobolOptions(minimumBaseSamples: 0))
    #expect(result.rows.count == 9)
    #expect(result.rows.map(\.year) == [2024, 2024, 2024, 2025, 2025, 2025, 2026, 2026, 2026])
    let measures = sobolMeasures(result)
    for index in 0..<3 {
      for year in 1..<3 {
        let m = measures[3 * year + index]
        // Standardising each column makes the estimates identical up to rounding (1e-12),
        // and the bootstrap resamples are the same for every column.
        #expect(abs(m.s1 - measures[index].s1) < 1e-12 && abs(m.st - measures[index].st) < 1e-12)
        #expect(abs(m.s1Low - measures[index].s1Low) < 1e-12 && abs(m.stHigh - measures[index].stHigh) < 1e-12)
      }
    }
  }

  @Test("The same seeds give identical results; another bootstrap seed moves only the intervals")
  func deterministic() throws {
    let function = Ishigami()
    let design = try SaltelliDesign(inputs: function.inputs, baseSamples: 256, sampling: .random(seed: 6))
    let first = try SobolIndices.run(model: function.model, design: design)
    let second = try SobolIndices.run(model: function.model, design: design)
    #expect(first == second)
    let reseeded = try SobolIndices.run(model: function.model, design: design, options: SobolOptions(seed: 99))
    #expect(sobolMeasures(reseeded).map(\.s1) == sobolMeasures(first).map(\.s1))
    #expect(sobolMeasures(reseeded).map(\.s1Low) != sobolMeasures(first).map(\.s1Low))
  }

  @Test("Few base samples and a constant output are reported with their reasons")
  func sampleAndConstantWarnings() throws {
    let inputs = Ishigami().inputs
    let model = PointwiseModel(outputs: [SensitivityOutput(id: "index", year: 2023), SensitivityOutput(id: "index", year: 2024)]) { x in
      [42, x[0] + x[1]]
    }
    let design = try SaltelliDesign(inputs: inputs, baseSamples: 128, sampling: .random(seed: 7))
    let result = try SobolIndices.run(model: model, design: design)
    let kinds = result.warnings.map(\.kind)
    #expect(kinds.first == .smallSample)
    #expect(result.warnings[0].message.contains("128 base samples"))
    let constant = try #require(result.warnings.first { $0.kind == .constantOutput })
    #expect(constant.output == "index" && constant.year == 2023)
    // The constant year has zero indices by convention; the other year is analysed.
    #expect(sobolMeasures(result).prefix(3).allSatisfy { $0 == SobolMeasures(s1: 0, s1Low: 0, s1High: 0, st: 0, stLow: 0, stHigh: 0) })
    #expect(sobolMeasures(result)[3].s1 > 0.3)
  }

  @Test("Warning rules: negative S1, ST below S1, and first-order sum above 1, each beyond its interval")
  func warningRules() {
    let output = SensitivityOutput(id: "retail_sales", year: 2030)
    let estimates = SobolIndices.OutputEstimates(
      factors: [
        SobolMeasures(s1: -0.08, s1Low: -0.12, s1High: -0.01, st: 0.02, stLow: 0.01, stHigh: 0.03),
        SobolMeasures(s1: 0.9, s1Low: 0.8, s1High: 1.0, st: 0.6, stLow: 0.5, stHigh: 0.7),
        // Negative but its interval reaches 0, and ST below S1 within the intervals: no warning.
        SobolMeasures(s1: -0.02, s1Low: -0.06, s1High: 0.01, st: 0.3, stLow: 0.2, stHigh: 0.4),
      ],
      firstOrderSum: 1.2, firstOrderSumLow: 1.05, firstOrderSumHigh: 1.3)
    let warnings = SobolIndices.warnings(factors: ["a", "b", "c"], estimates: estimates, output: output, level: 0.95)
    #expect(warnings.map(\.kind) == [.negativeFirstOrder, .totalBelowFirstOrder, .firstOrderSumAboveOne])
    #expect(warnings.map(\.input) == ["a", "b", nil])
    #expect(warnings[0].message == "first-order index of a for retail_sales (2030) is -0.08, negative beyond its 95% interval [-0.12, -0.01]: too few samples for a stable estimate")

    var inside = estimates
    inside.firstOrderSumLow = 0.98
    #expect(!SobolIndices.warnings(factors: ["a", "b", "c"], estimates: inside, output: output, level: 0.95)
      .contains { $0.kind == .firstOrderSumAboveOne })
  }

  @Test("Values that do not match the design, bad options and non-finite outputs are refused")
  func refusals() throws {
    let function = Ishigami()
    let design = try SaltelliDesign(inputs: function.inputs, baseSamples: 16, sampling: .random(seed: 8))
    let outputs = function.model.outputs
    #expect(throws: SensitivityError.valuesShape(expectedRows: 80, expectedColumns: 1, rows: 79, columns: 1)) {
      try SobolIndices.analyze(design: design, outputs: outputs, values: Matrix(rows: 79, columns: 1))
    }
    #expect(throws: SensitivityError.invalidOption("Sobol intervals need at least 10 bootstrap resamples, got 5")) {
      try SobolIndices.analyze(design: design, outputs: outputs, values: Matrix(rows: 80, columns: 1), options: SobolOptions(resamples: 5))
    }
    var values = try function.model.evaluate(design.points)
    values[17, 0] = .nan
    #expect(throws: SensitivityError.nonFiniteOutput(output: "ishigami", sample: 17)) {
      try SobolIndices.analyze(design: design, outputs: outputs, values: values)
    }
    let wrongShape = PointwiseModel(outputs: outputs) { _ in [1, 2] }
    #expect(throws: SensitivityError.modelShape(expectedRows: 80, expectedColumns: 1, rows: 80, columns: 2)) {
      try SobolIndices.run(model: wrongShape, design: design)
    }
  }
}
