import Stochastics

/// Scores of one probabilistic forecast (an ensemble of runs) against the value observed.
public struct ForecastScore: Sendable, Equatable {
  public var p5: Double, p25: Double, p50: Double, p75: Double, p95: Double
  /// Probability integral transform: the share of runs below the observation (ties count half).
  /// Uniform on (0, 1) when the forecast distribution is calibrated.
  public var pit: Double
  /// Continuous ranked probability score of the ensemble, in the observation's units:
  /// mean |X − y| − ½ mean |X − X′| over all pairs of runs (Gneiting & Raftery 2007, eq. 21; the
  /// estimator of properscoring's `crps_ensemble`). For a single value it is the absolute error.
  public var crps: Double

  /// Scores the ensemble `runs` (any order) against `observed`.
  public init(runs: [Double], observed: Double) {
    precondition(!runs.isEmpty, "an empty ensemble cannot be scored")
    let sorted = sortedNumbers(runs)
    let n = Double(sorted.count)
    p5 = percentile(sorted: sorted[...], 0.05)
    p25 = percentile(sorted: sorted[...], 0.25)
    p50 = percentile(sorted: sorted[...], 0.5)
    p75 = percentile(sorted: sorted[...], 0.75)
    p95 = percentile(sorted: sorted[...], 0.95)
    var below = 0.0, ties = 0.0, absolute = 0.0, spread = 0.0
    for (i, x) in sorted.enumerated() {
      if x < observed { below += 1 } else if x == observed { ties += 1 }
      absolute += abs(x - observed)
      spread += (2 * Double(i + 1) - n - 1) * x
    }
    pit = (below + ties / 2) / n
    crps = absolute / n - spread / (n * n)
  }
}

/// A proportion with its Wilson score interval (Wilson 1927), which keeps its nominal coverage
/// for small n and proportions near 0 or 1, where the normal approximation does not.
public struct WilsonInterval: Sendable, Equatable {
  public var low: Double
  public var high: Double

  /// The interval for `successes` of `n` at the normal quantile `z` (1.96 for 95 %).
  public init(successes: Int, of n: Int, z: Double = 1.959963984540054) {
    guard n > 0 else {
      low = 0
      high = 1
      return
    }
    let p = Double(successes) / Double(n), m = Double(n), z2 = z * z
    let centre = (p + z2 / (2 * m)) / (1 + z2 / m)
    let half = z / (1 + z2 / m) * (p * (1 - p) / m + z2 / (4 * m * m)).squareRoot()
    low = max(0, centre - half)
    high = min(1, centre + half)
  }
}
