// Times a Sobol analysis on the default model (scenarios/shanghai-baseline.yaml, 10 years): the
// first 20 uncertain inputs in the scenario's parameter order (the others at their medians),
// 4,096 base samples (4,096 × 22 = 90,112 projection runs), the ICC index in every projected
// year at once, intervals from 8 independent scramblings of the Sobol points. Median of 3 runs
// of the whole analysis (design, projections, estimates and intervals), at all cores. Target: < 5 s.
// Each run's result is checked before its time counts: every index and interval finite, each
// estimate inside its interval, and the result identical across repetitions.
//
//   swift build -c release --package-path Benchmarks --product sensitivity-benchmark
//   Benchmarks/.build/release/sensitivity-benchmark [scenario]

import Analysis
import BenchmarkSupport
import CityModel
import Foundation
import Simulation

let path = CommandLine.arguments.dropFirst().first ?? "scenarios/shanghai-baseline.yaml"
let loaded = try Scenario.load(from: URL(fileURLWithPath: path))
let scenario = try CompiledScenario(loaded)
let cores = ProcessInfo.processInfo.activeProcessorCount
let inputs = Array(ScenarioModel.uncertainInputs(of: scenario, noise: .common).prefix(20))
precondition(inputs.count == 20, "the scenario has fewer than 20 uncertain inputs")
let years = (scenario.baseYear + 1)...(scenario.baseYear + scenario.horizon)
let analysis = ScenarioAnalysis(
  method: .sobol, outputs: years.map { SensitivityOutput(id: "index", year: $0) }, samples: 4096,
  seed: loaded.seed, threads: cores)

func check(_ result: SensitivityResult) {
  precondition(result.rows.count == 20 * years.count, "expected one row per input and year")
  for row in result.rows {
    guard case .sobol(let m) = row.measures else { preconditionFailure("not a Sobol row") }
    precondition(
      [m.s1, m.s1Low, m.s1High, m.st, m.stLow, m.stHigh].allSatisfy(\.isFinite), "\(row.input) \(row.year!) not finite")
    precondition(
      m.s1Low <= m.s1 && m.s1 <= m.s1High && m.stLow <= m.st && m.st <= m.stHigh,
      "\(row.input): estimate outside its interval")
  }
}

var seconds: [Double] = []
var last: SensitivityResult?
var runs = 0
for _ in 0..<3 {
  let clock = ContinuousClock()
  let start = clock.now
  let report = try analysis.run(on: scenario, inputs: inputs)
  let elapsed = clock.now - start
  check(report.result)
  if let last { precondition(last == report.result, "repeated analyses differ") }
  last = report.result
  runs = report.runs
  seconds.append(elapsed.seconds)
}

let cpu = cpuName
print(
  "sensitivity benchmark: \(path), Sobol, 20 inputs × 4,096 base samples (\(runs) runs), index in \(years.count) "
    + "years; \(cores) cores, \(cpu)"
)
print(
  String(
    format: "median of 3: %.3f s (runs: %@)", seconds.sorted()[1],
    seconds.map { String(format: "%.3f", $0) }.joined(separator: ", ")))
let top = last!.rows.filter { $0.year == years.upperBound }.max { a, b in
  guard case .sobol(let x) = a.measures, case .sobol(let y) = b.measures else { return false }
  return x.st < y.st
}!
print("largest total-order index in \(years.upperBound): \(top.input)")
