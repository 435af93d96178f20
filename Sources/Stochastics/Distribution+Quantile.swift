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
      return Self.poissonQuantile(p, mean: mean)
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

  /// The smallest k with P(X ≤ k) ≥ p for X ~ Poisson(mean), where P(X ≤ k) is exactly
  /// `cdf(k)` = Q(k + 1, mean), so `quantile(cdf(k)) == k` holds bit for bit.
  ///
  /// A first k comes from summing the mass from 0 (small means) or, for larger means, from the
  /// Cornish–Fisher guess mean + z√mean + (z² − 1)/6 refined by the mass recurrence around one
  /// incomplete-gamma evaluation — stable for means far beyond 10³, where summing from 0 would
  /// underflow at e^(−mean). The answer is then settled against the CDF itself, which removes
  /// the last-bit disagreements of accumulated sums — unless the summed CDF already brackets p
  /// with room to spare (`summationMargin`), when the settled answer is known to be the same.
  static func poissonQuantile(_ p: Double, mean: Double) -> Double {
    if p <= 0 || mean <= 0 { return 0 }
    if p >= 1 { return .infinity }
    var k: Double
    if mean < 20 {
      let summed = poissonQuantileBySummation(p, mean: mean)
      if summed.isClear { return summed.k }
      k = summed.k
    } else {
      k = poissonQuantileNearGuess(p, mean: mean)
    }
    func cdf(_ k: Double) -> Double { regularizedGammaQ(k + 1, mean) }
    while k > 0 && cdf(k - 1) >= p { k -= 1 }
    while cdf(k) < p { k += 1 }
    return k
  }

  /// The relative distance from p the summed CDF must keep on both sides of the answer for the
  /// sum to stand in for the CDF: far above the rounding of either (at most some 10⁻¹⁴ for the
  /// means summed, below 20), so only about one draw in 10⁸ is settled against the CDF.
  private static let summationMargin = 1e-8

  /// The smallest k whose summed mass from 0 reaches p, and whether the sums below and at k
  /// (P(X ≤ k − 1), P(X ≤ k)) lie clear of p by `summationMargin`.
  private static func poissonQuantileBySummation(_ p: Double, mean: Double) -> (k: Double, isClear: Bool) {
    var k = 0.0
    var mass = exp(-mean)
    var below = 0.0
    var cumulative = mass
    while cumulative < p && mass > 0 {
      k += 1
      mass *= mean / k
      below = cumulative
      cumulative += mass
    }
    let isClear = below < p * (1 - summationMargin) && cumulative * (1 - summationMargin) >= p
    return (k, isClear)
  }

  private static func poissonQuantileNearGuess(_ p: Double, mean: Double) -> Double {
    let z = standardNormalQuantile(p)
    var k = Swift.max(0, (mean + mean.squareRoot() * z + (z * z - 1) / 6).rounded(.down))
    var cumulative = regularizedGammaQ(k + 1, mean)
    var mass = exp(k * log(mean) - mean - lgamma(k + 1))
    if cumulative >= p {
      while k > 0 {
        let below = cumulative - mass
        if below < p { break }
        cumulative = below
        mass *= k / mean
        k -= 1
      }
    } else {
      while cumulative < p && mass > 0 {
        k += 1
        mass *= mean / k
        cumulative += mass
      }
    }
    return k
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
