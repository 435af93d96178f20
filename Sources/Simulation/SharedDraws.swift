import Stochastics

/// Parameter draws shared by many scenarios projected over the same runs (a portfolio search):
/// each distinct parameter — the same path and distribution — is drawn once per run, by the
/// independent sampler, and every scenario copies its columns. The values are those
/// `MonteCarloSampler` draws, bit for bit (a draw depends only on the seed, the run, the path and
/// the distribution); only the inverse CDFs are not recomputed for every scenario.
struct SharedDraws: ParameterSampler {
  private struct Identity: Hashable {
    let path: String
    let distribution: Distribution
  }

  let seed: UInt64
  let runs: Range<Int>
  private let columns: [Identity: Int]
  /// values[c · runs.count + i]: column c's value in run runs.lowerBound + i.
  private let values: [Double]

  /// Draws every distinct parameter of `parameters` for every run of `runs`, on `threads` threads.
  init(_ parameters: [UncertainParameter], seed: UInt64, runs: Range<Int>, threads: Int) {
    var distinct: [UncertainParameter] = []
    var columns: [Identity: Int] = [:]
    for parameter in parameters {
      let identity = Identity(path: parameter.path, distribution: parameter.distribution)
      if columns[identity] == nil {
        columns[identity] = distinct.count
        distinct.append(parameter)
      }
    }
    let n = runs.count
    let sampler = MonteCarloSampler(seed: seed)
    let chunks = stride(from: 0, to: distinct.count, by: 8).map { Array(distinct[$0..<min($0 + 8, distinct.count)]) }
    let drawn = chunks.parallelMap(threads: threads) { chunk in
      [Double](unsafeUninitializedCapacity: chunk.count * n) { buffer, count in
        sampler.sample(chunk, runs: runs, into: buffer)
        count = chunk.count * n
      }
    }
    self.seed = seed
    self.runs = runs
    self.columns = columns
    values = drawn.flatMap { $0 }
  }

  func sample(
    _ parameters: [UncertainParameter], runs block: Range<Int>, into values: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(block.lowerBound >= runs.lowerBound && block.upperBound <= runs.upperBound, "runs outside the draws")
    let n = block.count
    let offset = block.lowerBound - runs.lowerBound
    for (p, parameter) in parameters.enumerated() {
      let target = UnsafeMutableBufferPointer(rebasing: values[(p * n)..<(p * n + n)])
      guard let c = columns[Identity(path: parameter.path, distribution: parameter.distribution)] else {
        MonteCarloSampler(seed: seed).sample([parameter], runs: block, into: target)
        continue
      }
      let start = c * runs.count + offset
      for i in 0..<n { target[i] = self.values[start + i] }
    }
  }

  func noiseRun(_ run: Int) -> Int { run }
}
