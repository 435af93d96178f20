import Foundation

/// An options file for `iccsim optimise`: the candidate projects, the budget and the objectives
/// (docs/optimise.md, "The options file").
public struct PortfolioOptions: Sendable {
  /// Candidates in file order; a plan adds the chosen ones after the base's interventions, in this order.
  public var candidates: [PortfolioCandidate]
  public var budget: PortfolioBudget
  /// One or two objectives, to be maximised; empty when the file names none.
  public var objectives: [PortfolioObjective]

  public init(candidates: [PortfolioCandidate], budget: PortfolioBudget, objectives: [PortfolioObjective]) {
    self.candidates = candidates
    self.budget = budget
    self.objectives = objectives
  }

  /// Reads and checks an options file against the base scenario it extends: every candidate is
  /// read as a scenario intervention; ids must be unique and must not clash with the base's
  /// interventions; starts lie in the projection; scales are positive and apply.
  ///
  /// Throws `InputError` listing every problem (file:line:column).
  public static func load(from url: URL, base: Scenario) throws -> PortfolioOptions {
    let diagnostics = Diagnostics()
    let options = PortfolioOptionsFile.read(SourceFile(url: url), base: base, diagnostics: diagnostics)
    try diagnostics.throwIfProblems()
    guard let options else {
      throw InputError(problems: [InputProblem(file: url.path, message: "the options file could not be read")])
    }
    return options
  }
}
