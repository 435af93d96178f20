import LinearAlgebra

/// A fitted linear regression: coefficients with their covariance and inference, the
/// goodness-of-fit diagnostics, and the terms dropped as aliased.
///
/// Fit with `Regression(fitting:covariance:ridge:varianceInflation:)` (LeastSquaresFit.swift).
public struct Regression: Sendable {
  /// One estimated coefficient and its inference at 95 %.
  public struct Coefficient: Sendable, Equatable {
    public var term: String
    public var estimate: Double
    public var standardError: Double
    public var t: Double
    public var pValue: Double
    public var confidenceLow: Double
    public var confidenceHigh: Double
    /// Variance inflation factor, when requested (nil for the intercept).
    public var varianceInflation: Double?
    /// Why the standard error (and so t, p and the interval) is not a number, when it is not.
    public var undefinedReason: String? = nil
  }

  /// The joint test that every coefficient but the intercept is zero.
  public struct FTest: Sendable, Equatable {
    public var statistic: Double
    public var numeratorDF: Double
    public var denominatorDF: Double
    public var pValue: Double
  }

  public var responseName: String
  /// Estimated coefficients, in design order, aliased terms left out.
  public var coefficients: [Coefficient]
  /// Terms dropped because they are linear combinations of earlier ones (named, never hidden).
  public var aliased: [String]
  public var observationCount: Int
  /// Rows dropped listwise because a used cell was missing.
  public var droppedCount: Int
  /// Number of linearly independent columns.
  public var rank: Int
  /// n − rank (for ridge n − tr H, the effective residual degrees of freedom).
  public var residualDF: Double
  /// rank − 1 with a constant in the model (explicit or implied by dummies), else rank.
  public var modelDF: Double
  /// Degrees of freedom of the t reference distribution (residualDF, or G − 1 when clustered).
  public var inferenceDF: Double
  public var rSquared: Double
  public var adjustedRSquared: Double
  /// Whether R² is centred (the model contains a constant) or uncentred (1 − RSS/Σy²).
  public var rSquaredIsCentred: Bool
  public var residualStandardError: Double
  public var residualSumOfSquares: Double
  /// nil when the test is not defined: a ridge fit with λ > 0, a standard error that is
  /// undefined (leverage 1 under HC2/HC3), a robust covariance of lower rank than the
  /// number of restrictions (clusters fewer than coefficients; Stata prints "F = ."), a two-way
  /// cluster covariance that is not positive definite on the tested coefficients (statsmodels
  /// still reports an F from its pseudo-inverse), or a robust fit whose constant is only implied
  /// by dummies.
  public var fTest: FTest?
  /// σ_max/σ_min of the (whitened) design with every column, as statsmodels reports it.
  public var conditionNumber: Double
  public var covarianceType: CovarianceType
  /// Covariance of `coefficients`, in their order.
  public var covariance: Matrix
  public var clusterCount: Int?
  /// Observations with leverage 1 under HC2/HC3 (named as `Design.observationName` names them),
  /// which make the standard errors of the coefficients they influence undefined.
  public var leverageOneObservations: [String] = []
  public var ridge: Double?
  public var weightsColumn: String?
  /// The fixed effects absorbed by demeaning instead of estimated as dummies.
  public var absorbed: AbsorbedEffects?
  /// The classical standard errors s·√A_jj of `coefficients`, kept for a clustered fit so that
  /// a cluster-robust error below the classical one can be flagged (`thinDataWarnings`).
  public var classicalStandardErrors: [Double]?
  /// The wild cluster bootstrap of the t tests, when asked for (`estimate --wild-bootstrap`).
  public var wildBootstrap: WildClusterBootstrap?
  /// The observations fitted, after listwise deletion, when asked for (`estimate --show-rows`).
  public var observationSources: [ObservationSource]?

  /// Which standard errors leverage-1 observations leave undefined, where those are, and what to
  /// do instead; nil when there are none.
  public var leverageOneWarning: String? {
    guard !leverageOneObservations.isEmpty else { return nil }
    let terms = coefficients.filter { $0.undefinedReason != nil }.map(\.term)
    return "\(covarianceType) standard error\(terms.count == 1 ? "" : "s") of \(terms.joined(separator: ", ")) "
      + "undefined (shown as —, null in JSON and YAML): leverage 1, fitted exactly whatever its value, at "
      + Self.listing(leverageOneObservations)
      + ". The other standard errors are exact; hc0 and hc1 are defined for all, or drop the observation."
  }

  /// The coefficient of a term, if it was estimated.
  public func coefficient(_ term: String) -> Coefficient? {
    coefficients.first { $0.term == term }
  }
}
