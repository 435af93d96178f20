/// Programme cost (亿元) of the base and of one alternative over the same runs, and the paired
/// difference alternative − base: each over the whole horizon (the sum of the yearly costs of
/// a run) and per year.
public struct ComparisonCost: Codable, Sendable, Equatable {
  public var base: CostSummary
  public var plan: CostSummary
  public var difference: CostSummary

  public init(base: CostSummary, plan: CostSummary, difference: CostSummary) {
    self.base = base
    self.plan = plan
    self.difference = difference
  }
}

/// One cost's distribution over the runs: the total over every projected year, and each year.
public struct CostSummary: Codable, Sendable, Equatable {
  public var total: CostTotal
  public var byYear: [CostPoint]

  public init(total: CostTotal, byYear: [CostPoint]) {
    self.total = total
    self.byYear = byYear
  }
}

/// Distribution over the runs of a run's total programme cost (亿元).
public struct CostTotal: Codable, Sendable, Equatable {
  public var mean: Double
  public var sd: Double
  public var p5: Double
  public var p50: Double
  public var p95: Double

  public init(mean: Double, sd: Double, p5: Double, p50: Double, p95: Double) {
    self.mean = mean
    self.sd = sd
    self.p5 = p5
    self.p50 = p50
    self.p95 = p95
  }
}
