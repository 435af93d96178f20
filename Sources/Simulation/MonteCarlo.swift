import CityModel
import Dispatch
import Foundation

/// How many runs, on how many threads, and who hears about progress.
public struct MonteCarloOptions {
  /// Runs of the whole job (a shard runs its part of them).
  public var runs: Int
  public var threads: Int
  /// Runs per block: the unit of work handed to a thread.
  public var blockSize: Int
  /// Called with the number of runs finished so far, in order, from the calling thread.
  public var progress: (@Sendable (Int) -> Void)?
  /// Quantiles are exact up to this many runs per series and come from the sketch beyond.
  public var exactQuantileLimit: Int
  /// Receives every block's raw values, in run order, from the calling thread (`--keep-runs`).
  public var keepRuns: ((RunValues) -> Void)?
  /// How the per-run parameters are drawn.
  public var sampling: Sampling
  /// Asked after every wave of blocks; when it answers true the runs stop early and the result
  /// is incomplete, for the caller to discard (`--keep-runs` stops at its first failed write).
  public var shouldStop: (() -> Bool)?

  public init(
    runs: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount, blockSize: Int = 1024,
    progress: (@Sendable (Int) -> Void)? = nil, exactQuantileLimit: Int = 50_000,
    keepRuns: ((RunValues) -> Void)? = nil, sampling: Sampling = .independent
  ) {
    self.runs = runs
    self.threads = threads
    self.blockSize = blockSize
    self.progress = progress
    self.exactQuantileLimit = exactQuantileLimit
    self.keepRuns = keepRuns
    self.sampling = sampling
  }
}

/// The Monte Carlo driver: projects a scenario over many runs and summarises every output.
///
/// A run is `finalise(accumulate(…, shard: .whole, …))`; a job split into shards runs
/// `accumulate` once per shard (anywhere), then `PartialRun.merge` and `finalise`, with the
/// same result (see `SeriesSummary` for the exact conditions).
public enum MonteCarlo {
  /// Runs `scenario` and summarises each output per year, the targets and the cost.
  public static func run(_ scenario: CompiledScenario, options: MonteCarloOptions) -> RunResult {
    finalise(accumulate(scenario, shard: .whole, options: options), threads: options.threads)
  }

  /// Projects the runs of `shard` out of `options.runs` and keeps their mergeable summaries.
  public static func accumulate(_ scenario: CompiledScenario, shard: Shard, options: MonteCarloOptions) -> PartialRun {
    let sampler = options.sampling.sampler(seed: scenario.seed, runs: options.runs)
    let years = scenario.horizon + 1
    let summaries = SummaryBank(
      count: scenario.seriesCount * years, exactLimit: options.exactQuantileLimit,
      expectedValues: shard.runs(of: options.runs).count)
    var targetMet = [Int](repeating: 0, count: scenario.targets.count)
    var firstMet = [[Int]](repeating: [Int](repeating: 0, count: years + 1), count: scenario.targets.count)
    var diagnostics: [NumericalDiagnostic] = []
    var done = 0
    let scheduler = BlockScheduler(
      runs: shard.runs(of: options.runs), blockSize: options.blockSize, threads: options.threads)
    try? scheduler.forEachWave {
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
        options.keepRuns?(RunValues(block: block))
        diagnostics.absorb(block.diagnostics)
        for k in targetMet.indices {
          targetMet[k] += block.targetMet[k]
          for t in 0...years { firstMet[k][t] += block.firstMet[k][t] }
        }
        done += block.runs.count
      }
      options.progress?(done)
      if options.shouldStop?() == true { throw StopRequested() }
    }

    let targets = scenario.targets.enumerated().map { k, target in
      var atLeast: Double? = nil, atMost: Double? = nil
      switch target.bound {
      case .atLeast(let x): atLeast = x
      case .atMost(let x): atMost = x
      }
      return TargetCount(
        indicator: target.output, year: target.year, atLeast: atLeast, atMost: atMost,
        met: targetMet[k], firstMet: firstMet[k])
    }
    return PartialRun(
      kind: PartialRun.kindTag, scenario: scenario.id, title: scenario.title, city: scenario.city,
      baseYear: scenario.baseYear, horizon: scenario.horizon, seed: scenario.seed, runs: options.runs,
      sampling: options.sampling,
      shard: ShardRuns(shard, totalRuns: options.runs), outputs: scenario.outputs, targets: targets,
      summaries: summaries.all(), diagnostics: diagnostics, meta: nil, goalposts: scenario.goalposts)
  }

  /// The result of a whole job from its state: a run over shard 1/1, or the merge of all shards.
  public static func finalise(_ partial: PartialRun, threads: Int) -> RunResult {
    precondition(
      partial.shard.runs == 0..<partial.runs, "finalise needs the state of every run; merge the shards first")
    let years = partial.years
    let runs = Double(partial.runs)
    let statistics = partial.summaries.parallelMap(threads: threads) { $0.statistics() }
    var series: [SeriesPoint] = []
    for (o, output) in partial.outputs.enumerated() {
      for t in 0..<years {
        series.append(
          SeriesPoint(indicator: output.id, year: partial.baseYear + t, statistics: statistics[o * years + t]))
      }
    }
    let costSeries = partial.outputs.count
    let cost = (0..<years).map { t in
      let s = statistics[costSeries * years + t]
      return CostPoint(year: partial.baseYear + t, mean: s.mean, sd: s.sd, p5: s.p5, p50: s.p50, p95: s.p95)
    }
    let targets = partial.targets.map { target in
      let firstYears = (0..<years).compactMap { t -> YearProbability? in
        target.firstMet[t] == 0
          ? nil : YearProbability(year: partial.baseYear + t, probability: Double(target.firstMet[t]) / runs)
      }
      return TargetResult(
        indicator: target.indicator, year: target.year, atLeast: target.atLeast, atMost: target.atMost,
        probability: Double(target.met) / runs, firstMet: firstYears)
    }
    return RunResult(
      scenario: partial.scenario, title: partial.title, city: partial.city, baseYear: partial.baseYear,
      horizon: partial.horizon, runs: partial.runs, seed: partial.seed, sampling: partial.sampling,
      quantileRankError: (partial.summaries.map(\.rankErrorBound).max() ?? 0) / runs, outputs: partial.outputs,
      series: series, targets: targets, cost: cost, diagnostics: partial.diagnostics,
      goalpostCrossings: partial.goalposts.map { GoalpostCrossing.find(in: series, goalposts: $0) })
  }
}

/// Ends the waves of runs early when `MonteCarloOptions.shouldStop` asks for it.
private struct StopRequested: Error {}
