import CityModel

/// `compare`: paired differences (alternative − base) under common random numbers.
public struct PlanComparison: Codable, Sendable, Equatable {
  public var base: String
  /// The base scenario's title; nil in results written before it was recorded.
  public var baseTitle: LocalizedText?
  public var outputs: [OutputInfo]
  public var comparisons: [Comparison]
  /// Numerical problems met in any of the scenarios (see `RunResult.diagnostics`).
  public var diagnostics: [NumericalDiagnostic]
  /// Per scenario (the base first, then the alternatives), where its medians pass an index
  /// goalpost; nil when none does (the key is then left out of the JSON), and in results written
  /// before crossings were recorded.
  public var goalpostCrossings: [ScenarioGoalpostCrossings]?
  public var meta: RunManifest?

  public init(
    base: String, baseTitle: LocalizedText? = nil, outputs: [OutputInfo], comparisons: [Comparison],
    diagnostics: [NumericalDiagnostic] = [], goalpostCrossings: [ScenarioGoalpostCrossings]? = nil,
    meta: RunManifest? = nil
  ) {
    self.base = base
    self.baseTitle = baseTitle
    self.outputs = outputs
    self.comparisons = comparisons
    self.diagnostics = diagnostics
    self.goalpostCrossings = goalpostCrossings.flatMap { $0.isEmpty ? nil : $0 }
    self.meta = meta
  }

  private enum CodingKeys: String, CodingKey {
    case base, baseTitle, outputs, comparisons, diagnostics, goalpostCrossings, meta
  }

  /// Decodes results written before diagnostics and the sampling were recorded as having no
  /// diagnostics and independent sampling, those without the base's title as untitled, and those
  /// without goalpost crossings as having none.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    base = try c.decode(String.self, forKey: .base)
    baseTitle = try c.decodeIfPresent(LocalizedText.self, forKey: .baseTitle)
    outputs = try c.decode([OutputInfo].self, forKey: .outputs)
    comparisons = try c.decode([Comparison].self, forKey: .comparisons)
    diagnostics = try c.decodeIfPresent([NumericalDiagnostic].self, forKey: .diagnostics) ?? []
    goalpostCrossings = try c.decodeIfPresent([ScenarioGoalpostCrossings].self, forKey: .goalpostCrossings)
    meta = try c.decodeIfPresent(RunManifest.self, forKey: .meta)
  }
}

extension PlanComparison {
  /// The base as readers know it: its title, or its id in results that do not record the title.
  public func baseName(_ language: Language) -> String {
    baseTitle?.text(language) ?? base
  }
}

/// One alternative's paired differences from the base, per output and year.
public struct Comparison: Codable, Sendable, Equatable {
  public var scenario: String
  public var title: LocalizedText
  public var differences: [Difference]
  /// Programme cost of the base and the alternative and their paired difference; nil in
  /// results written before costs were compared.
  public var cost: ComparisonCost?
  /// Changes per 100 亿元 and the targets' change in probability; nil in older results.
  public var costEffectiveness: CostEffectiveness?

  public init(
    scenario: String, title: LocalizedText, differences: [Difference], cost: ComparisonCost? = nil,
    costEffectiveness: CostEffectiveness? = nil
  ) {
    self.scenario = scenario
    self.title = title
    self.differences = differences
    self.cost = cost
    self.costEffectiveness = costEffectiveness
  }
}

/// Distribution of the paired difference alternative − base for one output and year.
public struct Difference: Codable, Sendable, Equatable {
  public var indicator: String
  public var year: Int
  public var mean: Double
  public var sd: Double
  public var p5: Double
  public var p50: Double
  public var p95: Double
  /// Share of runs in which the alternative is strictly higher than the base.
  public var probabilityHigher: Double
  /// Share of runs in which the alternative is strictly lower than the base; nil in results
  /// written before it was recorded.
  public var probabilityLower: Double?

  public init(
    indicator: String, year: Int, mean: Double, sd: Double, p5: Double, p50: Double, p95: Double,
    probabilityHigher: Double, probabilityLower: Double? = nil
  ) {
    self.indicator = indicator
    self.year = year
    self.mean = mean
    self.sd = sd
    self.p5 = p5
    self.p50 = p50
    self.p95 = p95
    self.probabilityHigher = probabilityHigher
    self.probabilityLower = probabilityLower
  }

  /// Share of runs in which the alternative is strictly better than the base, in the direction
  /// `better` (lower for a rank); nil when the direction or the needed share is not recorded.
  public func probabilityBetter(_ better: Direction?) -> Double? {
    switch better {
    case .higher: probabilityHigher
    case .lower: probabilityLower
    case nil: nil
    }
  }
}
