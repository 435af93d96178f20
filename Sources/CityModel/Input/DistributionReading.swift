import Stochastics

/// The families of docs/file-formats.md ("Distributions") and the parameters each takes.
let distributionFamilies: [String: [String]] = [
  "normal": ["mean", "sd"],
  "lognormal": ["median", "sd_log"],
  "uniform": ["min", "max"],
  "triangular": ["min", "mode", "max"],
  "pert": ["min", "mode", "max"],
  "beta": ["alpha", "beta", "min", "max"],
  "poisson": ["mean"],
  "discrete": ["values", "weights"],
]

/// Where a distribution's values may fall.
public struct Support: Sendable {
  public var lower: Double
  public var upper: Double
  /// True when every possible value is a whole number.
  public var isWholeNumbers: Bool
}

extension Distribution {
  /// The smallest interval holding every value the distribution can take.
  public var valueBounds: Support {
    switch self {
    case .fixed(let value): Support(lower: value, upper: value, isWholeNumbers: value == value.rounded())
    case .normal: Support(lower: -.infinity, upper: .infinity, isWholeNumbers: false)
    case .lognormal: Support(lower: 0, upper: .infinity, isWholeNumbers: false)
    case let .uniform(min, max), let .triangular(min, _, max), let .pert(min, _, max), let .beta(_, _, min, max):
      Support(lower: min, upper: max, isWholeNumbers: false)
    case .poisson: Support(lower: 0, upper: .infinity, isWholeNumbers: true)
    case let .discrete(values, _):
      Support(
        lower: values.min() ?? 0, upper: values.max() ?? 0, isWholeNumbers: values.allSatisfy { $0 == $0.rounded() })
    }
  }

  /// What is wrong with the parameters, as sentences ("sd must be ≥ 0 (got -1)"); empty when valid.
  var parameterProblems: [String] {
    func fmt(_ x: Double) -> String { formatNumber(x) }
    var problems: [String] = []
    switch self {
    case .fixed: break
    case let .normal(_, sd):
      if sd < 0 { problems.append("sd must be ≥ 0 (got \(fmt(sd)))") }
    case let .lognormal(median, sdLog):
      if median <= 0 { problems.append("median must be > 0 (got \(fmt(median)))") }
      if sdLog < 0 { problems.append("sd_log must be ≥ 0 (got \(fmt(sdLog)))") }
    case let .uniform(min, max):
      if min > max { problems.append("min must be ≤ max (got min \(fmt(min)) > max \(fmt(max)))") }
    case let .triangular(min, mode, max), let .pert(min, mode, max):
      if min > max {
        problems.append("min must be ≤ max (got min \(fmt(min)) > max \(fmt(max)))")
      } else if mode < min || mode > max {
        problems.append("mode must lie between min and max (got \(fmt(mode)) outside \(fmt(min))…\(fmt(max)))")
      }
    case let .beta(alpha, beta, min, max):
      if alpha <= 0 { problems.append("alpha must be > 0 (got \(fmt(alpha)))") }
      if beta <= 0 { problems.append("beta must be > 0 (got \(fmt(beta)))") }
      if min >= max { problems.append("min must be < max (got min \(fmt(min)), max \(fmt(max)))") }
    case let .poisson(mean):
      if mean < 0 { problems.append("mean must be ≥ 0 (got \(fmt(mean)))") }
    case let .discrete(values, weights):
      if values.isEmpty { problems.append("values must not be empty") }
      if weights.count != values.count {
        problems.append(
          "weights must have one entry per value (got \(weights.count) weights for \(values.count) values)")
      }
      if let negative = weights.first(where: { $0 < 0 }) {
        problems.append("weights must be ≥ 0 (got \(fmt(negative)))")
      } else if !weights.isEmpty && weights.reduce(0, +) <= 0 {
        problems.append("weights must not all be 0")
      }
    }
    return problems
  }
}

/// A number as people write it: no trailing ".0" on whole numbers.
func formatNumber(_ x: Double) -> String {
  x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
}

extension Diagnostics {
  /// A distribution in the notation of docs/file-formats.md: a bare number (fixed), or one key
  /// naming the family with its parameters, e.g. `{normal: {mean: 0.05, sd: 0.01}}`. Invalid
  /// parameters (a negative sd, min > max …) are reported here.
  func distribution(_ tree: YAMLTree, what: String) -> Distribution? {
    if case .scalar = tree {
      return number(tree, what: "\(what) (a number or a distribution)").map(Distribution.fixed)
    }
    guard case .mapping(let outer) = tree, outer.entries.count == 1, let entry = outer.entries.first else {
      error(
        "expected \(what) as a number or one distribution family ({normal: {mean: …, sd: …}}), found "
          + "\(tree.kindDescription)",
        at: tree.location)
      return nil
    }
    let (familyKey, body) = (entry.key, entry.value)
    let family = familyKey.text
    guard let parameters = distributionFamilies[family] else {
      let families = distributionFamilies.keys.sorted()
      let hint =
        closestMatch(to: family, among: families).map { "; did you mean '\($0)'?" }
        ?? " (expected one of: \(families.joined(separator: ", ")))"
      error("unknown distribution '\(family)'\(hint)", at: familyKey.location)
      return nil
    }
    guard let reader = MappingReader(body, what: "a \(family) distribution", allowedKeys: parameters, diagnostics: self)
    else {
      return nil
    }
    func value(_ key: String, default fallback: Double? = nil) -> Double? {
      if let tree = reader[key] { return number(tree, what: "\(key) (a number)") }
      if let fallback { return fallback }
      _ = reader.required(key)
      return nil
    }
    let result: Distribution?
    switch family {
    case "normal":
      let mean = value("mean"), sd = value("sd")
      result = mean.flatMap { m in sd.map { .normal(mean: m, sd: $0) } }
    case "lognormal":
      let median = value("median"), sdLog = value("sd_log")
      result = median.flatMap { m in sdLog.map { .lognormal(median: m, sdLog: $0) } }
    case "uniform":
      let lo = value("min"), hi = value("max")
      result = lo.flatMap { l in hi.map { .uniform(min: l, max: $0) } }
    case "triangular", "pert":
      let lo = value("min"), mode = value("mode"), hi = value("max")
      if let lo, let mode, let hi {
        result = family == "pert" ? .pert(min: lo, mode: mode, max: hi) : .triangular(min: lo, mode: mode, max: hi)
      } else {
        result = nil
      }
    case "beta":
      let alpha = value("alpha"), beta = value("beta"), lo = value("min", default: 0), hi = value("max", default: 1)
      if let alpha, let beta, let lo, let hi {
        result = .beta(alpha: alpha, beta: beta, min: lo, max: hi)
      } else {
        result = nil
      }
    case "poisson":
      result = value("mean").map { .poisson(mean: $0) }
    default:  // discrete
      let values = reader.required("values").flatMap { numbers($0, what: "values") }
      let weights = reader["weights"].flatMap { numbers($0, what: "weights") }
      result = values.map {
        Distribution.discrete(values: $0, weights: weights ?? Array(repeating: 1, count: $0.count))
      }
    }
    guard let result else { return nil }
    let problems = result.parameterProblems
    for problem in problems {
      error("\(what): \(family) \(problem)", at: body.location)
    }
    return problems.isEmpty ? result : nil
  }

  /// A distribution whose every value must lie in `lower…upper` (each bound optional),
  /// e.g. a probability in [0, 1]; `explanation` says why, in the message.
  func bounded(
    _ tree: YAMLTree, what: String, lower: Double? = nil, upper: Double? = nil,
    strictLower: Bool = false, strictUpper: Bool = false, wholeNumbers: Bool = false
  ) -> Distribution? {
    guard let distribution = distribution(tree, what: what) else { return nil }
    let support = distribution.valueBounds
    let lowOK = lower.map { strictLower ? support.lower > $0 : support.lower >= $0 } ?? true
    let highOK = upper.map { strictUpper ? support.upper < $0 : support.upper <= $0 } ?? true
    if !lowOK || !highOK {
      let range = describeRange(lower: lower, upper: upper, strictLower: strictLower, strictUpper: strictUpper)
      let unbounded = support.lower == -.infinity || support.upper == .infinity
      let reach = unbounded ? "beyond it" : "\(formatNumber(support.lower))…\(formatNumber(support.upper))"
      let found =
        distribution.isFixed
        ? "got \(formatNumber(support.lower))"
        : "this distribution reaches \(reach)"
      let verb = lower != nil && upper != nil ? "must lie in" : "must be"
      error("\(what) \(verb) \(range) (\(found))", at: tree.location)
      return nil
    }
    if wholeNumbers && !support.isWholeNumbers {
      error(
        "\(what) is a whole number of years: use a whole number, a poisson or a discrete distribution",
        at: tree.location)
      return nil
    }
    return distribution
  }

  private func numbers(_ tree: YAMLTree, what: String) -> [Double]? {
    guard let items = list(tree, what: what) else { return nil }
    let values = items.compactMap { number($0, what: "a number") }
    return values.count == items.count ? values : nil
  }
}

/// "[0, 1]", "≥ 0", "(-1, 1)" …
func describeRange(lower: Double?, upper: Double?, strictLower: Bool = false, strictUpper: Bool = false) -> String {
  switch (lower, upper) {
  case let (lo?, hi?): "\(strictLower ? "(" : "[")\(formatNumber(lo)), \(formatNumber(hi))\(strictUpper ? ")" : "]")"
  case let (lo?, nil): "\(strictLower ? ">" : "≥") \(formatNumber(lo))"
  case let (nil, hi?): "\(strictUpper ? "<" : "≤") \(formatNumber(hi))"
  default: "any value"
  }
}
