// Times `iccsim optimise`'s search on the default model: scenarios/shanghai-baseline.yaml with
// the 1,024 portfolios of scenarios/shanghai-options.yaml, searched exhaustively at 5,000 runs
// each (5.12 million projections), then the front re-evaluated on 5,000 fresh runs, on every
// core. Median of the repetitions (3 unless `--repetitions N`). Each result is checked before its
// time counts: 1,024 portfolios evaluated, a non-empty front within the budget with finite
// figures, and the same front at every repetition. Target: < 60 s on 2 cores.
//
//   swift build -c release --package-path Benchmarks --product optimise-benchmark
//   Benchmarks/.build/release/optimise-benchmark [--repetitions N]      # from the repository root

import Analysis
import BenchmarkSupport
import CityModel
import Foundation
import Simulation

var arguments = Array(CommandLine.arguments.dropFirst())
var repetitions = 3
if let flag = arguments.firstIndex(of: "--repetitions") {
  guard flag + 1 < arguments.count, let count = Int(arguments[flag + 1]), count > 0 else {
    fatalError("--repetitions needs a positive count")
  }
  repetitions = count
}
let runs = 5000
let base = try Scenario.load(from: URL(fileURLWithPath: "scenarios/shanghai-baseline.yaml"))
let options = try PortfolioOptions.load(from: URL(fileURLWithPath: "scenarios/shanghai-options.yaml"), base: base)
let problem = PortfolioProblem(
  base: base, candidates: options.candidates, objectives: options.objectives, budget: options.budget)
let threads = ProcessInfo.processInfo.activeProcessorCount
precondition(problem.space.size == 1024, "the options should give 1,024 portfolios")

func check(_ result: PortfolioOptimisation) {
  precondition(result.evaluated == 1024, "every portfolio evaluated")
  precondition(!result.front.isEmpty, "a front within the budget")
  for entry in result.front {
    let figures = [entry.search, entry.reevaluated]
    precondition(entry.search.costMean <= (options.budget.limit ?? .infinity), "the search's cost within the budget")
    precondition(
      figures.allSatisfy { ($0.objectives + $0.standardErrors + [$0.costMean, $0.costP90]).allSatisfy(\.isFinite) })
  }
}

var seconds: [Double] = []
var first: [String]?
for repetition in 1...repetitions {
  let clock = ContinuousClock()
  let start = clock.now
  let result = try PortfolioOptimisation.run(problem, runs: runs, threads: threads)
  let elapsed = clock.now - start
  check(result)
  let labels = result.front.map { "\($0.label) \($0.search.objectives)" }
  if let first { precondition(first == labels, "repetitions differ") }
  first = labels
  let time = elapsed.seconds
  seconds.append(time)
  print(String(format: "repetition %d: %.2f s, front of %d plans", repetition, time, result.front.count))
}
let median = seconds.sorted()[seconds.count / 2]
print(
  String(
    format: "optimise, 1,024 portfolios × %d runs (+ front re-evaluated), %d threads: median %.2f s (target < 60 s)",
    runs, threads, median))
