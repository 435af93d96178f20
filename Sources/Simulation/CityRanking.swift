import CityModel

/// Cities ranked on one output, year by year, over runs that share the draws of the parameters
/// the cities share (`MonteCarlo.rank`).
public struct CityRanking: Sendable {
  /// One city's value and rank distribution in one year.
  public struct Entry: Sendable, Equatable {
    public var scenario: String
    public var city: String
    public var year: Int
    /// The median of the output's value over the runs.
    public var p50: Double
    public var rankP5: Double
    public var rankP50: Double
    public var rankP95: Double
    /// The share of runs in which the city ranked first (alone or tied).
    public var probabilityFirst: Double

    public init(
      scenario: String, city: String, year: Int, p50: Double, ranks: RankHistogram
    ) {
      self.scenario = scenario
      self.city = city
      self.year = year
      self.p50 = p50
      rankP5 = ranks.quantile(0.05)
      rankP50 = ranks.quantile(0.5)
      rankP95 = ranks.quantile(0.95)
      probabilityFirst = ranks.probabilityFirst
    }
  }

  /// The output ranked: an indicator, a dimension, or the index.
  public var output: OutputInfo
  /// What ranks first: the highest value, or the lowest for an indicator whose `better` is lower.
  public var better: Direction
  public var runs: Int
  public var seed: UInt64
  /// Year by year from the base year; within a year, the cities in the order given.
  public var entries: [Entry]
  public var diagnostics: [NumericalDiagnostic]

  public init(
    output: OutputInfo, better: Direction, runs: Int, seed: UInt64, entries: [Entry],
    diagnostics: [NumericalDiagnostic]
  ) {
    self.output = output
    self.better = better
    self.runs = runs
    self.seed = seed
    self.entries = entries
    self.diagnostics = diagnostics
  }

  /// Each value's rank among `values`, 1 for the best: one plus the number of strictly better
  /// values, so tied values share the lowest rank of their group ("1224" competition ranking).
  public static func competitionRanks(of values: [Double], better: Direction) -> [Int] {
    let isBetter: (Double, Double) -> Bool = better == .higher ? (>) : (<)
    return values.map { value in 1 + values.count { isBetter($0, value) } }
  }
}
