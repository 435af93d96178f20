/// What one alternative buys for its extra cost, from paired per-run values (same runs, same draws).
///
/// With ΔC the mean over runs of the paired difference in total programme cost over the horizon
/// (亿元) and ΔX the mean paired difference of an output in a year, the change per 100 亿元 is
/// 100 · ΔX / ΔC. It is null, with `undefinedReason` saying why, when |ΔC| < 1e-9 亿元: the
/// plans then cost the same and a change per unit of money is undefined.
public struct CostEffectiveness: Codable, Sendable, Equatable {
  /// Mean paired difference in total programme cost (亿元): the denominator ΔC.
  public var costDifference: Double
  /// Change in the index in the last projected year per 100 亿元; nil without an index or a cost difference.
  public var indexPer100: Double?
  /// Why the changes per 100 亿元 are null (e.g. "zero cost difference"); nil when they are defined.
  public var undefinedReason: String?
  /// Each targeted indicator in its target year.
  public var indicators: [IndicatorEffect]
  /// Each target of the base: its probability in the base and the alternative, and the change.
  public var targets: [TargetProbabilityChange]

  public init(
    costDifference: Double, indexPer100: Double?, undefinedReason: String?, indicators: [IndicatorEffect],
    targets: [TargetProbabilityChange]
  ) {
    self.costDifference = costDifference
    self.indexPer100 = indexPer100
    self.undefinedReason = undefinedReason
    self.indicators = indicators
    self.targets = targets
  }

  /// Differences below this (亿元) count as no cost difference.
  public static let zeroCost = 1e-9
  static let zeroCostReason = "zero cost difference"

  /// 100 · change / ΔC, or nil when ΔC is zero.
  static func per100(_ change: Double, costDifference: Double) -> Double? {
    abs(costDifference) < zeroCost ? nil : 100 * change / costDifference
  }

  private enum CodingKeys: String, CodingKey {
    case costDifference, indexPer100, undefinedReason, indicators, targets
  }

  /// Writes the per-100 figure and the reason as explicit nulls when absent, so the keys are always there.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(costDifference, forKey: .costDifference)
    try c.encode(indexPer100, forKey: .indexPer100)
    try c.encode(undefinedReason, forKey: .undefinedReason)
    try c.encode(indicators, forKey: .indicators)
    try c.encode(targets, forKey: .targets)
  }
}

/// Mean paired change of one targeted indicator in its target year, and that change per 100 亿元.
public struct IndicatorEffect: Codable, Sendable, Equatable {
  public var indicator: String
  public var year: Int
  public var change: Double
  public var per100: Double?

  public init(indicator: String, year: Int, change: Double, per100: Double?) {
    self.indicator = indicator
    self.year = year
    self.change = change
    self.per100 = per100
  }

  private enum CodingKeys: String, CodingKey {
    case indicator, year, change, per100
  }

  /// Writes `per100` as an explicit null when the cost difference is zero.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(indicator, forKey: .indicator)
    try c.encode(year, forKey: .year)
    try c.encode(change, forKey: .change)
    try c.encode(per100, forKey: .per100)
  }
}

/// One target of the base checked in the base's and the alternative's runs.
public struct TargetProbabilityChange: Codable, Sendable, Equatable {
  public var indicator: String
  public var year: Int
  public var baseProbability: Double
  public var planProbability: Double
  /// planProbability − baseProbability.
  public var probabilityChange: Double

  public init(indicator: String, year: Int, baseProbability: Double, planProbability: Double) {
    self.indicator = indicator
    self.year = year
    self.baseProbability = baseProbability
    self.planProbability = planProbability
    self.probabilityChange = planProbability - baseProbability
  }
}
