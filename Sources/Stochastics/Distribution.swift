import Foundation

/// A univariate distribution as written in scenario and model files.
///
/// Every family is sampled by inversion (`quantile(_:)`), so the same code serves plain Monte
/// Carlo, Latin hypercube and Sobol designs, and a draw is a monotone function of its uniform.
public enum Distribution: Hashable, Sendable {
  case fixed(Double)
  case normal(mean: Double, sd: Double)
  case lognormal(median: Double, sdLog: Double)
  case uniform(min: Double, max: Double)
  case triangular(min: Double, mode: Double, max: Double)
  case pert(min: Double, mode: Double, max: Double)
  case beta(alpha: Double, beta: Double, min: Double, max: Double)
  case poisson(mean: Double)
  case discrete(values: [Double], weights: [Double])

  /// True when the distribution has no spread (a fixed value, or a degenerate family).
  public var isFixed: Bool {
    if case .fixed = self { return true }
    return false
  }
}
