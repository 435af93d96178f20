import CityModel

/// The summary of a Monte Carlo run of one scenario: the public, machine-readable result that
/// `run --format json` writes and `export`, `report` and `merge` read.
///
/// Everything but `meta` is a deterministic function of the inputs, the seed and the run count.
public struct RunResult: Codable, Sendable, Equatable {
  public var scenario: String
  public var title: LocalizedText
  public var city: String
  public var baseYear: Int
  public var horizon: Int
  public var runs: Int
  public var seed: UInt64
  /// How the per-run parameters were drawn.
  public var sampling: Sampling
  /// The proven bound on the rank error of every reported quantile, as a fraction of the runs:
  /// 0 while quantiles are exact, the largest bound over the series once the sketch is used
  /// (a P50 reported with 0.0014 has a true rank within 0.5 ± 0.0014 of the runs).
  public var quantileRankError: Double
  /// Labels and units of every output in `series`, so a result file is self-describing.
  public var outputs: [OutputInfo]
  /// Every indicator in play, every dimension id and `index`, for base_year … base_year+horizon.
  public var series: [SeriesPoint]
  public var targets: [TargetResult]
  /// Programme cost per year (亿元).
  public var cost: [CostPoint]
  /// Numerical problems met on the way: values that overflowed (errors), scores pinned at a
  /// bound or stocks held at zero (warnings).
  public var diagnostics: [NumericalDiagnostic]
  /// Indexed indicators whose median passes a goalpost, with the first year (see
  /// `GoalpostCrossing`); nil when none does (the key is then left out of the JSON), and in
  /// results written before the check.
  public var goalpostCrossings: [GoalpostCrossing]?
  public var meta: RunManifest?

  public init(
    scenario: String, title: LocalizedText, city: String, baseYear: Int, horizon: Int, runs: Int,
    seed: UInt64, sampling: Sampling = .independent, quantileRankError: Double = 0, outputs: [OutputInfo],
    series: [SeriesPoint], targets: [TargetResult],
    cost: [CostPoint], diagnostics: [NumericalDiagnostic] = [], goalpostCrossings: [GoalpostCrossing]? = nil,
    meta: RunManifest? = nil
  ) {
    self.scenario = scenario
    self.title = title
    self.city = city
    self.baseYear = baseYear
    self.horizon = horizon
    self.runs = runs
    self.seed = seed
    self.sampling = sampling
    self.quantileRankError = quantileRankError
    self.outputs = outputs
    self.series = series
    self.targets = targets
    self.cost = cost
    self.diagnostics = diagnostics
    self.goalpostCrossings = goalpostCrossings.flatMap { $0.isEmpty ? nil : $0 }
    self.meta = meta
  }

  private enum CodingKeys: String, CodingKey {
    case scenario, title, city, baseYear, horizon, runs, seed, sampling, quantileRankError, outputs, series, targets,
      cost, diagnostics, goalpostCrossings, meta
  }

  /// Decodes results written before diagnostics, the sampling and the rank error were recorded
  /// as having no diagnostics, independent sampling and exact quantiles.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    scenario = try c.decode(String.self, forKey: .scenario)
    title = try c.decode(LocalizedText.self, forKey: .title)
    city = try c.decode(String.self, forKey: .city)
    baseYear = try c.decode(Int.self, forKey: .baseYear)
    horizon = try c.decode(Int.self, forKey: .horizon)
    runs = try c.decode(Int.self, forKey: .runs)
    seed = try c.decode(UInt64.self, forKey: .seed)
    sampling = try c.decodeIfPresent(Sampling.self, forKey: .sampling) ?? .independent
    quantileRankError = try c.decodeIfPresent(Double.self, forKey: .quantileRankError) ?? 0
    outputs = try c.decode([OutputInfo].self, forKey: .outputs)
    series = try c.decode([SeriesPoint].self, forKey: .series)
    targets = try c.decode([TargetResult].self, forKey: .targets)
    cost = try c.decode([CostPoint].self, forKey: .cost)
    diagnostics = try c.decodeIfPresent([NumericalDiagnostic].self, forKey: .diagnostics) ?? []
    goalpostCrossings = try c.decodeIfPresent([GoalpostCrossing].self, forKey: .goalpostCrossings)
    meta = try c.decodeIfPresent(RunManifest.self, forKey: .meta)
  }
}
