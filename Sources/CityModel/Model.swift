import Foundation
import Stochastics

/// A model file, parsed and validated: indicators in play, the driver graph, the shock process,
/// policies, the composite index, and estimated elasticities to draw jointly.
public struct Model: Sendable {
  public var id: String
  public var description: String
  /// Indicators in play, in the order the file lists them.
  public var indicators: [ModelIndicator]
  public var shockCorrelations: [ShockCorrelation]
  public var disruption: Disruption?
  public var policies: [Policy]
  public var index: IndexSpecification
  public var estimates: [EstimateSet]
  /// The catalogue the model's ids refer to (bundled, plus any user extension).
  public var catalogue: IndicatorCatalogue
  /// Every file read to build the model, for the run manifest.
  public var sourceFiles: [URL]
  /// The SHA-256 (hex) of each of `sourceFiles`, taken of the bytes that were parsed.
  public var sourceDigests: [URL: String] = [:]
  /// Remarks from validation that do not make the model wrong (e.g. an indicator in play
  /// without goalposts, which therefore does not enter the index).
  public var notes: [InputProblem] = []

  public init(
    id: String, description: String, indicators: [ModelIndicator],
    shockCorrelations: [ShockCorrelation] = [], disruption: Disruption? = nil,
    policies: [Policy] = [], index: IndexSpecification = IndexSpecification(),
    estimates: [EstimateSet] = [], catalogue: IndicatorCatalogue, sourceFiles: [URL] = []
  ) {
    self.id = id
    self.description = description
    self.indicators = indicators
    self.shockCorrelations = shockCorrelations
    self.disruption = disruption
    self.policies = policies
    self.index = index
    self.estimates = estimates
    self.catalogue = catalogue
    self.sourceFiles = sourceFiles
  }
}

/// An indicator in play and its equation.
public struct ModelIndicator: Sendable {
  public var id: String
  public var role: Role
  /// c in ln(Y + c) for a `count`-scale indicator (≥ 1); unused for other scales.
  public var offset: Double
  /// How the indicator is measured or scored, when the model states it (the rubric of a 0–100 score).
  public var rubric: String?

  public enum Role: Sendable {
    case stock(Stock)
    case response(Response)
  }

  public init(id: String, role: Role, offset: Double = 1, rubric: String? = nil) {
    self.id = id
    self.role = role
    self.offset = offset
    self.rubric = rubric
  }
}

/// X(t) = max(0, X(t−1) + d + Σ interventions).
public struct Stock: Sendable {
  /// r: the rate of the baseline annual addition, drawn once per run.
  public var annualAddition: Distribution
  /// How each year's addition d(t) varies around r.
  public var yearly: YearlyVariation

  public init(annualAddition: Distribution, yearly: YearlyVariation = .none) {
    self.annualAddition = annualAddition
    self.yearly = yearly
  }
}

/// How a stock's baseline addition varies from year to year around its rate r. Uncertainty
/// about the rate (drawn once per run) and variation between years are different things:
/// "one district every three years" is r = 1/3 with `poisson`, which adds whole districts in
/// some years and none in others, where `none` would add a third of a district every year.
public enum YearlyVariation: Hashable, Sendable {
  /// d(t) = r every year (the default, and the meaning of files without `yearly`).
  case none
  /// d(t) ~ Poisson(max(r, 0)), drawn every year: whole units arriving at rate r.
  case poisson
  /// d(t) = r + N(0, s²), drawn every year; s is drawn once per run.
  case normal(sd: Distribution)
}

/// z*(t) = z*(t−1) + g + Σ β Δu(t−ℓ) + Σ γ Δs(t);  z = z* + ε;  ε(t) = ρ ε(t−1) + η + e·J·B.
public struct Response: Sendable {
  /// g: drift per year in modelling-space points, drawn once per run.
  public var drift: Distribution
  /// σ: standard deviation of the yearly innovation η.
  public var shockSD: Distribution
  /// ρ: AR(1) coefficient of the transient deviation.
  public var autoregression: Distribution
  /// e: exposure to disruptions (1 means the full disruption size J).
  public var exposure: Distribution
  public var drivers: [Driver]

  public init(
    drift: Distribution, shockSD: Distribution = .fixed(0), autoregression: Distribution = .fixed(0),
    exposure: Distribution = .fixed(0), drivers: [Driver] = []
  ) {
    self.drift = drift
    self.shockSD = shockSD
    self.autoregression = autoregression
    self.exposure = exposure
    self.drivers = drivers
  }
}

/// An edge of the driver graph: `from` drives the response with elasticity β at lag ℓ.
public struct Driver: Sendable {
  public var from: String
  public var elasticity: Distribution
  public var lag: Int

  public init(from: String, elasticity: Distribution, lag: Int = 0) {
    self.from = from
    self.elasticity = elasticity
    self.lag = lag
  }
}

/// A correlation between two responses' yearly innovations η.
public struct ShockCorrelation: Sendable {
  public var first: String
  public var second: String
  public var correlation: Double

  public init(first: String, second: String, correlation: Double) {
    self.first = first
    self.second = second
    self.correlation = correlation
  }
}

/// Disruptions: strike with probability π per year (π drawn per run); size J drawn per run-year.
public struct Disruption: Sendable {
  public var probability: Distribution
  public var size: Distribution

  public init(probability: Distribution, size: Distribution) {
    self.probability = probability
    self.size = size
  }
}

/// A policy the model knows, and what it does at full phase-in.
public struct Policy: Sendable {
  public var id: String
  public var name: LocalizedText
  public var effects: [PolicyEffect]

  public init(id: String, name: LocalizedText, effects: [PolicyEffect]) {
    self.id = id
    self.name = name
    self.effects = effects
  }
}

/// γ: a policy's full effect on a response, in its modelling-space points.
public struct PolicyEffect: Sendable {
  public var indicator: String
  public var effect: Distribution

  public init(indicator: String, effect: Distribution) {
    self.indicator = indicator
    self.effect = effect
  }
}

/// How indicators combine into dimension scores and the ICC index.
public struct IndexSpecification: Sendable {
  /// The index's output id (reserved beside the catalogue's ids and the dimensions').
  public static let outputID = "index"
  /// The index's name in results and tables.
  public static let name = LocalizedText(zh: "国际消费中心城市指数", en: "ICC index")

  public enum Aggregation: String, Sendable {
    case arithmetic, geometric
  }

  public var aggregation: Aggregation
  /// Dimension weights (renormalised over dimensions with indicators in play); default equal.
  public var dimensionWeights: [Dimension: Distribution]
  /// Weights of indicators within their dimension; an indicator not named weighs 1.
  public var indicatorWeights: [String: Distribution]
  public var goalposts: [String: Goalpost]

  public init(
    aggregation: Aggregation = .arithmetic, dimensionWeights: [Dimension: Distribution] = [:],
    indicatorWeights: [String: Distribution] = [:], goalposts: [String: Goalpost] = [:]
  ) {
    self.aggregation = aggregation
    self.dimensionWeights = dimensionWeights
    self.indicatorWeights = indicatorWeights
    self.goalposts = goalposts
  }
}

/// Normalisation bounds L and U of an indicator, in its natural units: numbers, or bounded
/// distributions (index-method uncertainty, drawn once per run like the weights) whose ranges
/// keep every draw of L below every draw of U.
public struct Goalpost: Hashable, Sendable {
  public var low: Distribution
  public var high: Distribution
  public var normalisation: Normalisation

  public init(low: Distribution, high: Distribution, normalisation: Normalisation = .transformed) {
    self.low = low
    self.high = high
    self.normalisation = normalisation
  }

  public init(low: Double, high: Double, normalisation: Normalisation = .transformed) {
    self.init(low: .fixed(low), high: .fixed(high), normalisation: normalisation)
  }
}

/// How an indicator's value between its goalposts L and U becomes a score from 0 to 100 (values
/// beyond a goalpost score 0 or 100).
public enum Normalisation: String, CaseIterable, Hashable, Sendable {
  /// Min–max in the indicator's modelling space T (log, logit, or log(Y + c) for counts):
  /// 100 · (T(Y) − T(L)) / (T(U) − T(L)). The default, and the meaning of files without the key.
  case transformed
  /// Min–max on natural units, the JRC/OECD handbook's default: 100 · (Y − L) / (U − L).
  case linear
}

/// Elasticities of one response estimated by `iccsim estimate`, drawn jointly from N(β̂, V̂).
public struct EstimateSet: Sendable {
  public struct Term: Hashable, Sendable {
    public var driver: String
    public var lag: Int

    public init(driver: String, lag: Int) {
      self.driver = driver
      self.lag = lag
    }
  }

  public var response: String
  public var terms: [Term]
  public var coefficients: [Double]
  /// Row-major k×k covariance of the coefficients.
  public var covariance: [[Double]]
  public var covarianceType: String
  public var source: URL?

  public init(
    response: String, terms: [Term], coefficients: [Double], covariance: [[Double]],
    covarianceType: String, source: URL? = nil
  ) {
    self.response = response
    self.terms = terms
    self.coefficients = coefficients
    self.covariance = covariance
    self.covarianceType = covarianceType
    self.source = source
  }
}
