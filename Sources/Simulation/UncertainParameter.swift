import Stochastics

/// A quantity drawn once per run, named by a stable path (`retail_sales.drivers.metro_km.elasticity`).
///
/// The path keys the parameter's random stream, so a parameter keeps its draws when anything
/// else in the scenario changes, and two scenarios that share a path share its draws.
public struct UncertainParameter: Sendable, Equatable {
  public let path: String
  public let distribution: Distribution
  /// The distribution's inverse CDF, prepared once for the per-run draws.
  let quantile: QuantileFunction
  let key: StreamKey

  init(path: String, distribution: Distribution) {
    self.path = path
    self.distribution = distribution
    quantile = QuantileFunction(distribution)
    key = StreamKey(path)
  }
}

/// Collects a scenario's per-run parameters, giving each an index into the per-run arrays.
struct ParameterRegistry {
  private(set) var parameters: [UncertainParameter] = []
  private var positions: [String: Int] = [:]

  /// Registers `distribution` under `path` and returns its index; a path registered twice
  /// returns the first index (the same quantity).
  mutating func register(_ path: String, _ distribution: Distribution) -> Int {
    if let existing = positions[path] { return existing }
    parameters.append(UncertainParameter(path: path, distribution: distribution))
    positions[path] = parameters.count - 1
    return parameters.count - 1
  }
}
