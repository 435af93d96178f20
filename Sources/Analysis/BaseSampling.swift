import LinearAlgebra
import Stochastics

/// Where the uniform numbers behind a design come from.
///
/// A design draws one or two matrices of points (a Monte Carlo sample draws one; a Saltelli
/// design two, A and B), each point a uniform per input turned into a value by the input's
/// quantile function.
public enum BaseSampling: Hashable, Sendable {
  /// Independent uniforms: matrix k of input i at point j is draw k of the counter-based stream
  /// keyed by (seed, run j, input name). Adding, removing or reordering inputs never changes the
  /// draws of the others, and any point can be computed on its own.
  case random(seed: UInt64)
  /// A scrambled Sobol sequence (linear matrix scramble and digital shift) in (matrices × inputs)
  /// dimensions: matrix k of input i at point j is coordinate k·d + i of Sobol point j, as SALib's
  /// `sobol` sampler splits its 2d dimensions into A and B. Points fill the cube more evenly than
  /// independent draws, so indices converge faster (on Ishigami at N = 4096, a mean largest error
  /// of 0.006 against 0.022 for random points; bootstrap intervals, which treat points as
  /// independent, are then conservative); base sample counts that are powers of two keep
  /// the sequence's balance. At most 64 dimensions: 32 inputs in a Saltelli design. Draws depend on
  /// the order of the inputs.
  case sobol(scrambleSeed: UInt64)

  /// The uniform source for `inputs` in a design of `matrices` matrices.
  func sampler(for inputs: [SensitivityInput], matrices: Int) throws -> UnitSampler {
    switch self {
    case .random(let seed):
      return .random(seed: seed, keys: inputs.map { StreamKey($0.name) })
    case .sobol(let scrambleSeed):
      let dimensions = matrices * inputs.count
      guard dimensions <= SobolSequence.maximumDimensions else {
        throw SensitivityError.invalidOption(
          "Sobol base samples for \(inputs.count) inputs need \(dimensions) dimensions, more than the \(SobolSequence.maximumDimensions) available: use random base samples")
      }
      return .sobol(try SobolSequence(dimensions: dimensions, scrambleSeed: scrambleSeed), inputs: inputs.count)
    }
  }
}

/// A prepared uniform source: matrix `matrix` of input `input` at point `point`.
enum UnitSampler {
  case random(seed: UInt64, keys: [StreamKey])
  case sobol(SobolSequence, inputs: Int)

  func uniform(point: Int, input: Int, matrix: Int) -> Double {
    switch self {
    case .random(let seed, let keys):
      RandomStream(seed: seed, run: UInt64(point), key: keys[input]).uniform(UInt64(matrix))
    case .sobol(let sequence, let inputs):
      sequence.coordinate(point, dimension: matrix * inputs + input)
    }
  }
}

/// The value of `input` at probability `p`, checked to be finite.
func quantile(of input: SensitivityInput, at p: Double) throws -> Double {
  let value = input.distribution.quantile(p)
  guard value.isFinite else { throw SensitivityError.nonFiniteQuantile(input: input.name, probability: p) }
  return value
}

/// A Monte Carlo sample of the inputs: `count` × inputs in natural units, drawn from the same
/// uniforms as a Saltelli design's matrix A, so the two analyses see the same points.
public func monteCarloSample(
  of inputs: [SensitivityInput], count: Int, sampling: BaseSampling
) throws -> Matrix {
  try validate(inputs)
  let sampler = try sampling.sampler(for: inputs, matrices: 1)
  var sample = Matrix(rows: count, columns: inputs.count)
  for (column, input) in inputs.enumerated() {
    for row in 0..<count {
      sample[row, column] = try quantile(of: input, at: sampler.uniform(point: row, input: column, matrix: 0))
    }
  }
  return sample
}
