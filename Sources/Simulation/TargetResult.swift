/// The probability of meeting a target, and when it is first met.
public struct TargetResult: Codable, Sendable, Equatable {
  public var indicator: String
  public var year: Int
  public var atLeast: Double?
  public var atMost: Double?
  public var probability: Double
  /// Distribution of the first projected year in which the bound holds (years never met are
  /// left out, so the probabilities sum to at most 1).
  public var firstMet: [YearProbability]

  public init(
    indicator: String, year: Int, atLeast: Double?, atMost: Double?, probability: Double,
    firstMet: [YearProbability]
  ) {
    self.indicator = indicator
    self.year = year
    self.atLeast = atLeast
    self.atMost = atMost
    self.probability = probability
    self.firstMet = firstMet
  }
}

/// The probability that a target is first met in `year`.
public struct YearProbability: Codable, Sendable, Equatable {
  public var year: Int
  public var probability: Double

  public init(year: Int, probability: Double) {
    self.year = year
    self.probability = probability
  }
}
