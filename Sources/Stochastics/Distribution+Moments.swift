import Foundation

extension Distribution {
  /// The expected value, in closed form for every family.
  public var mean: Double {
    switch self {
    case .fixed(let value):
      return value
    case .normal(let mean, _):
      return mean
    case .lognormal(let median, let sdLog):
      return median * exp(sdLog * sdLog / 2)
    case .uniform(let lo, let hi):
      return (lo + hi) / 2
    case .triangular(let lo, let mode, let hi):
      return (lo + mode + hi) / 3
    case .pert(let lo, let mode, let hi):
      return (lo + 4 * mode + hi) / 6
    case .beta(let alpha, let beta, let lo, let hi):
      return lo + (hi - lo) * alpha / (alpha + beta)
    case .poisson(let mean):
      return mean
    case .discrete(let values, let weights):
      let total = weights.reduce(0, +)
      return zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
    }
  }

  /// The variance (population, not sample), in closed form for every family.
  public var variance: Double {
    switch self {
    case .fixed:
      return 0
    case .normal(_, let sd):
      return sd * sd
    case .lognormal(let median, let sdLog):
      let s2 = sdLog * sdLog
      return median * median * exp(s2) * expm1(s2)
    case .uniform(let lo, let hi):
      return (hi - lo) * (hi - lo) / 12
    case .triangular(let a, let c, let b):
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
    case .pert(let lo, let mode, let hi):
      guard hi > lo else { return 0 }
      let shape = Self.pertShape(min: lo, mode: mode, max: hi)
      return Self.betaVariance(alpha: shape.alpha, beta: shape.beta, range: hi - lo)
    case .beta(let alpha, let beta, let lo, let hi):
      return Self.betaVariance(alpha: alpha, beta: beta, range: hi - lo)
    case .poisson(let mean):
      return mean
    case .discrete(let values, let weights):
      let total = weights.reduce(0, +)
      let mean = self.mean
      return zip(values, weights).reduce(0) { $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean) } / total
    }
  }

  /// The standard deviation, √variance.
  public var standardDeviation: Double { variance.squareRoot() }

  /// The median: `quantile(0.5)`, which is the smallest support point reaching ½ for the
  /// discrete families (scipy's convention) and the exact midpoint of the mass otherwise.
  public var median: Double {
    switch self {
    case .fixed(let value):
      return value
    case .normal(let mean, _):
      return mean
    case .lognormal(let median, _):
      return median
    case .uniform(let lo, let hi):
      return (lo + hi) / 2
    default:
      return quantile(0.5)
    }
  }

  private static func betaVariance(alpha: Double, beta: Double, range: Double) -> Double {
    let sum = alpha + beta
    return range * range * alpha * beta / (sum * sum * (sum + 1))
  }
}
