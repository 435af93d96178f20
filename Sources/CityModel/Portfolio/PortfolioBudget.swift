/// A limit on a portfolio's total programme cost over the horizon (亿元), on the mean or the
/// P90 of that cost over the runs.
public struct PortfolioBudget: Hashable, Sendable {
  /// Which statistic of the runs' total cost is held to the limit.
  public enum Measure: String, Hashable, Sendable, CaseIterable {
    case mean, p90
  }

  /// The limit in 亿元, or nil for no limit (the front then spans every cost).
  public var limit: Double?
  public var measure: Measure

  public init(limit: Double?, measure: Measure = .mean) {
    self.limit = limit
    self.measure = measure
  }
}
