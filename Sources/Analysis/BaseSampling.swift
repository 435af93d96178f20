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
  /// Scrambled Sobol points (linear matrix scramble and digital shift) in (matrices × inputs)
  /// dimensions: matrix k of input i at point j is coordinate k·d + i of a Sobol point, as SALib's
  /// `sobol` sampler splits its 2d dimensions into A and B. Points fill the cube more evenly than
  /// independent draws, so estimates converge faster; base sample counts that are powers of two
  /// keep the sequence's balance. At most 64 dimensions: 32 inputs in a Saltelli design. Draws
  /// depend on the order of the inputs.
  ///
  /// With `replicates` R > 1 the N points are R independent randomisations of the sequence: the
  /// points split into R contiguous blocks (`ReplicateBlocks`), and block r holds the first
  /// points of the sequence under its own scramble — that of `scrambleSeed` for block 0, of a
  /// seed drawn from the stream (`scrambleSeed`, r, "sobol.replicate") for the others. The
  /// blocks' estimates are independent, so their spread measures the error of their mean, which
  /// the spread of one scrambled point set cannot (its points are not independent).
  case sobol(scrambleSeed: UInt64, replicates: Int = 1)

  /// How the base points split into independent randomisations, or nil when every point is an
  /// independent draw (or the points are one randomisation).
  func replicateBlocks(points: Int) -> ReplicateBlocks? {
    guard case .sobol(_, let replicates) = self, replicates > 1 else { return nil }
    return ReplicateBlocks(count: replicates, points: points)
  }

  /// The uniform source for `inputs` in a design of `matrices` matrices of `points` points.
  func sampler(for inputs: [SensitivityInput], matrices: Int, points: Int) throws -> UnitSampler {
    switch self {
    case .random(let seed):
      return .random(seed: seed, keys: inputs.map { StreamKey($0.name) })
    case .sobol(let scrambleSeed, let replicates):
      let dimensions = matrices * inputs.count
      guard dimensions <= SobolSequence.maximumDimensions else {
        throw SensitivityError.invalidOption(
          "Sobol base samples for \(inputs.count) inputs need \(dimensions) dimensions, more than the "
            + "\(SobolSequence.maximumDimensions) available: use random base samples"
        )
      }
      guard replicates >= 1, replicates <= max(points, 1) else {
        throw SensitivityError.invalidOption(
          "\(points) Sobol points cannot be split into \(replicates) independent scramblings: "
            + "give between 1 and \(points)")
      }
      let sequences = try (0..<replicates).map { replicate in
        try SobolSequence(dimensions: dimensions, scrambleSeed: Self.replicateSeed(scrambleSeed, replicate))
      }
      return .sobol(sequences, blocks: ReplicateBlocks(count: replicates, points: points), inputs: inputs.count)
    }
  }

  /// The scramble seed of replicate `replicate`: the seed itself for replicate 0, so that one
  /// replicate is the plain scrambled sequence.
  private static func replicateSeed(_ seed: UInt64, _ replicate: Int) -> UInt64 {
    replicate == 0 ? seed : RandomStream(seed: seed, run: UInt64(replicate), key: StreamKey("sobol.replicate")).bits(0)
  }
}

/// A prepared uniform source: matrix `matrix` of input `input` at point `point`.
enum UnitSampler {
  case random(seed: UInt64, keys: [StreamKey])
  /// One scrambled sequence per replicate block; a block's points are its sequence's first.
  case sobol([SobolSequence], blocks: ReplicateBlocks, inputs: Int)

  func uniform(point: Int, input: Int, matrix: Int) -> Double {
    switch self {
    case .random(let seed, let keys):
      return RandomStream(seed: seed, run: UInt64(point), key: keys[input]).uniform(UInt64(matrix))
    case .sobol(let sequences, let blocks, let inputs):
      let replicate = blocks.replicate(containing: point)
      let index = point - blocks.range(replicate).lowerBound
      return sequences[replicate].coordinate(index, dimension: matrix * inputs + input)
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
  let sampler = try sampling.sampler(for: inputs, matrices: 1, points: count)
  var sample = Matrix(rows: count, columns: inputs.count)
  for (column, input) in inputs.enumerated() {
    for row in 0..<count {
      sample[row, column] = try quantile(of: input, at: sampler.uniform(point: row, input: column, matrix: 0))
    }
  }
  return sample
}
