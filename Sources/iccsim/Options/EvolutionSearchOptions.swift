import Analysis
import ArgumentParser

/// The effort of `optimise`'s evolutionary search, used when the space of portfolios is too large
/// to evaluate every one: at most population × (generations + 1) portfolios are evaluated.
struct EvolutionSearchOptions: ParsableArguments {
  @Option(help: "Population of the evolutionary search (spaces over 4,096 portfolios; odd rounds up).")
  var population: Int = PortfolioSearchOptions().population

  @Option(help: "Generations of the evolutionary search.")
  var generations: Int = PortfolioSearchOptions().generations

  func validate() throws {
    guard (2...100_000).contains(population) else {
      throw ValidationError("--population must be between 2 and 100000 (got \(population))")
    }
    guard (0...100_000).contains(generations) else {
      throw ValidationError("--generations must be between 0 and 100000 (got \(generations))")
    }
  }

  /// The search's settings, seeded by the scenario's seed.
  func searchOptions(seed: UInt64) -> PortfolioSearchOptions {
    PortfolioSearchOptions(population: population, generations: generations, seed: seed)
  }
}
