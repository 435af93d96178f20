import CityModel

/// A portfolio search over a base scenario: which candidates to add, when and at what scale.
/// Portfolio gene k is 0 when candidate k is left out and a + 1 for its alternative a.
public struct PortfolioProblem: Sendable {
  public let base: Scenario
  public let candidates: [PortfolioCandidate]
  public let objectives: [PortfolioObjective]
  public let budget: PortfolioBudget

  public init(
    base: Scenario, candidates: [PortfolioCandidate], objectives: [PortfolioObjective], budget: PortfolioBudget
  ) {
    precondition(!objectives.isEmpty, "a portfolio search needs an objective")
    self.base = base
    self.candidates = candidates
    self.objectives = objectives
    self.budget = budget
  }

  /// One choice per candidate: left out, or one of its alternatives.
  public var space: PortfolioSpace {
    PortfolioSpace(choices: candidates.map { 1 + $0.alternatives.count })
  }

  /// The candidates a portfolio takes, in candidate order, with their start and scale.
  public func plan(_ portfolio: Portfolio) -> [PlannedCandidate] {
    zip(candidates, portfolio.genes).compactMap { candidate, gene in
      guard gene > 0 else { return nil }
      let alternative = candidate.alternatives[gene - 1]
      return PlannedCandidate(
        id: candidate.id, start: alternative.start, scale: alternative.scale,
        showsStart: candidate.starts.count > 1)
    }
  }

  /// The interventions a portfolio adds to the base, in candidate order, start and scale applied.
  public func interventions(_ portfolio: Portfolio) -> [Intervention] {
    zip(candidates, portfolio.genes).compactMap { candidate, gene in
      gene > 0 ? candidate.intervention(candidate.alternatives[gene - 1]) : nil
    }
  }

  /// The base scenario with the portfolio's interventions after its own, as a plan file that
  /// extends the base and adds them reads.
  public func scenario(_ portfolio: Portfolio) -> Scenario {
    var scenario = base
    scenario.interventions += interventions(portfolio)
    return scenario
  }

  /// A portfolio's composition for tables and charts: `world-class-districts@2027×2 + night-economy`.
  public func label(_ portfolio: Portfolio) -> String {
    let parts = plan(portfolio).map(\.label)
    return parts.isEmpty ? "(base only)" : parts.joined(separator: " + ")
  }
}

/// A candidate as a plan takes it.
public struct PlannedCandidate: Sendable, Equatable {
  public var id: String
  public var start: Int
  public var scale: Double
  /// Whether labels name the start (the candidate offers several).
  public var showsStart: Bool

  /// `id`, then `@start` when the candidate offers several starts, then `×scale` unless 1.
  public var label: String {
    let scaleText = scale == scale.rounded() && abs(scale) < 1e9 ? String(Int(scale)) : "\(scale)"
    return id + (showsStart ? "@\(start)" : "") + (scale == 1 ? "" : "×\(scaleText)")
  }
}
