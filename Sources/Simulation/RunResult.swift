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
  public var meta: RunManifest?

  public init(
    scenario: String, title: LocalizedText, city: String, baseYear: Int, horizon: Int, runs: Int,
    seed: UInt64, sampling: Sampling = .independent, quantileRankError: Double = 0, outputs: [OutputInfo], series: [SeriesPoint], targets: [TargetResult],
    cost: [CostPoint], diagnostics: [NumericalDiagnostic] = [], meta: RunManifest? = nil
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
    self.meta = meta
  }

  private enum CodingKeys: String, CodingKey {
    case scenario, title, city, baseYear, horizon, runs, seed, sampling, quantileRankError, outputs, series, targets, cost, diagnostics, meta
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
    meta = try c.decodeIfPresent(RunManifest.self, forKey: .meta)
  }
}

/// What an output id means: an indicator of the catalogue, a dimension score, or the index.
public struct OutputInfo: Codable, Sendable, Equatable {
  public enum Kind: String, Codable, Sendable {
    case indicator, dimension, index
  }

  public var id: String
  public var kind: Kind
  public var name: LocalizedText
  /// Unit of an indicator; "score" for dimensions and the index.
  public var unit: String
  /// The dimension an indicator belongs to; nil for dimensions and the index.
  public var dimension: Dimension?

  public init(id: String, kind: Kind, name: LocalizedText, unit: String, dimension: Dimension?) {
    self.id = id
    self.kind = kind
    self.name = name
    self.unit = unit
    self.dimension = dimension
  }
}

/// Summary statistics of one output in one year over all runs.
public struct SeriesPoint: Codable, Sendable, Equatable {
  public var indicator: String
  public var year: Int
  public var mean: Double
  /// Sample standard deviation (n − 1).
  public var sd: Double
  public var p5: Double
  public var p25: Double
  public var p50: Double
  public var p75: Double
  public var p95: Double

  public init(
    indicator: String, year: Int, mean: Double, sd: Double, p5: Double, p25: Double, p50: Double,
    p75: Double, p95: Double
  ) {
    self.indicator = indicator
    self.year = year
    self.mean = mean
    self.sd = sd
    self.p5 = p5
    self.p25 = p25
    self.p50 = p50
    self.p75 = p75
    self.p95 = p95
  }
}

/// The probability of meeting a target, and when it is first met.
public struct TargetResult: Codable, Sendable, Equatable {
  public var indicator: String
  public var year: Int
  public var atLeast: Double?
  public var atMost: Double?
  public var probability: Double
  /// Distribution of the first projected year in which the bound holds (years never met are
  /// left out, so the probabilities sum to at most 1).
  public var firstMet: [YearProbability]

  public init(
    indicator: String, year: Int, atLeast: Double?, atMost: Double?, probability: Double,
    firstMet: [YearProbability]
  ) {
    self.indicator = indicator
    self.year = year
    self.atLeast = atLeast
    self.atMost = atMost
    self.probability = probability
    self.firstMet = firstMet
  }
}

public struct YearProbability: Codable, Sendable, Equatable {
  public var year: Int
  public var probability: Double

  public init(year: Int, probability: Double) {
    self.year = year
    self.probability = probability
  }
}

/// Programme cost in one year (亿元) over all runs.
public struct CostPoint: Codable, Sendable, Equatable {
  public var year: Int
  public var mean: Double
  public var sd: Double
  public var p5: Double
  public var p50: Double
  public var p95: Double

  public init(year: Int, mean: Double, sd: Double, p5: Double, p50: Double, p95: Double) {
    self.year = year
    self.mean = mean
    self.sd = sd
    self.p5 = p5
    self.p50 = p50
    self.p95 = p95
  }
}

/// Facts that vary between identical runs (timing, host, date) and the run manifest.
public struct RunManifest: Codable, Sendable, Equatable {
  public var version: String
  public var command: [String]
  public var seed: UInt64
  public var inputs: [InputFile]
  public var threads: Int
  public var elapsedSeconds: Double
  public var host: String
  public var date: String

  public init(
    version: String, command: [String], seed: UInt64, inputs: [InputFile], threads: Int,
    elapsedSeconds: Double, host: String, date: String
  ) {
    self.version = version
    self.command = command
    self.seed = seed
    self.inputs = inputs
    self.threads = threads
    self.elapsedSeconds = elapsedSeconds
    self.host = host
    self.date = date
  }
}

/// An input file and the SHA-256 of its bytes.
public struct InputFile: Codable, Sendable, Equatable {
  public var path: String
  public var sha256: String

  public init(path: String, sha256: String) {
    self.path = path
    self.sha256 = sha256
  }
}

/// `compare`: paired differences (alternative − base) under common random numbers.
public struct PlanComparison: Codable, Sendable, Equatable {
  public var base: String
  public var outputs: [OutputInfo]
  public var comparisons: [Comparison]
  /// Numerical problems met in any of the scenarios (see `RunResult.diagnostics`).
  public var diagnostics: [NumericalDiagnostic]
  public var meta: RunManifest?

  public init(
    base: String, outputs: [OutputInfo], comparisons: [Comparison], diagnostics: [NumericalDiagnostic] = [],
    meta: RunManifest? = nil
  ) {
    self.base = base
    self.outputs = outputs
    self.comparisons = comparisons
    self.diagnostics = diagnostics
    self.meta = meta
  }

  private enum CodingKeys: String, CodingKey {
    case base, outputs, comparisons, diagnostics, meta
  }

  /// Decodes results written before diagnostics and the sampling were recorded as having no
  /// diagnostics and independent sampling.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    base = try c.decode(String.self, forKey: .base)
    outputs = try c.decode([OutputInfo].self, forKey: .outputs)
    comparisons = try c.decode([Comparison].self, forKey: .comparisons)
    diagnostics = try c.decodeIfPresent([NumericalDiagnostic].self, forKey: .diagnostics) ?? []
    meta = try c.decodeIfPresent(RunManifest.self, forKey: .meta)
  }
}

public struct Comparison: Codable, Sendable, Equatable {
  public var scenario: String
  public var title: LocalizedText
  public var differences: [Difference]

  public init(scenario: String, title: LocalizedText, differences: [Difference]) {
    self.scenario = scenario
    self.title = title
    self.differences = differences
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

  public init(
    indicator: String, year: Int, mean: Double, sd: Double, p5: Double, p50: Double, p95: Double,
    probabilityHigher: Double
  ) {
    self.indicator = indicator
    self.year = year
    self.mean = mean
    self.sd = sd
    self.p5 = p5
    self.p50 = p50
    self.p95 = p95
    self.probabilityHigher = probabilityHigher
  }
}
