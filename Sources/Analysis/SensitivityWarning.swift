/// A reason to distrust part of a sensitivity result, attached to the result rather than printed,
/// so the command line, JSON and reports can all show it.
public struct SensitivityWarning: Codable, Hashable, Sendable, CustomStringConvertible {
  public enum Kind: String, Codable, Hashable, Sendable {
    /// Fewer base samples than Sobol indices need to be stable.
    case smallSample = "small_sample"
    /// The output does not vary, so no variance can be apportioned; its indices are reported as 0.
    case constantOutput = "constant_output"
    /// A first-order index is negative beyond its interval.
    case negativeFirstOrder = "negative_first_order"
    /// A total-order index lies below the first-order index beyond the interval of ST − S1.
    case totalBelowFirstOrder = "total_below_first_order"
    /// The first-order indices add up to more than 1 beyond the interval of their sum.
    case firstOrderSumAboveOne = "first_order_sum_above_one"
    /// The linear regression explains too little variance for SRCs to mean anything.
    case lowRSquared = "low_r_squared"
    /// Grouped indices with every input in one group: the budget has nothing to apportion.
    case singleGroup = "single_group"
  }

  public var kind: Kind
  /// The output id and year concerned, when the warning is about one output.
  public var output: String?
  public var year: Int?
  /// The input concerned, when the warning is about one input.
  public var input: String?
  /// The reason, as a sentence with the numbers that triggered it.
  public var message: String

  public init(kind: Kind, output: SensitivityOutput?, input: String?, message: String) {
    self.kind = kind
    self.output = output?.id
    self.year = output?.year
    self.input = input
    self.message = message
  }

  public var description: String { message }
}

/// The rows and warnings of one analysis, in a deterministic order.
public struct SensitivityResult: Codable, Hashable, Sendable {
  public var method: SensitivityMethod
  public var rows: [SensitivityRow]
  public var warnings: [SensitivityWarning]

  public init(method: SensitivityMethod, rows: [SensitivityRow], warnings: [SensitivityWarning]) {
    self.method = method
    self.rows = rows
    self.warnings = warnings
  }
}
