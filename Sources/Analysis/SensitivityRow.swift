/// One result of a sensitivity analysis: how much one input (or group of inputs) matters for
/// one output in one year, by one method.
///
/// Rows encode to the public JSON shape `{"input", "output", "year", "method", …}` followed by the
/// method's own fields in snake_case: `low`, `high`, `swing`, `base`, `input_low`, `input_high`
/// for the tornado; `src`, `prcc`, `r_squared`, `rank_r_squared` for the regression method; `s1`,
/// `s1_low`, `s1_high`, `st`, `st_low`, `st_high` for Sobol indices. `year` is always present
/// (null for an output that is not a yearly value).
public struct SensitivityRow: Codable, Hashable, Sendable {
  /// The input's stable path, or the group's name for grouped indices.
  public var input: String
  public var output: String
  public var year: Int?
  public var measures: Measures

  public init(input: String, output: SensitivityOutput, measures: Measures) {
    self.input = input
    self.output = output.id
    self.year = output.year
    self.measures = measures
  }

  public var method: SensitivityMethod { measures.method }

  /// The method-specific numbers of a row.
  public enum Measures: Hashable, Sendable {
    case tornado(TornadoMeasures)
    case regression(RegressionMeasures)
    case sobol(SobolMeasures)

    public var method: SensitivityMethod {
      switch self {
      case .tornado: .tornado
      case .regression: .src
      case .sobol: .sobol
      }
    }
  }

  private enum CodingKeys: String, CodingKey {
    case input, output, year, method
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    input = try container.decode(String.self, forKey: .input)
    output = try container.decode(String.self, forKey: .output)
    year = try container.decodeIfPresent(Int.self, forKey: .year)
    switch try container.decode(SensitivityMethod.self, forKey: .method) {
    case .tornado: measures = .tornado(try TornadoMeasures(from: decoder))
    case .src: measures = .regression(try RegressionMeasures(from: decoder))
    case .sobol: measures = .sobol(try SobolMeasures(from: decoder))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(input, forKey: .input)
    try container.encode(output, forKey: .output)
    try container.encode(year, forKey: .year)
    try container.encode(method, forKey: .method)
    switch measures {
    case .tornado(let values): try values.encode(to: encoder)
    case .regression(let values): try values.encode(to: encoder)
    case .sobol(let values): try values.encode(to: encoder)
    }
  }
}

/// The three methods, by the names the command line and the JSON use.
public enum SensitivityMethod: String, Codable, Hashable, Sendable, CaseIterable {
  case tornado, src, sobol
}

/// One bar of a tornado: the output with this input at its low and high quantiles and every
/// other input at its median.
public struct TornadoMeasures: Codable, Hashable, Sendable {
  /// Output with the input at its low quantile (P5 by default).
  public var low: Double
  /// Output with the input at its high quantile (P95 by default).
  public var high: Double
  /// `|high − low|`, the length of the bar; rows are sorted by it.
  public var swing: Double
  /// Output with every input at its median.
  public var base: Double
  /// The input's own low and high quantiles, so the bar can be labelled.
  public var inputLow: Double
  public var inputHigh: Double

  public init(low: Double, high: Double, base: Double, inputLow: Double, inputHigh: Double) {
    self.low = low
    self.high = high
    self.swing = abs(high - low)
    self.base = base
    self.inputLow = inputLow
    self.inputHigh = inputHigh
  }

  private enum CodingKeys: String, CodingKey {
    case low, high, swing, base
    case inputLow = "input_low"
    case inputHigh = "input_high"
  }
}

/// Regression-based measures of one input for one output.
public struct RegressionMeasures: Codable, Hashable, Sendable {
  /// Standardised regression coefficient: the least-squares slope of the standardised output on
  /// the standardised inputs. Meaningful as a share of variance only when `rSquared` is high.
  public var src: Double
  /// Partial rank correlation coefficient: the correlation of the ranks of this input and of the
  /// output once the ranks of all other inputs are regressed out (robust to monotone nonlinearity).
  public var prcc: Double
  /// R² of the linear regression on the raw values (the same for every input of an output).
  public var rSquared: Double
  /// R² of the linear regression on the ranks, which tells how far PRCCs can be trusted.
  public var rankRSquared: Double

  public init(src: Double, prcc: Double, rSquared: Double, rankRSquared: Double) {
    self.src = src
    self.prcc = prcc
    self.rSquared = rSquared
    self.rankRSquared = rankRSquared
  }

  private enum CodingKeys: String, CodingKey {
    case src, prcc
    case rSquared = "r_squared"
    case rankRSquared = "rank_r_squared"
  }
}

/// Sobol first-order and total-order indices of one input (or group) for one output, with
/// percentile bootstrap intervals.
public struct SobolMeasures: Codable, Hashable, Sendable {
  public var s1: Double
  public var s1Low: Double
  public var s1High: Double
  public var st: Double
  public var stLow: Double
  public var stHigh: Double

  public init(s1: Double, s1Low: Double, s1High: Double, st: Double, stLow: Double, stHigh: Double) {
    self.s1 = s1
    self.s1Low = s1Low
    self.s1High = s1High
    self.st = st
    self.stLow = stLow
    self.stHigh = stHigh
  }

  private enum CodingKeys: String, CodingKey {
    case s1
    case s1Low = "s1_low"
    case s1High = "s1_high"
    case st
    case stLow = "st_low"
    case stHigh = "st_high"
  }
}
