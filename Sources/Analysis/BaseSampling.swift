import LinearAlgebra
import Stochastics

/// Where the uniform numbers behind a design come from.
///
/// `.random` draws point j of input i as draw `k` of the counter-based stream keyed by
/// (seed, run j, input name): adding, removing or reordering inputs never changes the draws of
/// the others, and any point can be computed on its own.
public enum BaseSampling: Hashable, Sendable {
  case random(seed: UInt64)

  /// Uniform `k` (0 or 1: a design's first and second matrix) of input `input` at point `point`.
  func uniform(point: Int, input: SensitivityInput, draw k: UInt64) -> Double {
    switch self {
    case .random(let seed):
      RandomStream(seed: seed, run: UInt64(point), key: StreamKey(input.name)).uniform(k)
    }
  }
}

/// The value of `input` at probability `p`, checked to be finite.
func quantile(of input: SensitivityInput, at p: Double) throws -> Double {
  let value = input.distribution.quantile(p)
  guard value.isFinite else { throw SensitivityError.nonFiniteQuantile(input: input.name, probability: p) }
  return value
}

/// A plain Monte Carlo sample of the inputs: `count` × inputs in natural units, drawn from the
/// same uniforms as a Saltelli design's matrix A, so the two analyses see the same points.
public func monteCarloSample(
  of inputs: [SensitivityInput], count: Int, sampling: BaseSampling
) throws -> Matrix {
  try validate(inputs)
  var sample = Matrix(rows: count, columns: inputs.count)
  for (column, input) in inputs.enumerated() {
    for row in 0..<count {
      sample[row, column] = try quantile(of: input, at: sampling.uniform(point: row, input: input, draw: 0))
    }
  }
  return sample
}
