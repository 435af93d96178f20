import Stochastics

extension Distribution {
  /// The distribution as a model or scenario file writes it, in YAML flow style
  /// (`{normal: {mean: 0.05, sd: 0.01}}`, or the bare number of a fixed value). Numbers carry
  /// every digit needed to read back the same double.
  public var yamlFlow: String {
    func n(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)" }
    return switch self {
    case .fixed(let value): n(value)
    case let .normal(mean, sd): "{normal: {mean: \(n(mean)), sd: \(n(sd))}}"
    case let .lognormal(median, sdLog): "{lognormal: {median: \(n(median)), sd_log: \(n(sdLog))}}"
    case let .uniform(min, max): "{uniform: {min: \(n(min)), max: \(n(max))}}"
    case let .triangular(min, mode, max): "{triangular: {min: \(n(min)), mode: \(n(mode)), max: \(n(max))}}"
    case let .pert(min, mode, max): "{pert: {min: \(n(min)), mode: \(n(mode)), max: \(n(max))}}"
    case let .beta(alpha, beta, min, max):
      "{beta: {alpha: \(n(alpha)), beta: \(n(beta)), min: \(n(min)), max: \(n(max))}}"
    case .poisson(let mean): "{poisson: {mean: \(n(mean))}}"
    case let .discrete(values, weights):
      "{discrete: {values: [\(values.map(n).joined(separator: ", "))], weights: "
        + "[\(weights.map(n).joined(separator: ", "))]}}"
    }
  }
}
