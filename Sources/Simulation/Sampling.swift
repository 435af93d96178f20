/// How the per-run parameters (elasticities, drifts, shock sizes, intervention amounts, …) are
/// drawn. Yearly shocks and disruptions are drawn independently for every run either way.
public enum Sampling: String, Codable, Sendable, CaseIterable {
  /// Independent draws: parameter p of run r from the stream (seed, r, p's path).
  case independent
  /// A Latin hypercube over the job's runs: each parameter's range is cut into as many
  /// equal-probability strata as there are runs, and every stratum holds exactly one run.
  /// Estimates of means and quantiles that depend smoothly on the parameters converge faster.
  case latinHypercube = "latin-hypercube"

  /// The sampler for a job of `runs` runs (a shard's runs are a part of those).
  func sampler(seed: UInt64, runs: Int) -> any ParameterSampler {
    switch self {
    case .independent: MonteCarloSampler(seed: seed)
    case .latinHypercube: LatinHypercubeSampler(seed: seed, runs: runs)
    }
  }
}
