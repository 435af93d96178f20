/// Programme cost in one year (亿元) over all runs.
public struct CostPoint: Codable, Sendable, Equatable {
  public var year: Int
  public var mean: Double
  public var sd: Double
  public var p5: Double
  public var p50: Double
  public var p95: Double

  public init(year: Int, mean: Double, sd: Double, p5: Double, p50: Double, p95: Double) {
    self.year = year
    self.mean = mean
    self.sd = sd
    self.p5 = p5
    self.p50 = p50
    self.p95 = p95
  }
}
