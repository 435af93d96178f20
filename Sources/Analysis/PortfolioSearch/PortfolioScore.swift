/// What an evaluation says of one portfolio: objectives to maximise and a cost to minimise,
/// both measured on the same runs for every portfolio (common random numbers).
public struct PortfolioScore: Equatable, Sendable {
  /// Objective values, each to be maximised (e.g. the probability that targets are met, or a
  /// quantile of the index; a quantity to minimise is passed negated).
  public var objectives: [Double]
  /// The budget measure of the portfolio's total cost (its mean or P90), to be minimised.
  public var cost: Double

  public init(objectives: [Double], cost: Double) {
    self.objectives = objectives
    self.cost = cost
  }

  /// Pareto dominance over (objectives ↑, cost ↓): at least as good everywhere, better somewhere.
  public func dominates(_ other: PortfolioScore) -> Bool {
    var strictlyBetter = cost < other.cost
    if cost > other.cost { return false }
    for (mine, theirs) in zip(objectives, other.objectives) {
      if mine < theirs { return false }
      if mine > theirs { strictlyBetter = true }
    }
    return strictlyBetter
  }
}

/// A portfolio together with its score.
public struct ScoredPortfolio: Equatable, Sendable {
  public var portfolio: Portfolio
  public var score: PortfolioScore

  public init(portfolio: Portfolio, score: PortfolioScore) {
    self.portfolio = portfolio
    self.score = score
  }
}
