// Times least squares on a 200,000 × 50 random problem through dgelsd and through pivoted QR
// (factor + solve), reporting the median of 5 runs. Each run's answer is checked before its time
// counts: the problem is y = X·β + e with known β and small noise, so the fit must recover β and
// leave a residual orthogonal to X; a wrong or empty result stops the benchmark.

import BenchmarkSupport
import Foundation
import LinearAlgebra
import Stochastics

let rows = 200_000
let columns = 50
let repetitions = 5

/// Uniform draws on [−1, 1) from the project's own counter-based stream (fixed seed), so the
/// problem is the same on every run.
let stream = RandomStream(seed: 2024, run: 0, key: StreamKey("least-squares-benchmark"))
func symmetricUnit(_ index: Int) -> Double { 2 * stream.uniform(UInt64(index)) - 1 }

let design = Matrix(
  rows: rows, columns: columns, elements: (0..<(rows * columns)).map(symmetricUnit))
let trueCoefficients = (0..<columns).map { Double($0 + 1) / Double(columns) }
let noiseScale = 1e-3
let response = zip(design * trueCoefficients, (0..<rows).map { symmetricUnit(rows * columns + $0) })
  .map { $0 + noiseScale * $1 }

/// Stops unless `coefficients` is the least-squares fit: close to the true β (the noise moves it
/// by about noiseScale/√(rows/3) ≈ 4e-6 per coefficient) and with Xᵀr ≈ 0 relative to ‖X‖‖r‖.
func check(_ coefficients: [Double], route: String) {
  let worstError = zip(coefficients, trueCoefficients).map { abs($0 - $1) }.max() ?? .infinity
  precondition(worstError < 1e-4, "\(route): coefficients off by \(worstError)")
  let residual = zip(response, design * coefficients).map { $0 - $1 }
  let gradient = design.transposed * residual
  let residualNorm = residual.reduce(0) { $0 + $1 * $1 }.squareRoot()
  let scale = design.frobeniusNorm * residualNorm
  let worstGradient = gradient.map(abs).max() ?? .infinity
  precondition(
    worstGradient <= 1e-10 * scale, "\(route): Xᵀr = \(worstGradient) is not ≈ 0 (scale \(scale))")
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

func time(_ route: String, _ solve: () throws -> [Double]) rethrows -> Double {
  var seconds: [Double] = []
  for _ in 0..<repetitions {
    let clock = ContinuousClock()
    var coefficients: [Double] = []
    let elapsed = try clock.measure { coefficients = try solve() }
    check(coefficients, route: route)
    seconds.append(elapsed.seconds)
  }
  return median(seconds)
}

func machineDescription() -> String {
  "\(ProcessInfo.processInfo.activeProcessorCount) logical CPUs (nproc), \(cpuName)"
}

print("least squares, \(rows) × \(columns), median of \(repetitions); \(machineDescription())")
let svdSeconds = try time("dgelsd") { try leastSquares(design, response).coefficients }
print(String(format: "dgelsd (SVD):              %.3f s", svdSeconds))
let qrSeconds = try time("pivoted QR") { try PivotedQR(design).solve(response) }
print(String(format: "pivoted QR (dgeqp3+solve): %.3f s", qrSeconds))
