// Times `calibrate` and `backtest` on the default model (scenarios/models/icc-default.yaml, all 24
// indicators) and a panel of 30 cities × 20 years that the engine itself simulates from the
// Shanghai baseline (each city one run from base values scaled by 0.5–1.5, so every indicator
// and driver is observed). Targets: calibrate < 2 s; backtest of 5 origins × 5 horizons × 30
// cities × every indicator at 10,000 runs per projection < 30 s. Median of 3 (calibrate: of 5),
// at all cores; each result is checked before its time counts.
//
//   swift build -c release --package-path Benchmarks --product evidence-benchmark
//   Benchmarks/.build/release/evidence-benchmark

import Analysis
import BenchmarkSupport
import CityModel
import Estimation
import Foundation
import Simulation

let base = try Scenario.load(from: URL(fileURLWithPath: "scenarios/shanghai-baseline.yaml"))
let model = base.model
let ids = model.indicators.map(\.id)
var columns: [String: [String]] = Dictionary(uniqueKeysWithValues: (["city", "year"] + ids).map { ($0, []) })
for c in 0..<30 {
  var city = base
  city.interventions = []
  city.targets = []
  city.baseYear = 2000
  city.horizon = 19
  city.runs = 1
  city.seed = UInt64(100 + c)
  let scale = 0.5 + Double(c) / 29
  for (id, value) in base.baseline {
    let isScore = model.catalogue[id]?.scale == .logit
    city.baseline[id] = isScore ? value : value * scale
  }
  let result = MonteCarlo.run(try CompiledScenario(city), options: MonteCarloOptions(runs: 1, threads: 1))
  for year in 2000...2019 {
    columns["city"]!.append("city-\(c)")
    columns["year"]!.append("\(year)")
    for id in ids {
      let point = result.series.first { $0.indicator == id && $0.year == year }!
      columns[id]!.append("\(point.p50)")
    }
  }
}
let panel = DataTable(columns: (["city", "year"] + ids).map { ($0, columns[$0]!) })
let cores = ProcessInfo.processInfo.activeProcessorCount

func seconds(_ work: () throws -> Void) rethrows -> Double {
  let clock = ContinuousClock()
  let start = clock.now
  try work()
  let elapsed = clock.now - start
  return elapsed.seconds
}

var calibrationTimes: [Double] = []
var fitted = 0
for _ in 0..<5 {
  calibrationTimes.append(
    try seconds {
      let calibration = try Calibration(model: model, data: panel)
      fitted = calibration.parameters.filter { $0.decision == .fitted }.count
    })
}
precondition(fitted > 0, "nothing was fitted")

var backtestTimes: [Double] = []
var points = 0
for _ in 0..<3 {
  backtestTimes.append(
    try seconds {
      let backtest = try Backtest(
        model: model, data: panel,
        options: .init(origins: 2010...2014, horizons: 1...5, runs: 10_000, seed: 1, threads: cores))
      points = backtest.points.count
    })
}
precondition(
  points == 30 * 5 * 5 * ids.count, "expected a point per city, origin, horizon and indicator, got \(points)")

let cpu = cpuName
func median(_ x: [Double]) -> Double { x.sorted()[x.count / 2] }
print(
  "evidence benchmark: default model (\(ids.count) indicators), panel of 30 cities × 20 years; \(cores) cores, \(cpu)")
print(
  String(
    format: "calibrate: median of 5 %.3f s (%@); %d parameters fitted", median(calibrationTimes),
    calibrationTimes.map { String(format: "%.3f", $0) }.joined(separator: ", "), fitted))
print(
  String(
    format: "backtest, 5 origins × 5 horizons × 30 cities, 10,000 runs each (%d points): median of 3 %.2f s (%@)",
    points, median(backtestTimes), backtestTimes.map { String(format: "%.2f", $0) }.joined(separator: ", ")))
