/// NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002) over integer-coded portfolios.
/// Placeholder implementation to be replaced: evaluates random portfolios only.
struct NSGA2 {
  let space: PortfolioSpace
  let budget: Double?
  let options: PortfolioSearchOptions

  func run(evaluate: ([Portfolio]) throws -> [PortfolioScore]) throws -> PortfolioSearchResult {
    fatalError("NSGA-II is not built yet")
  }
}
