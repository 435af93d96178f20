import Foundation
import LinearAlgebra
import Stochastics
import Testing

@testable import Analysis

/// Acceptance rule for an analytic index: it must lie inside the estimate's interval at the level
/// of `acceptanceOptions` (99.9%), and the interval must be narrower than `maxHalfWidth` so a test
/// cannot pass on a uselessly wide interval. The intervals are calibrated (`SobolCalibrationTests`),
/// so a correct estimator misses with probability 1e-3 per index on a fresh seed (the seeds here
/// are pinned, so the outcome is deterministic).
private func expectCovers(
  _ analytic: Double, estimate: Double, low: Double, high: Double, maxHalfWidth: Double,
  _ label: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    low <= estimate && estimate <= high, "\(label): estimate outside its own interval", sourceLocation: sourceLocation)
  #expect(
    low <= analytic && analytic <= high,
    "\(label): analytic \(analytic) outside [\(low), \(high)] (estimate \(estimate))",
    sourceLocation: sourceLocation)
  #expect(
    (high - low) / 2 < maxHalfWidth, "\(label): interval too wide to test anything", sourceLocation: sourceLocation)
}

/// The intervals the analytic tests check: 99.9% (resamples enough to place its bootstrap tails).
private let acceptanceOptions = SobolOptions(resamples: 4000, confidenceLevel: 0.999)

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
    expectCovers(
      firstOrder[index], estimate: m.s1, low: m.s1Low, high: m.s1High, maxHalfWidth: maxHalfWidth,
      "S1 of \(result.rows[index].input)", sourceLocation: sourceLocation)
    expectCovers(
      totalOrder[index], estimate: m.st, low: m.stLow, high: m.stHigh, maxHalfWidth: maxHalfWidth,
      "ST of \(result.rows[index].input)", sourceLocation: sourceLocation)
  }
}

@Suite("Sobol indices")
struct SobolIndicesTests {
  @Test(
    "Ishigami (a = 7, b = 0.1): S1 and ST within their 99.9% intervals",
    arguments: [BaseSampling.random(seed: 1), .sobol(scrambleSeed: 1, replicates: 8)])
  func ishigami(sampling: BaseSampling) throws {
    let function = Ishigami()
    // Known values from the formulas, as published (Saltelli et al. 2010, Table 3), to 4 digits.
    #expect(zip(function.firstOrder, [0.3139, 0.4424, 0]).allSatisfy { abs($0 - $1) < 5e-5 })
    #expect(zip(function.totalOrder, [0.5576, 0.4424, 0.2437]).allSatisfy { abs($0 - $1) < 5e-5 })

    let design = try SaltelliDesign(inputs: function.inputs, baseSamples: 4096, sampling: sampling)
    let result = try SobolIndices.run(model: function.model, design: design, options: acceptanceOptions)
    #expect(result.rows.map(\.input) == ["x1", "x2", "x3"])
    #expect(result.warnings.isEmpty, "\(result.warnings)")
    // 0.15: the widest 99.9% interval here is ±0.12 (t₇ = 5.41 at 99.9% with 8 scramblings).
    expectAnalytic(result, firstOrder: function.firstOrder, totalOrder: function.totalOrder, maxHalfWidth: 0.15)
  }

  @Test(
    "Sobol G (a = 0, 1, 4.5, 9, 99, 99): every input's S1 and ST",
    arguments: [BaseSampling.random(seed: 2), .sobol(scrambleSeed: 2, replicates: 8)])
  func sobolG(sampling: BaseSampling) throws {
    let function = SobolG()
    let design = try SaltelliDesign(inputs: function.inputs(), baseSamples: 4096, sampling: sampling)
    let result = try SobolIndices.run(model: function.model, design: design, options: acceptanceOptions)
    let inputs = function.a.indices.map { [$0] }
    expectAnalytic(
      result, firstOrder: inputs.map(function.firstOrder), totalOrder: inputs.map(function.totalOrder),
      maxHalfWidth: 0.08)
  }

  @Test("Sobol G with inputs in two groups: closed and total indices of each group")
  func groupedSobolG() throws {
    let function = SobolG()
    let groups = ["model", "index_method", "model", "index_method", "model", "index_method"]
    let design = try SaltelliDesign(
      inputs: function.inputs(groups: groups), baseSamples: 4096, factors: .groups, sampling: .random(seed: 3))
    #expect(design.factors.map(\.name) == ["model", "index_method"])
    #expect(design.runCount == 4096 * 4)
    let result = try SobolIndices.run(model: function.model, design: design, options: acceptanceOptions)
    #expect(result.rows.map(\.input) == ["model", "index_method"])
    let members = [[0, 2, 4], [1, 3, 5]]
    expectAnalytic(
      result, firstOrder: members.map(function.firstOrder), totalOrder: members.map(function.totalOrder),
      maxHalfWidth: 0.08)
  }

  @Test("Linear model with normal inputs: S1 = ST = a²σ²/Σ, and S1 sums to 1")
  func linear() throws {
    let function = LinearModel()
    let design = try SaltelliDesign(inputs: function.inputs, baseSamples: 4096, sampling: .random(seed: 4))
    let result = try SobolIndices.run(model: function.model, design: design, options: acceptanceOptions)
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
      #expect(
        abs(s1HalfWidth / reference.s1Conf[index] - 1) < 0.15,
        "S1 \(index) half-width \(s1HalfWidth) vs SALib \(reference.s1Conf[index])")
      #expect(
        abs(stHalfWidth / reference.stConf[index] - 1) < 0.15,
        "ST \(index) half-width \(stHalfWidth) vs SALib \(reference.stConf[index])")
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
    let model = PointwiseModel(outputs: [
      SensitivityOutput(id: "index", year: 2023), SensitivityOutput(id: "index", year: 2024),
    ]) { x in
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
    #expect(
      sobolMeasures(result).prefix(3).allSatisfy {
        $0 == SobolMeasures(s1: 0, s1Low: 0, s1High: 0, st: 0, stLow: 0, stHigh: 0)
      })
    #expect(sobolMeasures(result)[3].s1 > 0.3)
  }

  @Test("Warning rules: negative S1, ST below S1, and first-order sum above 1, each beyond its interval")
  func warningRules() {
    let output = SensitivityOutput(id: "retail_sales", year: 2030)
    typealias Interval = SobolIndices.IntervalEstimate
    let estimates = SobolIndices.OutputEstimates(
      factors: [
        SobolMeasures(s1: -0.08, s1Low: -0.12, s1High: -0.01, st: 0.02, stLow: 0.01, stHigh: 0.03),
        // The intervals of S1 and ST overlap, but ST − S1, whose estimators move together, is
        // negative beyond its own interval.
        SobolMeasures(s1: 0.9, s1Low: 0.8, s1High: 1.0, st: 0.85, stLow: 0.75, stHigh: 0.95),
        // Negative but its interval reaches 0, and ST below S1 within the interval of ST − S1.
        SobolMeasures(s1: -0.02, s1Low: -0.06, s1High: 0.01, st: -0.04, stLow: -0.1, stHigh: 0.02),
      ],
      totalMinusFirst: [
        Interval(estimate: 0.1, low: 0.05, high: 0.15), Interval(estimate: -0.05, low: -0.08, high: -0.02),
        Interval(estimate: -0.02, low: -0.05, high: 0.01),
      ],
      firstOrderSum: Interval(estimate: 1.2, low: 1.05, high: 1.3))
    let warnings = SobolIndices.warnings(factors: ["a", "b", "c"], estimates: estimates, output: output, level: 0.95)
    #expect(warnings.map(\.kind) == [.negativeFirstOrder, .totalBelowFirstOrder, .firstOrderSumAboveOne])
    #expect(warnings.map(\.input) == ["a", "b", nil])
    #expect(
      warnings[0].message
        == "first-order index of a for retail_sales (2030) is -0.08, negative beyond its 95% interval [-0.12, "
        + "-0.01]: too few samples for a stable estimate"
    )
    #expect(
      warnings[1].message == "total-order index of b for retail_sales (2030) (0.85) lies below its first-order "
        + "index (0.9) by 0.05, more than the 95% interval of ST − S1 [-0.08, -0.02] allows: the true ST is "
        + "never below "
        + "S1, so the estimates are not stable (too few samples)")

    var inside = estimates
    inside.firstOrderSum.low = 0.98
    #expect(
      !SobolIndices.warnings(factors: ["a", "b", "c"], estimates: inside, output: output, level: 0.95)
        .contains { $0.kind == .firstOrderSumAboveOne })
  }

  @Test(
    "ST below S1 beyond the interval of their difference is reported, on either design",
    arguments: [BaseSampling.random(seed: 11), .sobol(scrambleSeed: 11, replicates: 8)])
  func totalBelowFirstOrderIsReported(sampling: BaseSampling) throws {
    // Values no model of the inputs can give: every AB run halfway between its A and B runs, so
    // ST estimates E[(A − B)²/4]/2V = 1/4 and S1 estimates E[B(B − A)/2]/V = 1/2.
    let inputs = (1...2).map { SensitivityInput(name: "x\($0)", distribution: .uniform(min: 0, max: 1)) }
    let design = try SaltelliDesign(inputs: inputs, baseSamples: 512, sampling: sampling)
    var values = Matrix(rows: design.runCount, columns: 1)
    for point in 0..<512 {
      let a = design.points[point * 4, 0] + design.points[point * 4, 1]
      let b = design.points[point * 4 + 3, 0] + design.points[point * 4 + 3, 1]
      values[point * 4, 0] = a
      values[point * 4 + 1, 0] = (a + b) / 2
      values[point * 4 + 2, 0] = (a + b) / 2
      values[point * 4 + 3, 0] = b
    }
    let result = try SobolIndices.analyze(
      design: design, outputs: [SensitivityOutput(id: "y")], values: values, options: SobolOptions(resamples: 200))
    let below = result.warnings.filter { $0.kind == .totalBelowFirstOrder }
    #expect(below.map(\.input) == ["x1", "x2"], "\(result.warnings)")
    for m in sobolMeasures(result) {
      #expect(abs(m.s1 - 0.5) < 0.1 && abs(m.st - 0.25) < 0.05, "\(m)")
    }
  }

  @Test("Replicated Sobol points: each index is the mean of the replicates' estimates ± t₇ · sd/√8")
  func replicateIntervals() throws {
    let function = Ishigami()
    let design = try SaltelliDesign(
      inputs: function.inputs, baseSamples: 200, sampling: .sobol(scrambleSeed: 12, replicates: 8))
    let blocks = try #require(design.replicates)
    #expect((0..<8).map { blocks.range($0).count } == Array(repeating: 25, count: 8))
    let values = try function.model.evaluate(design.points)
    let measures = sobolMeasures(
      try SobolIndices.analyze(
        design: design, outputs: function.model.outputs, values: values, options: SobolOptions(minimumBaseSamples: 0)))

    // Reference: standardise over the whole design, then the estimators on each block of 25.
    let column = values.elements
    let mean = column.reduce(0, +) / Double(column.count)
    let sd = (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count)).squareRoot()
    let z = column.map { ($0 - mean) / sd }
    let t7 = 2.364624251592785  // scipy.stats.t.ppf(0.975, 7)
    for factor in 0..<3 {
      var first: [Double] = [], total: [Double] = []
      for replicate in 0..<8 {
        let rows = blocks.range(replicate).map { $0 * 5 }
        let ab = rows.map { z[$0 + 1 + factor] }, a = rows.map { z[$0] }, b = rows.map { z[$0 + 4] }
        let both = a + b
        let center = both.reduce(0, +) / 50
        let variance = both.reduce(0) { $0 + $1 * $1 } / 50 - center * center
        first.append(zip(b, zip(ab, a)).reduce(0) { $0 + $1.0 * ($1.1.0 - $1.1.1) } / 25 / variance)
        total.append(zip(a, ab).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / 50 / variance)
      }
      for (values, low, estimate, high) in [
        (first, measures[factor].s1Low, measures[factor].s1, measures[factor].s1High),
        (total, measures[factor].stLow, measures[factor].st, measures[factor].stHigh),
      ] {
        let average = values.reduce(0, +) / 8
        let halfWidth = t7 * (values.reduce(0) { $0 + ($1 - average) * ($1 - average) } / 7 / 8).squareRoot()
        // The same sums in another order: a few ulps of O(1) numbers.
        #expect(
          abs(estimate - average) < 1e-12 && abs(low - (average - halfWidth)) < 1e-12
            && abs(high - (average + halfWidth)) < 1e-12, "factor \(factor): \(low) \(estimate) \(high)")
      }
    }
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
      try SobolIndices.analyze(
        design: design, outputs: outputs, values: Matrix(rows: 80, columns: 1), options: SobolOptions(resamples: 5))
    }
    var values = try function.model.evaluate(design.points)
    values[17, 0] = .nan
    #expect(throws: SensitivityError.nonFiniteOutput(output: "ishigami", sample: 17)) {
      try SobolIndices.analyze(design: design, outputs: outputs, values: values)
    }
    let oneScramble = try SaltelliDesign(inputs: function.inputs, baseSamples: 16, sampling: .sobol(scrambleSeed: 8))
    #expect(
      throws: SensitivityError.invalidOption(
        "Sobol intervals on scrambled Sobol points need at least 2 independent scramblings (replicates): "
          + "the points of one scrambled set are not independent, so their spread does not measure the error")
    ) {
      try SobolIndices.run(model: function.model, design: oneScramble)
    }
    let wrongShape = PointwiseModel(outputs: outputs) { _ in [1, 2] }
    #expect(throws: SensitivityError.modelShape(expectedRows: 80, expectedColumns: 1, rows: 80, columns: 2)) {
      try SobolIndices.run(model: wrongShape, design: design)
    }
  }
}
