import Foundation
import Testing

@testable import Analysis

/// Are the intervals honest? A small analysis of Ishigami's function (indices known in closed
/// form) is repeated on independent designs; on each design, the 95% intervals of every index
/// must cover the analytic value 90–99% of the time, and their median half-width must be 0.5–2×
/// of 1.96 × the standard deviation of the estimates across the repetitions: neither too narrow
/// (coverage) nor far too wide (width). The repetitions' seeds are pinned, so the outcome is
/// deterministic.
@Suite("Sobol interval calibration")
struct SobolCalibrationTests {
  /// Independent repetitions per design: coverage of a calibrated interval then has a standard
  /// error of 1.5 points, so 90–99% is more than 3 standard errors below 95% and 2.6 above.
  static let repetitions = 200

  enum Design: String, CaseIterable, CustomTestStringConvertible, Sendable {
    /// Independent points: percentile bootstrap intervals.
    case random
    /// Scrambled Sobol points in 8 independent scramblings: intervals from the replicates.
    case replicatedSobol

    func sampling(seed: UInt64) -> BaseSampling {
      switch self {
      case .random: .random(seed: seed)
      case .replicatedSobol: .sobol(scrambleSeed: seed, replicates: 8)
      }
    }

    var testDescription: String { rawValue }
  }

  @Test(
    "95% intervals cover the analytic indices 90–99% of the time and are as wide as the estimates' spread",
    arguments: Design.allCases)
  func calibrated(design: Design) throws {
    let function = Ishigami()
    let truth = function.firstOrder + function.totalOrder
    let labels = ["S1", "ST"].flatMap { index in ["x1", "x2", "x3"].map { "\(index) \($0)" } }
    var estimates = [[Double]](repeating: [], count: truth.count)
    var halfWidths = [[Double]](repeating: [], count: truth.count)
    var covered = [Int](repeating: 0, count: truth.count)
    for repetition in 0..<Self.repetitions {
      let seed = UInt64(repetition + 1)
      let saltelli = try SaltelliDesign(
        inputs: function.inputs, baseSamples: 512, sampling: design.sampling(seed: seed))
      let options = SobolOptions(resamples: 200, seed: seed, minimumBaseSamples: 0)
      let result = try SobolIndices.run(model: function.model, design: saltelli, options: options)
      let measures = result.rows.compactMap { row -> SobolMeasures? in
        if case .sobol(let m) = row.measures { return m }
        return nil
      }
      let intervals = measures.map { ($0.s1, $0.s1Low, $0.s1High) } + measures.map { ($0.st, $0.stLow, $0.stHigh) }
      for (index, (estimate, low, high)) in intervals.enumerated() {
        estimates[index].append(estimate)
        halfWidths[index].append((high - low) / 2)
        if low <= truth[index] && truth[index] <= high { covered[index] += 1 }
      }
    }
    for index in truth.indices {
      let coverage = Double(covered[index]) / Double(Self.repetitions)
      let values = estimates[index]
      let mean = values.reduce(0, +) / Double(values.count)
      let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
      let ratio = median(halfWidths[index]) / (1.96 * sd)
      #expect((0.90...0.99).contains(coverage), "\(design) \(labels[index]): coverage \(coverage)")
      #expect((0.5...2).contains(ratio), "\(design) \(labels[index]): half-width / (1.96 sd) = \(ratio)")
    }
  }

  private func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
