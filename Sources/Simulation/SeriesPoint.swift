/// Summary statistics of one output in one year over all runs.
public struct SeriesPoint: Codable, Sendable, Equatable {
  public var indicator: String
  public var year: Int
  public var mean: Double
  /// Sample standard deviation (n − 1).
  public var sd: Double
  public var p5: Double
  public var p25: Double
  public var p50: Double
  public var p75: Double
  public var p95: Double

  public init(
    indicator: String, year: Int, mean: Double, sd: Double, p5: Double, p25: Double, p50: Double,
    p75: Double, p95: Double
  ) {
    self.indicator = indicator
    self.year = year
    self.mean = mean
    self.sd = sd
    self.p5 = p5
    self.p25 = p25
    self.p50 = p50
    self.p75 = p75
    self.p95 = p95
  }
}

extension SeriesPoint {
  /// The point of `indicator` in `year` with the summary statistics of its runs.
  init(indicator: String, year: Int, statistics s: SeriesStatistics) {
    self.init(
      indicator: indicator, year: year, mean: s.mean, sd: s.sd, p5: s.p5, p25: s.p25, p50: s.p50, p75: s.p75,
      p95: s.p95)
  }
}
