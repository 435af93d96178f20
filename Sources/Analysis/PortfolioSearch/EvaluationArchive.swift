/// Every portfolio evaluated so far, in the order evaluated, so none is evaluated twice.
struct EvaluationArchive {
  private(set) var entries: [ScoredPortfolio] = []
  private var position: [Portfolio: Int] = [:]

  /// The scores of `portfolios` (distinct), evaluating those not seen before in one batch.
  mutating func scored(
    _ portfolios: [Portfolio], evaluate: ([Portfolio]) throws -> [PortfolioScore]
  ) throws -> [ScoredPortfolio] {
    let new = portfolios.filter { position[$0] == nil }
    if !new.isEmpty {
      let scores = try evaluate(new)
      precondition(scores.count == new.count, "one score per portfolio")
      for (portfolio, score) in zip(new, scores) {
        position[portfolio] = entries.count
        entries.append(ScoredPortfolio(portfolio: portfolio, score: score))
      }
    }
    return portfolios.compactMap { position[$0].map { entries[$0] } }
  }
}
