// Times PRIM scenario discovery on 100,000 runs × 60 inputs: independent uniform inputs, the
// runs of interest those with x0 < 0.3 and x1 > 0.6 (a box of mass 0.12 that the other 58
// inputs do not bear on). One analysis is the whole of what `iccsim discover` does after the
// projections: the peeling and pasting trajectory (α = 0.05, minimum mass 0.05), the choice of
// box and the significance of its restrictions. Median of 5. Target: < 5 s.
// Each result is checked before its time counts: the chosen box restricts inputs 0 and 1 only,
// with coverage and density ≥ 0.9, and every repetition gives the same trajectory. The process's
// CPU time per analysis is printed beside the wall time, as a figure less sensitive to other
// jobs on a shared machine.
//
//   swift build -c release --package-path Benchmarks --product prim-benchmark
//   Benchmarks/.build/release/prim-benchmark

import Analysis
import BenchmarkSupport
import Foundation
import LinearAlgebra
import Stochastics

let rows = 100_000
let columns = 60
var inputs = Matrix(rows: rows, columns: columns)
for column in 0..<columns {
  let stream = RandomStream(seed: 2026, run: UInt64(column), key: StreamKey("prim-benchmark"))
  for row in 0..<rows { inputs[row, column] = stream.uniform(UInt64(row)) }
}
let interest = (0..<rows).map { inputs[$0, 0] < 0.3 && inputs[$0, 1] > 0.6 }
let prim = PRIM()

/// CPU time used by this process so far, in seconds.
func processorSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

var seconds: [Double] = []
var processor: [Double] = []
var last: [PRIM.Box]?
var steps = 0
for _ in 0..<5 {
  let clock = ContinuousClock()
  let start = clock.now
  let startProcessor = processorSeconds()
  let trajectory = prim.trajectory(inputs: inputs, interest: interest)
  let chosen = prim.chosen(in: trajectory)
  let restrictions = PRIM.restrictions(of: trajectory[chosen], inputs: inputs, interest: interest)
  let elapsed = clock.now - start
  processor.append(processorSeconds() - startProcessor)
  let box = trajectory[chosen]
  precondition(restrictions.map(\.input) == [0, 1], "restricted \(restrictions.map(\.input)), not inputs 0 and 1")
  precondition(box.coverage >= 0.9 && box.density >= 0.9, "coverage \(box.coverage), density \(box.density)")
  if let last { precondition(last == trajectory, "repeated analyses differ") }
  last = trajectory
  steps = trajectory.count
  seconds.append(elapsed.seconds)
}

let cpu = cpuName
print(
  "PRIM benchmark: \(rows) runs × \(columns) inputs, alpha \(prim.alpha), minimum mass \(prim.minimumMass), "
    + "\(steps) boxes in the trajectory; \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu)")
print(
  String(
    format: "median of 5: %.3f s (runs: %@)", seconds.sorted()[2],
    seconds.map { String(format: "%.3f", $0) }.joined(separator: ", ")))
print(String(format: "CPU time per analysis, median of 5: %.3f s", processor.sorted()[2]))
