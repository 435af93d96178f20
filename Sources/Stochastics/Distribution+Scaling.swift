extension Distribution {
  /// The distribution of c·X for X of this distribution and c > 0, or nil when that is not a
  /// distribution of the same family (c·X of a Poisson variable is not Poisson unless c = 1).
  /// Scaling keeps each draw a monotone function of its uniform: c·X drawn from u is the
  /// scaled distribution's quantile at u.
  public func scaled(by factor: Double) -> Distribution? {
    precondition(factor > 0 && factor.isFinite, "a scale is a positive finite number")
    if factor == 1 { return self }
    return switch self {
    case .fixed(let value): .fixed(value * factor)
    case let .normal(mean, sd): .normal(mean: mean * factor, sd: sd * factor)
    case let .lognormal(median, sdLog): .lognormal(median: median * factor, sdLog: sdLog)
    case let .uniform(min, max): .uniform(min: min * factor, max: max * factor)
    case let .triangular(min, mode, max): .triangular(min: min * factor, mode: mode * factor, max: max * factor)
    case let .pert(min, mode, max): .pert(min: min * factor, mode: mode * factor, max: max * factor)
    case let .beta(alpha, beta, min, max): .beta(alpha: alpha, beta: beta, min: min * factor, max: max * factor)
    case .poisson: nil
    case let .discrete(values, weights): .discrete(values: values.map { $0 * factor }, weights: weights)
    }
  }
}
