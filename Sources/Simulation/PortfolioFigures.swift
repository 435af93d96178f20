import CityModel
import Stochastics

/// What a portfolio achieves over a set of runs: each objective with its standard error, and
/// the mean and P90 of the runs' total programme cost (亿元, summed over the projected years).
public struct PortfolioFigures: Sendable, Equatable {
  /// One value per objective, in the order asked for.
  public var objectives: [Double]
  /// The standard error of each objective (see `init(objectives:measures:cost:)`).
  public var standardErrors: [Double]
  public var costMean: Double
  public var costP90: Double
  /// Number of runs the figures are taken over.
  public var runs: Int

  public init(objectives: [Double], standardErrors: [Double], costMean: Double, costP90: Double, runs: Int) {
    self.objectives = objectives
    self.standardErrors = standardErrors
    self.costMean = costMean
    self.costP90 = costP90
    self.runs = runs
  }

  /// The figures of one portfolio from its per-run values (in run order):
  /// - a probability objective is the share p of runs whose value is 1, with the binomial
  ///   standard error √(p(1 − p)/n);
  /// - a quantile objective is the runs' quantile as `run` reports it (numpy's linear
  ///   interpolation between order statistics), with the standard error read from the
  ///   order-statistic interval: the number of runs below the true quantile is Binomial(n, q),
  ///   so [x₍l₎, x₍u₎] with l = ⌊nq − √(nq(1 − q))⌋ and u = ⌈nq + √(nq(1 − q))⌉ (1-based,
  ///   clamped to 1…n) spans about ±1 standard error, and the standard error is (x₍u₎ − x₍l₎)/2;
  /// - the cost's mean is the runs' average and its P90 their 0.9-quantile, as `run` reports it.
  public init(objectives: [PortfolioObjective], measures: [[Double]], cost: [Double]) {
    let n = cost.count
    var values: [Double] = []
    var errors: [Double] = []
    for (objective, runs) in zip(objectives, measures) {
      switch objective {
      case .targetsMet:
        let p = runs.reduce(0, +) / Double(n)
        values.append(p)
        errors.append((p * (1 - p) / Double(n)).squareRoot())
      case .quantile(let q, _, _):
        values.append(Self.quantile(runs, q))
        let sorted = runs.sorted()
        let spread = (Double(n) * q * (1 - q)).squareRoot()
        let lower = min(max(Int((Double(n) * q - spread).rounded(.down)), 1), n)
        let upper = min(max(Int((Double(n) * q + spread).rounded(.up)), 1), n)
        errors.append((sorted[upper - 1] - sorted[lower - 1]) / 2)
      }
    }
    self.init(
      objectives: values, standardErrors: errors, costMean: cost.reduce(0, +) / Double(n),
      costP90: Self.quantile(cost, 0.9), runs: n)
  }

  /// The `p`-quantile of `values` exactly as `run` computes it (`QuantileSummary`, exact).
  private static func quantile(_ values: [Double], _ p: Double) -> Double {
    var summary = QuantileSummary(exactLimit: values.count)
    values.withUnsafeBufferPointer { summary.add(contentsOf: $0) }
    return summary.quantile(p)
  }
}
