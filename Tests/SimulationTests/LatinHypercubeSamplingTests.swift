import CityModel
import Foundation
import Stochastics
import Testing

@testable import Simulation

/// `--sampling latin-hypercube`: every parameter has exactly one run in each of the job's
/// equal-probability strata, whatever the blocks, threads or shards.
@Suite struct LatinHypercubeSamplingTests {
  static let (mu, s, y0, runs) = (0.05, 0.01, 1000.0, 1000)

  static func driftOnly() throws -> CompiledScenario {
    try CompiledScenario(
      ScenarioBuilder.scenario(
        indicators: [ScenarioBuilder.response("retail_sales", drift: .normal(mean: mu, sd: s))],
        baseline: ["retail_sales": y0]))
  }

  /// Drift g ~ N(μ, s²), nothing else random: Y(t) = Y0·exp(g·t) rises with g, so the k-th
  /// smallest Y(t) comes from the run in stratum k, Φ((g − μ)/s) ∈ [k/R, (k+1)/R). numpy's linear
  /// P_p lies between order statistics ⌊(R−1)p⌋ and the next, so Φ of the g behind it lies in
  /// [⌊(R−1)p⌋/R, (⌊(R−1)p⌋ + 2)/R]: an invariant, not a statistical tolerance (1e-9 covers the
  /// rounding of log and Φ). Independent draws miss this band by ≈ √(p(1−p)/R) ≈ 16 strata.
  @Test func quantilesOfAMonotoneOutputLieInTheirStrata() throws {
    let result = MonteCarlo.run(
      try Self.driftOnly(),
      options: MonteCarloOptions(runs: Self.runs, threads: 2, blockSize: 96, sampling: .latinHypercube))
    #expect(result.sampling == .latinHypercube)
    let normal = Distribution.normal(mean: Self.mu, sd: Self.s)
    for t in [1, 5, 10] {
      let point = result.point("retail_sales", 2023 + t)
      for (p, value) in zip(SeriesStatistics.probabilities, [point.p5, point.p25, point.p50, point.p75, point.p95]) {
        let u = normal.cdf(log(value / Self.y0) / Double(t))
        let lower = ((Double(Self.runs) - 1) * p).rounded(.down)
        #expect(
          u >= lower / Double(Self.runs) - 1e-9 && u <= (lower + 2) / Double(Self.runs) + 1e-9,
          "t=\(t) p=\(p): Φ = \(u)")
      }
      // The mean of a smooth monotone output converges far faster than independent sampling's
      // standard error σ/√R; 1 % of that error is still generous (R = 1000).
      let exactMean = Self.y0 * exp(Self.mu * Double(t) + Self.s * Self.s * Double(t * t) / 2)
      let exactSD = exactMean * (exp(Self.s * Self.s * Double(t * t)) - 1).squareRoot()
      #expect(abs(point.mean - exactMean) < 0.01 * exactSD / Double(Self.runs).squareRoot(), "t=\(t)")
    }
  }

  /// The design belongs to the job: blocks of any size on any number of threads, and shards
  /// merged in any order, give the single-process result byte for byte.
  @Test func blocksThreadsAndShardsSeeOneDesign() throws {
    let compiled = try ShardMergeTests.compiled.get()
    let options = MonteCarloOptions(runs: 3000, threads: 1, blockSize: 1024, sampling: .latinHypercube)
    let single = MonteCarlo.run(compiled, options: options)
    var other = options
    other.threads = 2
    other.blockSize = 77
    #expect(
      try ReproducibilityTests.json(MonteCarlo.run(compiled, options: other)) == ReproducibilityTests.json(single))
    let parts = try ShardMergeTests.parts(compiled, count: 7, options: options)
    let merged = MonteCarlo.finalise(try PartialRun.merge(ShardMergeTests.shuffled(parts)), threads: 2)
    #expect(try ReproducibilityTests.json(merged) == ReproducibilityTests.json(single))
    // And it is a different design from independent sampling's.
    #expect(MonteCarlo.run(compiled, options: MonteCarloOptions(runs: 3000, threads: 2)).series != single.series)
  }

  /// Every uncertain parameter of the job, gathered from blocks of uneven size, has one run per
  /// stratum of its own distribution.
  @Test func everyParameterIsStratified() throws {
    let compiled = try ShardMergeTests.compiled.get()
    let runs = 500
    let sampler = LatinHypercubeSampler(seed: compiled.seed, runs: runs)
    let parameters = compiled.parameters.filter { !$0.distribution.isFixed }
    #expect(parameters.count >= 3)
    var columns = [[Double]](repeating: [], count: parameters.count)
    for block in [0..<1, 1..<200, 200..<433, 433..<500] {
      var values = [Double](repeating: .nan, count: parameters.count * block.count)
      values.withUnsafeMutableBufferPointer { sampler.sample(parameters, runs: block, into: $0) }
      for p in parameters.indices { columns[p] += values[(p * block.count)..<((p + 1) * block.count)] }
    }
    for (parameter, column) in zip(parameters, columns) {
      // One run per stratum [k/R, (k+1)/R) of F means that for every value v drawn, the number of
      // draws ≤ v is R·F(v) rounded down or up — for discrete families (delays, counts) too.
      // Independent draws are off by about √(R·F(1 − F)), up to 11 here.
      let sorted = column.sorted()
      var worst = 0.0
      for value in Set(sorted) {
        let atOrBelow = Double(sorted.count { $0 <= value })
        worst = max(worst, abs(atOrBelow - Double(runs) * parameter.distribution.cdf(value)))
      }
      #expect(worst <= 1 + 1e-9, "\(parameter.path): \(worst)")
    }
  }

  @Test func partsOfAnotherSamplingAreForeign() throws {
    let compiled = try ShardMergeTests.compiled.get()
    let independent = try ShardMergeTests.parts(compiled, count: 2, options: MonteCarloOptions(runs: 400, threads: 2))
    let stratified = try ShardMergeTests.parts(
      compiled, count: 2, options: MonteCarloOptions(runs: 400, threads: 2, sampling: .latinHypercube))
    #expect(
      ShardMergeTests.mergeError([independent[0], (name: "lhs.json", part: stratified[1].part)])
        == "lhs.json is not a part of the same job as part-1.json: sampling latin-hypercube differs from independent")
  }
}
