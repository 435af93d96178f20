import Foundation

extension Distribution {
  /// Human-readable reasons the parameters are impossible; empty when the distribution is valid.
  ///
  /// Each sentence names the parameter as it is spelled in scenario and model files and shows the
  /// offending value, e.g. "sd must be ≥ 0 (got -1)", so a loader can prefix file:line:column
  /// and show it unchanged. All problems are reported at once.
  public var problems: [String] {
    var problems: [String] = []
    func finite(_ name: String, _ value: Double) -> Bool {
      if value.isFinite { return true }
      problems.append("\(name) must be a finite number (got \(Self.describe(value)))")
      return false
    }
    func atLeastZero(_ name: String, _ value: Double) {
      if finite(name, value) && value < 0 {
        problems.append("\(name) must be ≥ 0 (got \(Self.describe(value)))")
      }
    }
    func positive(_ name: String, _ value: Double) {
      if finite(name, value) && value <= 0 {
        problems.append("\(name) must be > 0 (got \(Self.describe(value)))")
      }
    }
    func ordered(_ lo: Double, _ hi: Double) {
      if lo.isFinite && hi.isFinite && lo > hi {
        problems.append(
          "min must be ≤ max (got min \(Self.describe(lo)), max \(Self.describe(hi)))")
      }
    }
    func range(_ lo: Double, _ mode: Double, _ hi: Double) {
      let allFinite = [finite("min", lo), finite("mode", mode), finite("max", hi)].allSatisfy { $0 }
      guard allFinite else { return }
      ordered(lo, hi)
      if lo <= hi && !(lo...hi).contains(mode) {
        problems.append(
          "mode must lie in [min, max] (got mode \(Self.describe(mode)), "
            + "range [\(Self.describe(lo)), \(Self.describe(hi))])")
      }
    }

    switch self {
    case .fixed(let value):
      _ = finite("value", value)
    case .normal(let mean, let sd):
      _ = finite("mean", mean)
      atLeastZero("sd", sd)
    case .lognormal(let median, let sdLog):
      positive("median", median)
      atLeastZero("sd_log", sdLog)
    case .uniform(let lo, let hi):
      if finite("min", lo) && finite("max", hi) { ordered(lo, hi) }
    case .triangular(let lo, let mode, let hi), .pert(let lo, let mode, let hi):
      range(lo, mode, hi)
    case .beta(let alpha, let beta, let lo, let hi):
      positive("alpha", alpha)
      positive("beta", beta)
      if finite("min", lo) && finite("max", hi) { ordered(lo, hi) }
    case .poisson(let mean):
      atLeastZero("mean", mean)
    case .discrete(let values, let weights):
      if values.isEmpty {
        problems.append("values must not be empty")
      }
      if values.count != weights.count {
        problems.append(
          "values and weights must have the same length "
            + "(got \(values.count) values, \(weights.count) weights)")
      }
      for (index, value) in values.enumerated() where !value.isFinite {
        problems.append("values must be finite numbers (got \(Self.describe(value)) at position \(index + 1))")
      }
      var allUsable = true
      for (index, weight) in weights.enumerated() where !(weight.isFinite && weight >= 0) {
        allUsable = false
        let requirement = weight.isFinite ? "≥ 0" : "finite numbers"
        problems.append(
          "weights must be \(requirement) (got \(Self.describe(weight)) at position \(index + 1))")
      }
      let total = weights.reduce(0, +)
      if allUsable && !weights.isEmpty && !(total > 0) {
        problems.append("weights must sum to more than 0 (got \(Self.describe(total)))")
      }
    }
    return problems
  }

  /// A number as a person would write it: integers without ".0", NaN and infinities spelled out.
  static func describe(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-infinity" : "infinity" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}
