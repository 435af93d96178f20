import CityModel

/// What calibration decided for one parameter of a model, by its stable path
/// (`retail_sales.drift`, `retail_sales.drivers.metro_km.elasticity`, `metro_km.annual_addition`).
public struct CalibratedParameter: Sendable, Equatable {
  /// The estimate behind a fitted parameter and the data it rests on.
  public struct Fit: Sendable, Equatable {
    public var estimate: Double
    public var standardError: Double
    public var observations: Int
    public var cities: Int
    public var firstYear: Int
    public var lastYear: Int
  }

  public enum Decision: String, Sendable {
    case fitted
    case keptPrior = "kept-prior"
  }

  public var path: String
  /// The model's distribution before calibration (YAML flow text).
  public var prior: String
  public var fitted: Fit?
  /// The distribution written to the calibrated model (YAML flow text).
  public var written: String
  public var decision: Decision
  /// Why: the estimator and its basis, or why the prior was kept.
  public var reason: String
}
