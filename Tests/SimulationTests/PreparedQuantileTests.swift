import CityModel
import Foundation
import Stochastics
import Testing

@testable import Simulation

/// The per-run parameters drawn through prepared inverse CDFs (`QuantileFunction`, whose beta
/// and PERT roots may differ from `Distribution.quantile` in the last bits) project the shipped
/// variant scenario to the same values as direct inverse CDFs, run by run, to 1e-9.
@Suite struct PreparedQuantileTests {
  /// Monte Carlo draws keyed as `MonteCarloSampler` keys them, inverted by `Distribution.quantile`.
  struct DirectInverseCDFSampler: ParameterSampler {
    let seed: UInt64

    func sample(_ parameters: [UncertainParameter], runs: Range<Int>, into values: UnsafeMutableBufferPointer<Double>) {
      let n = runs.count
      for (p, parameter) in parameters.enumerated() {
        for (i, run) in runs.enumerated() {
          let u = RandomStream(seed: seed, run: UInt64(run), key: parameter.key).uniform(0)
          values[p * n + i] = parameter.distribution.quantile(u)
        }
      }
    }

    func noiseRun(_ run: Int) -> Int { run }
  }

  @Test func shippedScenarioProjectsTheSameRunsAsDirectInverseCDFs() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let scenario = try Scenario.load(from: root.appendingPathComponent("scenarios/shanghai-districts-first.yaml"))
    let compiled = try CompiledScenario(scenario)
    #expect(compiled.parameters.contains { if case .beta = $0.distribution { true } else { false } })
    let runs = 0..<2000
    let prepared = compiled.project(runs: runs, sampler: MonteCarloSampler(seed: compiled.seed))
    let direct = compiled.project(runs: runs, sampler: DirectInverseCDFSampler(seed: compiled.seed))
    #expect(prepared.values.count == direct.values.count)
    var worst = 0.0
    for (x, y) in zip(prepared.values, direct.values) where x != y {
      worst = max(worst, abs(x - y) / max(1, abs(y)))
    }
    #expect(worst <= 1e-9, "largest relative difference \(worst)")
    #expect(prepared.targetMet == direct.targetMet)
    #expect(prepared.firstMet == direct.firstMet)
  }
}
