import Foundation

/// The quantile function of one Poisson distribution, prepared for many draws: e^(−mean), the
/// mass at 0 from which small means are summed, is computed once. (A stock's yearly additions
/// draw at the same mean in every year of a run.)
public struct PoissonQuantile: Sendable {
  public let mean: Double
  /// e^(−mean) = P(X = 0).
  private let massAtZero: Double

  public init(mean: Double) {
    self.mean = mean
    massAtZero = exp(-mean)
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
  public func callAsFunction(_ p: Double) -> Double {
    if p <= 0 || mean <= 0 { return 0 }
    if p >= 1 { return .infinity }
    var k: Double
    if mean < 20 {
      let summed = bySummation(p)
      if summed.isClear { return summed.k }
      k = summed.k
    } else {
      k = nearGuess(p)
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
  private func bySummation(_ p: Double) -> (k: Double, isClear: Bool) {
    var k = 0.0
    var mass = massAtZero
    var below = 0.0
    var cumulative = mass
    while cumulative < p && mass > 0 {
      k += 1
      mass *= mean / k
      below = cumulative
      cumulative += mass
    }
    let isClear = below < p * (1 - Self.summationMargin) && cumulative * (1 - Self.summationMargin) >= p
    return (k, isClear)
  }

  private func nearGuess(_ p: Double) -> Double {
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
}
