import Dispatch
import LinearAlgebra
import Stochastics

// Variance-based sensitivity: Sobol first-order and total-order indices from a Saltelli design.
//
// With the output standardised over the whole design (as SALib does: centring removes the
// bias the first-order estimator has for outputs far from zero), for factor k and base points j:
//
//   V   = var([A; B])                                (population variance of the 2N base runs)
//   S1k = mean_j( B_j · (AB_kj − A_j) ) / V          Saltelli et al. (2010), eq. (b) of Table 2
//   STk = mean_j( (A_j − AB_kj)² ) / (2V)            Jansen (1999), eq. (f) of Table 2
//
// Saltelli, A., Annoni, P., Azzini, I., Campolongo, F., Ratto, M., Tarantola, S. (2010). Variance
// based sensitivity analysis of model output. Computer Physics Communications 181(2), 259–270.
// Jansen, M. J. W. (1999). Analysis of variance designs for model output. Computer Physics
// Communications 117, 35–43.
//
// Intervals depend on how the base points were drawn (`BaseSampling`):
//
// - Independent points: percentile bootstrap intervals over resamples of the N base points (each
//   resample redraws whole rows A_j, AB_·j, B_j, so the estimators' correlation is kept). Every
//   estimate is a ratio of means of per-point terms, so one pass over the N drawn points per
//   resample gives all factors at once: the analysis costs O(N·K) per output and resample.
// - Scrambled Sobol points in R independent randomisations (randomised quasi-Monte Carlo
//   replicates): each replicate block gives its own estimates; the reported index is their mean
//   and its interval mean ± t_{R−1} · sd/√R, sd the standard deviation of the R replicate
//   estimates (Owen 2013, ch. 17). The points of one scrambled set are not independent — they
//   are spread far more evenly — so a bootstrap that resamples them as if they were measures the
//   error of independent points, not the (mostly several times smaller) error of the
//   quasi-Monte Carlo estimate.
//
// Owen, A. B. (2013). Monte Carlo theory, methods and examples, ch. 17 (randomised quasi-Monte
// Carlo). https://artowen.su.domains/mc/

/// Settings of a Sobol analysis.
public struct SobolOptions: Hashable, Sendable {
  /// Bootstrap resamples for the intervals of a design of independent points (at least 10).
  public var resamples: Int
  /// Coverage of the intervals, in (0, 1).
  public var confidenceLevel: Double
  /// Seed of the bootstrap's resampling stream, so intervals are reproducible.
  public var seed: UInt64
  /// Below this many base samples a warning says indices are unstable.
  public var minimumBaseSamples: Int

  public init(
    resamples: Int = 1000, confidenceLevel: Double = 0.95, seed: UInt64 = 0,
    minimumBaseSamples: Int = 500
  ) {
    self.resamples = resamples
    self.confidenceLevel = confidenceLevel
    self.seed = seed
    self.minimumBaseSamples = minimumBaseSamples
  }
}

/// Sobol first- and total-order indices with their intervals, for every output column.
public enum SobolIndices {
  /// Runs `model` on `design.points` and analyses the result.
  public static func run(
    model: some BatchModel, design: SaltelliDesign, options: SobolOptions = SobolOptions()
  ) throws -> SensitivityResult {
    let values = try model.checkedEvaluate(design.points)
    return try analyze(design: design, outputs: model.outputs, values: values, options: options)
  }

  /// Estimates the indices of every factor of `design` for every column of `values`
  /// (`design.runCount` × `outputs.count`, in the design's row order).
  ///
  /// Rows come output by output, factors in design order. An output that does not vary gets
  /// zero indices and a `constantOutput` warning.
  public static func analyze(
    design: SaltelliDesign, outputs: [SensitivityOutput], values: Matrix,
    options: SobolOptions = SobolOptions()
  ) throws -> SensitivityResult {
    guard values.rows == design.runCount, values.columns == outputs.count else {
      throw SensitivityError.valuesShape(
        expectedRows: design.runCount, expectedColumns: outputs.count,
        rows: values.rows, columns: values.columns)
    }
    let intervals = try IntervalMethod(design: design, options: options)
    guard options.confidenceLevel > 0, options.confidenceLevel < 1 else {
      throw SensitivityError.invalidOption("the confidence level must lie in (0, 1), got \(options.confidenceLevel)")
    }
    try checkFinite(values, outputs: outputs)

    var warnings: [SensitivityWarning] = []
    if design.baseSamples < options.minimumBaseSamples {
      warnings.append(
        SensitivityWarning(
          kind: .smallSample, output: nil, input: nil,
          message:
            "only \(design.baseSamples) base samples (\(design.runCount) runs): Sobol indices need about "
            + "\(options.minimumBaseSamples) or more to be stable"
        ))
    }

    let estimator = Estimator(design: design, intervals: intervals, level: options.confidenceLevel)
    let perOutput = concurrentMap(count: outputs.count) { column in
      estimator.estimate(values.elements[(column * values.rows)..<((column + 1) * values.rows)])
    }
    var rows: [SensitivityRow] = []
    rows.reserveCapacity(outputs.count * design.factors.count)
    for (output, estimates) in zip(outputs, perOutput) {
      guard let estimates else {
        warnings.append(
          SensitivityWarning(
            kind: .constantOutput, output: output, input: nil,
            message:
              "\(output) does not vary over the design: there is no variance to apportion, so its indices are "
              + "reported as 0"
          ))
        for factor in design.factors {
          rows.append(
            SensitivityRow(
              input: factor.name, output: output,
              measures: .sobol(SobolMeasures(s1: 0, s1Low: 0, s1High: 0, st: 0, stLow: 0, stHigh: 0))))
        }
        continue
      }
      for (factor, measures) in zip(design.factors, estimates.factors) {
        rows.append(SensitivityRow(input: factor.name, output: output, measures: .sobol(measures)))
      }
      warnings += Self.warnings(
        factors: design.factors.map(\.name), estimates: estimates, output: output,
        level: options.confidenceLevel)
    }
    return SensitivityResult(method: .sobol, rows: rows, warnings: warnings)
  }

  /// The estimates of one output: each factor's indices, each factor's ST − S1 and the sum of
  /// the first-order indices, with their intervals.
  struct OutputEstimates: Sendable {
    var factors: [SobolMeasures]
    /// ST − S1 per factor: never negative for the true indices.
    var totalMinusFirst: [IntervalEstimate]
    var firstOrderSum: IntervalEstimate
  }

  /// An estimate with the bounds of its interval.
  struct IntervalEstimate: Sendable {
    var estimate: Double
    var low: Double
    var high: Double
  }

  /// The signs that the sample is too small for the estimates of one output, each with its reason.
  static func warnings(
    factors: [String], estimates: OutputEstimates, output: SensitivityOutput, level: Double
  ) -> [SensitivityWarning] {
    let percent = "\(Int((level * 100).rounded()))%"
    var warnings: [SensitivityWarning] = []
    for (name, (m, difference)) in zip(factors, zip(estimates.factors, estimates.totalMinusFirst)) {
      if m.s1High < 0 {
        warnings.append(
          SensitivityWarning(
            kind: .negativeFirstOrder, output: output, input: name,
            message:
              "first-order index of \(name) for \(output) is \(format(m.s1)), negative beyond its \(percent) "
              + "interval [\(format(m.s1Low)), \(format(m.s1High))]: too few samples for a stable estimate"
          ))
      }
      if difference.high < 0 {
        warnings.append(
          SensitivityWarning(
            kind: .totalBelowFirstOrder, output: output, input: name,
            message: "total-order index of \(name) for \(output) (\(format(m.st))) lies below its first-order index "
              + "(\(format(m.s1))) by \(format(-difference.estimate)), more than the \(percent) interval of ST − S1 "
              + "[\(format(difference.low)), \(format(difference.high))] allows: the true ST is never below S1, "
              + "so the estimates are not stable (too few samples)"))
      }
    }
    let sum = estimates.firstOrderSum
    if sum.low > 1 {
      warnings.append(
        SensitivityWarning(
          kind: .firstOrderSumAboveOne, output: output, input: nil,
          message: "first-order indices for \(output) add up to \(format(sum.estimate)), above 1 beyond the "
            + "\(percent) interval of their sum [\(format(sum.low)), \(format(sum.high))]: "
            + "too few samples for stable estimates"))
    }
    return warnings
  }

  private static func format(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 1000
    return "\(scaled == 0 ? 0 : scaled)"
  }
}

/// `transform(0) … transform(count − 1)` computed on all cores, in index order. Each call
/// writes only its own slot, so the result does not depend on scheduling.
private func concurrentMap<T: Sendable>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
  let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
  slots.initialize(repeating: nil)
  defer {
    _ = slots.deinitialize()
    slots.deallocate()
  }
  nonisolated(unsafe) let shared = slots
  DispatchQueue.concurrentPerform(iterations: count) { index in
    shared[index] = transform(index)
  }
  return slots.map { $0! }
}

/// How the intervals of a design are computed.
private enum IntervalMethod: Sendable {
  /// Percentile bootstrap over resamples of independent base points.
  case bootstrap(resamples: Int, seed: UInt64)
  /// Mean ± t · sd/√R over the estimates of R independent randomisations.
  case replicates(ReplicateBlocks)

  init(design: SaltelliDesign, options: SobolOptions) throws {
    switch design.sampling {
    case .random:
      guard options.resamples >= 10 else {
        throw SensitivityError.invalidOption(
          "Sobol intervals need at least 10 bootstrap resamples, got \(options.resamples)")
      }
      self = .bootstrap(resamples: options.resamples, seed: options.seed)
    case .sobol:
      guard let blocks = design.replicates else {
        throw SensitivityError.invalidOption(
          "Sobol intervals on scrambled Sobol points need at least 2 independent scramblings (replicates): "
            + "the points of one scrambled set are not independent, so their spread does not measure the error")
      }
      self = .replicates(blocks)
    }
  }
}

/// The per-output computation, with its buffers sized once for the design.
private struct Estimator: Sendable {
  let baseSamples: Int
  let factorCount: Int
  let intervals: IntervalMethod
  let lowProbability: Double
  let highProbability: Double

  init(design: SaltelliDesign, intervals: IntervalMethod, level: Double) {
    baseSamples = design.baseSamples
    factorCount = design.factors.count
    self.intervals = intervals
    lowProbability = (1 - level) / 2
    highProbability = 1 - lowProbability
  }

  /// Terms per base point, laid out point-major so one resampled point adds one contiguous run:
  /// A+B, A²+B², then B·(AB_k − A) for each factor k, then (A − AB_k)² for each factor k.
  private var termCount: Int { 2 + 2 * factorCount }

  /// Statistics per estimate: S1 of each factor, ST of each factor, ST − S1 of each factor, ΣS1.
  private var statisticCount: Int { 3 * factorCount + 1 }

  /// Estimates for one output column, or nil when the output does not vary.
  func estimate(_ column: ArraySlice<Double>) -> SobolIndices.OutputEstimates? {
    let count = Double(column.count)
    let mean = column.reduce(0, +) / count
    let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count
    let sd = variance.squareRoot()
    guard sd > 0, sd > 1e-13 * abs(mean) else { return nil }

    let terms = pointTerms(column, mean: mean, sd: sd)
    let estimates: [SobolIndices.IntervalEstimate]
    switch intervals {
    case .bootstrap(let resamples, let seed):
      estimates = bootstrapped(terms, resamples: resamples, seed: seed)
    case .replicates(let blocks):
      estimates = replicated(terms, blocks: blocks)
    }
    let k = factorCount
    let measures = (0..<k).map { factor in
      let first = estimates[factor], total = estimates[k + factor]
      return SobolMeasures(
        s1: first.estimate, s1Low: first.low, s1High: first.high,
        st: total.estimate, stLow: total.low, stHigh: total.high)
    }
    return SobolIndices.OutputEstimates(
      factors: measures, totalMinusFirst: Array(estimates[(2 * k)..<(3 * k)]), firstOrderSum: estimates[3 * k])
  }

  /// Estimates on all N points with percentile intervals over `resamples` bootstrap resamples.
  private func bootstrapped(_ terms: [Double], resamples: Int, seed: UInt64) -> [SobolIndices.IntervalEstimate] {
    var sums = [Double](repeating: 0, count: termCount)
    accumulate(terms, count: baseSamples, into: &sums) { $0 }
    let point = statistics(sums, points: baseSamples)

    // Statistic-major, so each statistic's resampled values are one contiguous run.
    var draws = [Double](repeating: 0, count: resamples * statisticCount)
    let n = UInt64(baseSamples)
    for resample in 0..<resamples {
      let stream = RandomStream(seed: seed, run: UInt64(resample), key: Self.bootstrapKey)
      accumulate(terms, count: baseSamples, into: &sums) {
        Int(stream.bits(UInt64($0)).multipliedFullWidth(by: n).high)
      }
      for (statistic, value) in statistics(sums, points: baseSamples).enumerated() {
        draws[statistic * resamples + resample] = value
      }
    }
    return point.enumerated().map { statistic, estimate in
      let sorted = draws[(statistic * resamples)..<((statistic + 1) * resamples)].sorted()[...]
      return SobolIndices.IntervalEstimate(
        estimate: estimate,
        low: percentile(sorted: sorted, lowProbability), high: percentile(sorted: sorted, highProbability))
    }
  }

  /// The mean of the replicates' estimates with the interval mean ± t_{R−1} · sd/√R.
  private func replicated(_ terms: [Double], blocks: ReplicateBlocks) -> [SobolIndices.IntervalEstimate] {
    var sums = [Double](repeating: 0, count: termCount)
    let replicates = (0..<blocks.count).map { replicate in
      let range = blocks.range(replicate)
      accumulate(terms, count: range.count, into: &sums) { range.lowerBound + $0 }
      return statistics(sums, points: range.count)
    }
    let r = Double(blocks.count)
    let multiplier = studentTQuantile(highProbability, df: r - 1)
    return (0..<statisticCount).map { statistic in
      let values = replicates.map { $0[statistic] }
      let mean = values.reduce(0, +) / r
      let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (r - 1)
      let halfWidth = multiplier * (variance / r).squareRoot()
      return SobolIndices.IntervalEstimate(estimate: mean, low: mean - halfWidth, high: mean + halfWidth)
    }
  }

  private static let bootstrapKey = StreamKey("sobol.bootstrap")

  private func pointTerms(_ column: ArraySlice<Double>, mean: Double, sd: Double) -> [Double] {
    let stride = factorCount + 2
    let q = termCount
    var terms = [Double](repeating: 0, count: baseSamples * q)
    let start = column.startIndex
    for point in 0..<baseSamples {
      let row = start + point * stride
      let a = (column[row] - mean) / sd
      let b = (column[row + stride - 1] - mean) / sd
      terms[point * q] = a + b
      terms[point * q + 1] = a * a + b * b
      for factor in 0..<factorCount {
        let ab = (column[row + 1 + factor] - mean) / sd
        terms[point * q + 2 + factor] = b * (ab - a)
        terms[point * q + 2 + factorCount + factor] = (a - ab) * (a - ab)
      }
    }
    return terms
  }

  /// Sets `sums` to the sums of the terms of the points `pick(0) … pick(count − 1)`.
  private func accumulate(_ terms: [Double], count: Int, into sums: inout [Double], pick: (Int) -> Int) {
    let q = termCount
    sums.withUnsafeMutableBufferPointer { sum in
      for index in 0..<q { sum[index] = 0 }
      terms.withUnsafeBufferPointer { term in
        for draw in 0..<count {
          let offset = pick(draw) * q
          for index in 0..<q { sum[index] += term[offset + index] }
        }
      }
    }
  }

  /// The statistics (S1, ST, ST − S1 of each factor, then ΣS1) from the sums of the terms of
  /// `points` points.
  private func statistics(_ sums: [Double], points: Int) -> [Double] {
    let n = Double(points)
    let mean = sums[0] / (2 * n)
    let variance = sums[1] / (2 * n) - mean * mean
    guard variance > 0 else { return Array(repeating: 0, count: statisticCount) }
    let first = (0..<factorCount).map { sums[2 + $0] / n / variance }
    let total = (0..<factorCount).map { sums[2 + factorCount + $0] / (2 * n) / variance }
    return first + total + zip(total, first).map { $0 - $1 } + [first.reduce(0, +)]
  }
}
