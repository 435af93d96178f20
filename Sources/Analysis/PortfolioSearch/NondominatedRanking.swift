/// The two orderings NSGA-II ranks a population by (Deb, Pratap, Agarwal & Meyarivan 2002):
/// non-domination fronts under constraint-domination, and the crowding distance within a front.
struct NondominatedRanking {
  /// Position of each member's front: 0 for the non-dominated members, 1 for those dominated
  /// only by front 0, and so on.
  let rank: [Int]
  /// Each member's crowding distance within its front (infinite at the front's extremes).
  let crowding: [Double]
  /// The members of each front, in population order.
  let fronts: [[Int]]

  /// Ranks `scores` with the budget as a constraint (see `constrainedDominates`).
  init(_ scores: [PortfolioScore], budget: Double?) {
    fronts = Self.fronts(scores, budget: budget)
    var rank = [Int](repeating: 0, count: scores.count)
    var crowding = [Double](repeating: 0, count: scores.count)
    for (level, front) in fronts.enumerated() {
      for (member, distance) in zip(front, Self.crowdingDistances(of: front.map { scores[$0] })) {
        rank[member] = level
        crowding[member] = distance
      }
    }
    self.rank = rank
    self.crowding = crowding
  }

  /// The crowded-comparison order: a lower front first, then a larger crowding distance.
  func isPreferred(_ a: Int, over b: Int) -> Bool {
    rank[a] != rank[b] ? rank[a] < rank[b] : crowding[a] > crowding[b]
  }

  /// Constraint-domination (Deb et al. 2002, section V): a portfolio within the budget dominates
  /// one over it; of two over it, the smaller excess dominates; of two within it, Pareto
  /// dominance over (objectives ↑, cost ↓) decides.
  static func constrainedDominates(_ a: PortfolioScore, _ b: PortfolioScore, budget: Double?) -> Bool {
    guard let budget else { return a.dominates(b) }
    let (excessA, excessB) = (max(0, a.cost - budget), max(0, b.cost - budget))
    if excessA == 0 && excessB == 0 { return a.dominates(b) }
    return excessA < excessB
  }

  /// Fast non-dominated sorting: each member's dominators are counted once, then fronts are
  /// peeled off by decrementing the counts of what each front dominates (O(M·N²)).
  static func fronts(_ scores: [PortfolioScore], budget: Double?) -> [[Int]] {
    var dominated = [[Int]](repeating: [], count: scores.count)
    var dominators = [Int](repeating: 0, count: scores.count)
    for a in scores.indices {
      for b in scores.indices where b > a {
        if constrainedDominates(scores[a], scores[b], budget: budget) {
          dominated[a].append(b)
          dominators[b] += 1
        } else if constrainedDominates(scores[b], scores[a], budget: budget) {
          dominated[b].append(a)
          dominators[a] += 1
        }
      }
    }
    var fronts: [[Int]] = []
    var current = scores.indices.filter { dominators[$0] == 0 }
    while !current.isEmpty {
      fronts.append(current)
      var next: [Int] = []
      for member in current {
        for other in dominated[member] {
          dominators[other] -= 1
          if dominators[other] == 0 { next.append(other) }
        }
      }
      current = next.sorted()
    }
    return fronts
  }

  /// Crowding distance over the objectives and the cost: per criterion, the members are sorted,
  /// the extremes get infinity and each other member the normalised gap between its neighbours;
  /// the distances are summed over the criteria. Ties sort by position, so the result is
  /// reproducible.
  static func crowdingDistances(of scores: [PortfolioScore]) -> [Double] {
    var distance = [Double](repeating: 0, count: scores.count)
    guard let criteria = scores.first.map({ $0.objectives.count + 1 }), scores.count > 2 else {
      return [Double](repeating: .infinity, count: scores.count)
    }
    for criterion in 0..<criteria {
      let value = { (member: Int) -> Double in
        criterion < criteria - 1 ? scores[member].objectives[criterion] : scores[member].cost
      }
      let order = scores.indices.sorted { value($0) != value($1) ? value($0) < value($1) : $0 < $1 }
      guard let first = order.first, let last = order.last else { continue }
      distance[first] = .infinity
      distance[last] = .infinity
      let span = value(last) - value(first)
      guard span > 0 else { continue }
      for place in 1..<(order.count - 1) {
        distance[order[place]] += (value(order[place + 1]) - value(order[place - 1])) / span
      }
    }
    return distance
  }
}
