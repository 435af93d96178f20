import ErrorCategories

/// What can go wrong turning a result into an output.
public enum ReportingError: CategorisedError, Equatable, CustomStringConvertible {
  /// The input is not a result file iccsim reads (data).
  case invalidResult(source: String, reason: String)
  /// The result file does not hold a value the table needs (data).
  case missingValue(output: String, year: Int)
  /// The result holds nothing to chart (no series of two or more years) (data).
  case nothingToChart(source: String)
  /// A requested year lies outside the years of the result (usage).
  case yearOutsideResult(Int, first: Int, last: Int)
  /// A comparison offers no such statistic (differences have no quartiles) (usage).
  case statisticUnavailable(String)
  /// An output could not be assembled (a bug, not the user's input) (internal).
  case internalFailure(String)

  public var description: String {
    switch self {
    case .invalidResult(let source, let reason):
      "\(source): not a run or comparison result: \(reason)"
    case .missingValue(let output, let year):
      "the result has no value for '\(output)' in \(year)"
    case .nothingToChart(let source):
      "\(source): the result has no series of two or more years to chart"
    case .yearOutsideResult(let year, let first, let last):
      "year \(year) is outside the result's years \(first)–\(last)"
    case .statisticUnavailable(let name):
      "paired differences have no statistic '\(name)' (available: mean, sd, p5, p50, p95)"
    case .internalFailure(let what):
      "internal error: \(what)"
    }
  }

  public var category: ErrorCategory {
    switch self {
    case .invalidResult, .missingValue, .nothingToChart: .data
    case .yearOutsideResult, .statisticUnavailable: .usage
    case .internalFailure: .internal
    }
  }
}
