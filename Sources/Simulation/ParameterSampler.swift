import Stochastics

/// Where the per-run parameter values come from: plain Monte Carlo, or a design matrix supplied by
/// a sensitivity analysis. Yearly shocks are always drawn from random streams.
public protocol ParameterSampler: Sendable {
  /// Writes `values[p * runs.count + (r − runs.lowerBound)]` for every parameter p and run r.
  func sample(_ parameters: [UncertainParameter], runs: Range<Int>, into values: UnsafeMutableBufferPointer<Double>)
  /// The run index whose yearly shock streams run `run` sees.
  func noiseRun(_ run: Int) -> Int
  /// Whether yearly variation is drawn at all (false: every yearly draw takes its centre).
  var drawsYearlyNoise: Bool { get }
}

extension ParameterSampler {
  public var drawsYearlyNoise: Bool { true }
}

/// Independent draws: parameter p of run r is the inverse CDF of draw 0 of the stream keyed by
/// (seed, r, p's path).
public struct MonteCarloSampler: ParameterSampler {
  public let seed: UInt64

  public init(seed: UInt64) {
    self.seed = seed
  }

  public func sample(
    _ parameters: [UncertainParameter], runs: Range<Int>, into values: UnsafeMutableBufferPointer<Double>
  ) {
    drawByInverseCDF(parameters, runs: runs, into: values) { parameter, row in
      RandomStreamFamily(seed: seed, key: parameter.key).firstUniforms(runs: runs, into: row)
    }
  }

  public func noiseRun(_ run: Int) -> Int { run }
}

/// Writes every parameter's (prepared) inverse CDF at its uniforms for the runs, which
/// `uniforms(parameter, row)` writes into the parameter's row (the layout of
/// `ParameterSampler.sample`); a fixed value is copied without a draw.
func drawByInverseCDF(
  _ parameters: [UncertainParameter], runs: Range<Int>, into values: UnsafeMutableBufferPointer<Double>,
  uniforms: (UncertainParameter, UnsafeMutableBufferPointer<Double>) -> Void
) {
  let n = runs.count
  for (p, parameter) in parameters.enumerated() {
    if case .fixed(let value) = parameter.distribution {
      for i in 0..<n { values[p * n + i] = value }
      continue
    }
    let row = UnsafeMutableBufferPointer(rebasing: values[(p * n)..<(p * n + n)])
    uniforms(parameter, row)
    parameter.quantile.quantiles(inPlace: row)
  }
}
