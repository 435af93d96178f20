/// The non-dominated portfolios among a set, within a budget.
public enum ParetoFront {
  /// The portfolios whose cost is within `budget` (all when nil) and that no other such
  /// portfolio dominates, ordered by cost and then by portfolio; of portfolios with identical
  /// scores only the first in that order is kept, so the front is reproducible.
  public static func of(_ scored: [ScoredPortfolio], budget: Double?) -> [ScoredPortfolio] {
    let feasible = scored.filter { entry in budget.map { entry.score.cost <= $0 } ?? true }
    let ordered = feasible.sorted { (a: ScoredPortfolio, b: ScoredPortfolio) -> Bool in
      a.score.cost != b.score.cost ? a.score.cost < b.score.cost : a.portfolio < b.portfolio
    }
    var front: [ScoredPortfolio] = []
    for candidate in ordered
    where !front.contains(where: { $0.score.dominates(candidate.score) || $0.score == candidate.score }) {
      front.removeAll { candidate.score.dominates($0.score) }
      front.append(candidate)
    }
    return front
  }

  /// The front's best portfolio on objective `objective`: the highest value, then the lowest
  /// cost, then the first portfolio; nil when the front is empty.
  public static func best(of front: [ScoredPortfolio], objective: Int = 0) -> ScoredPortfolio? {
    front.min { (x: ScoredPortfolio, y: ScoredPortfolio) -> Bool in
      let (a, b) = (x.score.objectives[objective], y.score.objectives[objective])
      if a != b { return a > b }
      if x.score.cost != y.score.cost { return x.score.cost < y.score.cost }
      return x.portfolio < y.portfolio
    }
  }
}
