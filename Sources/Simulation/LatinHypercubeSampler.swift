import Stochastics

/// Latin hypercube draws over a whole job: parameter p of run r is the inverse CDF of sample r of
/// the Latin hypercube column of `runs` samples keyed by the stream (seed, 2⁶⁴ − 1, p's path) —
/// a run number no independent draw uses. Every value is computed on its own
/// (`LatinHypercube.value`), so blocks, threads and shards see the same design, memory does not
/// grow with the number of runs, and a parameter's column does not depend on the others.
public struct LatinHypercubeSampler: ParameterSampler {
  public let seed: UInt64
  /// Runs of the whole job: the number of strata per parameter.
  public let runs: Int

  public init(seed: UInt64, runs: Int) {
    self.seed = seed
    self.runs = runs
  }

  public func sample(
    _ parameters: [UncertainParameter], runs block: Range<Int>, into values: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(block.lowerBound >= 0 && block.upperBound <= runs, "runs \(block) lie outside the job's \(runs)")
    drawByInverseCDF(parameters, runs: block, into: values) { parameter, row in
      let stream = RandomStream(seed: seed, run: .max, key: parameter.key)
      let permutation = KeyedPermutation(count: runs, stream: stream)
      for (i, run) in block.enumerated() { row[i] = LatinHypercube.value(sample: run, of: permutation, stream: stream) }
    }
  }

  public func noiseRun(_ run: Int) -> Int { run }
}
