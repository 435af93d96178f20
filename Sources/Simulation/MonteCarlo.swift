import CityModel
import Dispatch

/// How many runs, on how many threads, and who hears about progress.
public struct MonteCarloOptions: Sendable {
  public var runs: Int
  public var threads: Int
  /// Runs per block: the unit of work handed to a thread.
  public var blockSize: Int
  /// Called with the number of runs finished so far, in order, from the calling thread.
  public var progress: (@Sendable (Int) -> Void)?

  public init(runs: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount, blockSize: Int = 1024, progress: (@Sendable (Int) -> Void)? = nil) {
    self.runs = runs
    self.threads = threads
    self.blockSize = blockSize
    self.progress = progress
  }
}

import Foundation

/// The Monte Carlo driver: projects a scenario over many runs and summarises every output.
public enum MonteCarlo {
  /// Runs `scenario` and summarises each output per year, the targets and the cost.
  public static func run(_ scenario: CompiledScenario, options: MonteCarloOptions) -> RunResult {
    let sampler = MonteCarloSampler(seed: scenario.seed)
    let years = scenario.horizon + 1
    let summaries = SummaryBank(count: scenario.seriesCount * years)
    var targetMet = [Int](repeating: 0, count: scenario.targets.count)
    var firstMet = [[Int]](repeating: [Int](repeating: 0, count: years + 1), count: scenario.targets.count)
    var diagnostics: [NumericalDiagnostic] = []
    var done = 0
    BlockScheduler(runs: 0..<options.runs, blockSize: options.blockSize, threads: options.threads).forEachWave {
      scenario.project(runs: $0, sampler: sampler)
    } consume: { blocks in
      summaries.absorb(threads: options.threads) { k, summary in
        for block in blocks {
          let n = block.runs.count
          block.values.withUnsafeBufferPointer { values in
            summary.add(contentsOf: UnsafeBufferPointer(rebasing: values[(k * n)..<(k * n + n)]))
          }
        }
      }
      for block in blocks {
        diagnostics.absorb(block.diagnostics)
        for k in targetMet.indices {
          targetMet[k] += block.targetMet[k]
          for t in 0...years { firstMet[k][t] += block.firstMet[k][t] }
        }
        done += block.runs.count
      }
      options.progress?(done)
    }

    let runs = Double(options.runs)
    let statistics = summaries.statistics(threads: options.threads)
    var series: [SeriesPoint] = []
    for (o, output) in scenario.outputs.enumerated() {
      for t in 0..<years {
        let s = statistics[o * years + t]
        series.append(SeriesPoint(
          indicator: output.id, year: scenario.baseYear + t, mean: s.mean, sd: s.sd,
          p5: s.p5, p25: s.p25, p50: s.p50, p75: s.p75, p95: s.p95))
      }
    }
    let cost = (0..<years).map { t in
      let s = statistics[scenario.costSeries * years + t]
      return CostPoint(year: scenario.baseYear + t, mean: s.mean, sd: s.sd, p5: s.p5, p50: s.p50, p95: s.p95)
    }
    let targets = scenario.targets.enumerated().map { k, target in
      var atLeast: Double? = nil, atMost: Double? = nil
      switch target.bound {
      case .atLeast(let x): atLeast = x
      case .atMost(let x): atMost = x
      }
      let firstYears = (0..<years).compactMap { t -> YearProbability? in
        firstMet[k][t] == 0 ? nil : YearProbability(year: scenario.baseYear + t, probability: Double(firstMet[k][t]) / runs)
      }
      return TargetResult(
        indicator: target.output, year: target.year, atLeast: atLeast, atMost: atMost,
        probability: Double(targetMet[k]) / runs, firstMet: firstYears)
    }
    return RunResult(
      scenario: scenario.id, title: scenario.title, city: scenario.city, baseYear: scenario.baseYear,
      horizon: scenario.horizon, runs: options.runs, seed: scenario.seed, outputs: scenario.outputs,
      series: series, targets: targets, cost: cost, diagnostics: diagnostics)
  }
}
