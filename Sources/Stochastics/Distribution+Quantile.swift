import Foundation

extension Distribution {
  /// The value below which a fraction `p` of the distribution lies, for `p` in (0, 1).
  ///
  /// For the discrete families (Poisson, discrete) this is the smallest value whose cumulative
  /// probability reaches `p`, as in scipy's `ppf`. The continuous families invert their CDF
  /// exactly (beta and PERT through the inverse incomplete beta function). Normal, lognormal,
  /// uniform and triangular allocate nothing: they sit on the simulation's hot path.
  public func quantile(_ p: Double) -> Double {
    switch self {
    case .fixed(let value):
      return value
    case .normal, .lognormal:
      return value(atStandardNormal: standardNormalQuantile(p))
    case .uniform(let lo, let hi):
      return lo + p * (hi - lo)
    case .triangular(let lo, let mode, let hi):
      guard hi > lo else { return lo }
      let split = (mode - lo) / (hi - lo)
      return p < split
        ? lo + ((hi - lo) * (mode - lo) * p).squareRoot()
        : hi - ((hi - lo) * (hi - mode) * (1 - p)).squareRoot()
    case .pert(let lo, let mode, let hi):
      guard hi > lo else { return lo }
      let shape = Self.pertShape(min: lo, mode: mode, max: hi)
      return lo + (hi - lo) * betaQuantile(p, alpha: shape.alpha, beta: shape.beta)
    case .beta(let alpha, let beta, let lo, let hi):
      guard hi > lo else { return lo }
      return lo + (hi - lo) * betaQuantile(p, alpha: alpha, beta: beta)
    case .poisson(let mean):
      return PoissonQuantile(mean: mean)(p)
    case .discrete(let values, let weights):
      return Self.discreteQuantile(p, values: values, weights: weights)
    }
  }

  /// A normal's or lognormal's value at the standard normal deviate z: its quantile at Φ(z).
  @inline(__always)
  func value(atStandardNormal z: Double) -> Double {
    switch self {
    case .normal(let mean, let sd): mean + sd * z
    case .lognormal(let median, let sdLog): median * exp(sdLog * z)
    default: preconditionFailure("\(self) is not a normal or lognormal distribution")
    }
  }

  /// The beta shape parameters of a PERT distribution: α = 1 + 4(mode − min)/(max − min),
  /// β = 1 + 4(max − mode)/(max − min) (the classic PERT weighting, mean (min + 4·mode + max)/6).
  static func pertShape(min: Double, mode: Double, max: Double) -> (alpha: Double, beta: Double) {
    let range = max - min
    return (1 + 4 * (mode - min) / range, 1 + 4 * (max - mode) / range)
  }

  /// The smallest value whose cumulative weight share reaches p. Values given in increasing
  /// order (the usual case) are walked in place; otherwise a sorted copy is walked.
  static func discreteQuantile(_ p: Double, values: [Double], weights: [Double]) -> Double {
    let total = weights.reduce(0, +)
    let isSorted = zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }
    if isSorted {
      var cumulative = 0.0
      for (value, weight) in zip(values, weights) {
        cumulative += weight / total
        if p <= cumulative { return value }
      }
      return values[values.count - 1]
    }
    let sorted = zip(values, weights).sorted { $0.0 < $1.0 }
    return discreteQuantile(p, values: sorted.map(\.0), weights: sorted.map(\.1))
  }
}
