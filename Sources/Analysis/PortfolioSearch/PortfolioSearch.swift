/// How a search was carried out, for reports.
public enum PortfolioSearchMethod: Equatable, Sendable {
  /// Every portfolio of the space was evaluated.
  case exhaustive
  /// A seeded evolutionary multi-objective search.
  case evolutionary(population: Int, generations: Int, seed: UInt64)
}

/// Settings of a portfolio search.
public struct PortfolioSearchOptions: Sendable {
  /// Spaces of at most this many portfolios are searched exhaustively.
  public var exhaustiveLimit: Int
  /// Population of the evolutionary search (rounded up to an even number, at least 2).
  public var population: Int
  /// Generations of the evolutionary search.
  public var generations: Int
  /// Seed of the evolutionary search's own random choices.
  public var seed: UInt64

  public init(exhaustiveLimit: Int = 4096, population: Int = 64, generations: Int = 60, seed: UInt64 = 1) {
    self.exhaustiveLimit = exhaustiveLimit
    self.population = population
    self.generations = generations
    self.seed = seed
  }
}

/// The outcome of a search: the front within the budget and how many portfolios were evaluated.
public struct PortfolioSearchResult: Sendable {
  public var method: PortfolioSearchMethod
  /// Distinct portfolios evaluated.
  public var evaluated: Int
  /// Non-dominated portfolios within the budget, by cost (see `ParetoFront.of`).
  public var front: [ScoredPortfolio]
}

/// Searches a portfolio space for the non-dominated portfolios within a budget.
public enum PortfolioSearch {
  /// Evaluates every portfolio when the space holds at most `options.exhaustiveLimit`, otherwise
  /// runs the evolutionary search. `evaluate` receives portfolios in batches (so an evaluator can
  /// project a batch on shared draws) and returns one score per portfolio, in order; no
  /// portfolio is passed twice.
  public static func search(
    space: PortfolioSpace, budget: Double?, options: PortfolioSearchOptions = .init(),
    evaluate: ([Portfolio]) throws -> [PortfolioScore]
  ) throws -> PortfolioSearchResult {
    if let size = space.size, size <= options.exhaustiveLimit {
      return try exhaustive(space: space, size: size, budget: budget, evaluate: evaluate)
    }
    return try NSGA2(space: space, budget: budget, options: options).run(evaluate: evaluate)
  }

  static func exhaustive(
    space: PortfolioSpace, size: Int, budget: Double?, evaluate: ([Portfolio]) throws -> [PortfolioScore]
  ) throws -> PortfolioSearchResult {
    let batch = 256
    var scored: [ScoredPortfolio] = []
    scored.reserveCapacity(size)
    for start in stride(from: 0, to: size, by: batch) {
      let portfolios = (start..<min(start + batch, size)).map(space.portfolio(at:))
      let scores = try evaluate(portfolios)
      precondition(scores.count == portfolios.count, "one score per portfolio")
      scored += zip(portfolios, scores).map(ScoredPortfolio.init)
    }
    return PortfolioSearchResult(method: .exhaustive, evaluated: size, front: ParetoFront.of(scored, budget: budget))
  }
}
