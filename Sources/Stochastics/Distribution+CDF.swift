import Foundation

extension Distribution {
  /// P(X ≤ x), the cumulative distribution function.
  ///
  /// It is the inverse of `quantile(_:)`: for the continuous families
  /// `cdf(quantile(p)) == p` up to rounding, and for the discrete ones `quantile(cdf(k)) == k`
  /// at every support point k.
  public func cdf(_ x: Double) -> Double {
    switch self {
    case .fixed(let value):
      return x >= value ? 1 : 0
    case .normal(let mean, let sd):
      guard sd > 0 else { return x >= mean ? 1 : 0 }
      return normalCDF((x - mean) / sd)
    case .lognormal(let median, let sdLog):
      guard x > 0 else { return 0 }
      guard sdLog > 0 else { return x >= median ? 1 : 0 }
      return normalCDF(log(x / median) / sdLog)
    case .uniform(let lo, let hi):
      guard hi > lo else { return x >= lo ? 1 : 0 }
      return Swift.min(1, Swift.max(0, (x - lo) / (hi - lo)))
    case .triangular(let lo, let mode, let hi):
      guard hi > lo else { return x >= lo ? 1 : 0 }
      if x <= lo { return 0 }
      if x >= hi { return 1 }
      if x <= mode { return (x - lo) * (x - lo) / ((hi - lo) * (mode - lo)) }
      return 1 - (hi - x) * (hi - x) / ((hi - lo) * (hi - mode))
    case .pert(let lo, let mode, let hi):
      guard hi > lo else { return x >= lo ? 1 : 0 }
      let shape = Self.pertShape(min: lo, mode: mode, max: hi)
      return Self.scaledBetaCDF(x, alpha: shape.alpha, beta: shape.beta, min: lo, max: hi)
    case .beta(let alpha, let beta, let lo, let hi):
      guard hi > lo else { return x >= lo ? 1 : 0 }
      return Self.scaledBetaCDF(x, alpha: alpha, beta: beta, min: lo, max: hi)
    case .poisson(let mean):
      guard x >= 0 else { return 0 }
      guard mean > 0 else { return 1 }
      if x.isInfinite { return 1 }
      return regularizedGammaQ(x.rounded(.down) + 1, mean)
    case .discrete(let values, let weights):
      let total = weights.reduce(0, +)
      var below = 0.0
      for (value, weight) in zip(values, weights) where value <= x {
        below += weight
      }
      return below / total
    }
  }

  private static func scaledBetaCDF(
    _ x: Double, alpha: Double, beta: Double, min: Double, max: Double
  ) -> Double {
    if x <= min { return 0 }
    if x >= max { return 1 }
    let range = max - min
    return regularizedIncompleteBetaPair(
      x: (x - min) / range, y: (max - x) / range, a: alpha, b: beta
    ).lower
  }
}
