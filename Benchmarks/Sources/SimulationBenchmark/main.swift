// Times the Monte Carlo engine on the default model (scenarios/shanghai-baseline.yaml: all 24
// indicators, 10 years): 100,000 runs at 1 and 2 threads, the same with Latin hypercube
// sampling, and 1,000,000 runs at all threads; median of 5 (1 for the million unless asked).
// Each run's result is checked before its time counts: every summary finite, the index inside
// [0, 100], and the result the same at every thread count. Peak memory is read with
// `/usr/bin/time -v` around the whole process.
//
//   swift run -c release --package-path Benchmarks simulation-benchmark [scenario] [--million-repetitions N]

import BenchmarkSupport
import CityModel
import Foundation
import Simulation

var arguments = Array(CommandLine.arguments.dropFirst())
var millionRepetitions = 1
if let flag = arguments.firstIndex(of: "--million-repetitions") {
  guard flag + 1 < arguments.count, let count = Int(arguments[flag + 1]), count > 0 else {
    fatalError("--million-repetitions needs a positive count")
  }
  millionRepetitions = count
  arguments.removeSubrange(flag...(flag + 1))
}
let path = arguments.first ?? "scenarios/shanghai-baseline.yaml"
let scenario = try CompiledScenario(try Scenario.load(from: URL(fileURLWithPath: path)))
let cores = ProcessInfo.processInfo.activeProcessorCount

func check(_ result: RunResult) {
  for point in result.series {
    precondition(
      [point.mean, point.sd, point.p5, point.p50, point.p95].allSatisfy(\.isFinite),
      "\(point.indicator) \(point.year) not finite")
    if point.indicator == "index" { precondition((0...100).contains(point.p50), "index outside [0, 100]") }
  }
}

func time(
  runs: Int, threads: Int, repetitions: Int, sampling: Sampling = .independent
) -> (median: Double, result: RunResult) {
  var seconds: [Double] = []
  var last: RunResult?
  for _ in 0..<repetitions {
    let clock = ContinuousClock()
    let start = clock.now
    let result = MonteCarlo.run(scenario, options: MonteCarloOptions(runs: runs, threads: threads, sampling: sampling))
    let elapsed = clock.now - start
    check(result)
    if let last { precondition(last == result, "repeated runs differ") }
    last = result
    seconds.append(elapsed.seconds)
  }
  return (seconds.sorted()[seconds.count / 2], last!)
}

/// Prints a line at once (standard output may be a pipe, which `print` would buffer).
func report(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let cpu = cpuName
report(
  "simulation benchmark: \(path), \(scenario.outputs.count) outputs, horizon \(scenario.horizon); \(cores) "
    + "cores, \(cpu)"
)
let one = time(runs: 100_000, threads: 1, repetitions: 5)
report(String(format: "100,000 runs, 1 thread:  %.3f s (median of 5)", one.median))
let two = time(runs: 100_000, threads: max(2, cores), repetitions: 5)
precondition(one.result == two.result, "results differ between 1 and \(max(2, cores)) threads")
report(
  String(
    format: "100,000 runs, %d threads: %.3f s (median of 5); speed-up %.2f×", max(2, cores), two.median,
    one.median / two.median))
let hypercube = time(runs: 100_000, threads: max(2, cores), repetitions: 5, sampling: .latinHypercube)
report(
  String(format: "100,000 runs, %d threads, Latin hypercube: %.3f s (median of 5)", max(2, cores), hypercube.median))
let million = time(runs: 1_000_000, threads: cores, repetitions: millionRepetitions)
report(String(format: "1,000,000 runs, %d threads: %.3f s (median of %d)", cores, million.median, millionRepetitions))
