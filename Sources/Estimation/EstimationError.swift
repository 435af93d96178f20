import ErrorCategories
import Foundation

/// Where a cell sits in an input file: 1-based line, and 1-based field (column) of the CSV row.
public struct CellLocation: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}

/// Everything that can go wrong between a data file and a fitted regression, each case carrying
/// what the user needs to fix it. `category` says what kind of failure it is.
public enum EstimationError: CategorisedError, Sendable, Equatable, CustomStringConvertible {
  /// The file could not be read at all.
  case unreadableFile(path: String, reason: String)
  /// The CSV text is malformed (unterminated quote, ragged row, missing header).
  case malformedTable(CellLocation, String)
  /// Cells of columns the model uses that are neither numbers nor a missing marker; all of them.
  case nonNumericCells([NonNumericCell])
  /// A formula or option names a column the table does not have.
  case unknownColumn(name: String, suggestion: String?, file: String)
  /// The formula does not parse; `offset` is the 0-based character offset of the problem.
  case formulaSyntax(formula: String, offset: Int, message: String)
  /// A transformation is undefined on some rows (log of a non-positive number, …).
  case undefinedTransform(term: String, locations: [CellLocation], count: Int)
  /// Weights must be finite and positive.
  case invalidWeights(locations: [CellLocation], count: Int)
  /// Two rows of a tidy file give different values for one city, year and indicator.
  case conflictingDuplicates(first: CellLocation, second: CellLocation, key: String)
  /// A panel has two rows for one city and year.
  case repeatedObservation(first: CellLocation, second: CellLocation, key: String)
  /// The panel columns `city` or `year` are needed (tidy file or `--model` equation).
  case missingPanelColumn(name: String, file: String)
  /// Fewer usable observations than the model needs.
  case tooFewObservations(used: Int, dropped: Int, parameters: Int)
  /// No (city, year) of a panel equation has every variable: how many values each one had.
  case noCompleteObservations(available: [VariableCount])
  /// Cluster-robust errors need at least two clusters among the rows used.
  case tooFewClusters(column: String, count: Int)
  /// A model-based equation cannot be built (unknown response, no drivers, …).
  case invalidEquation(String)
  /// An option value is not understood.
  case invalidOption(String)
  /// The estimates cannot be written as a file the model reader would accept (an undefined
  /// standard error, a covariance that is not positive semi-definite).
  case invalidEstimates(String)
  /// The design would need more working memory than the limit (`DesignMemory`).
  case designTooLarge(
    rows: Int, columns: Int, dummyColumns: [String], neededBytes: Int, limitBytes: Int, limitOrigin: String)
  /// Iterated demeaning for two-way absorbed fixed effects did not reach its tolerance.
  case demeaningDidNotConverge(sweeps: Int, change: Double)

  /// One offending cell.
  /// A variable of a panel equation and how many (city, year) rows have a value of it.
  public struct VariableCount: Hashable, Sendable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
      self.name = name
      self.count = count
    }
  }

  public struct NonNumericCell: Hashable, Sendable {
    public var location: CellLocation
    public var columnName: String
    public var text: String

    public init(location: CellLocation, columnName: String, text: String) {
      self.location = location
      self.columnName = columnName
      self.text = text
    }
  }

  /// A file that cannot be read is `noInput`, a formula or option the user wrote wrong is
  /// `usage`, everything else is `data`.
  public var category: ErrorCategory {
    switch self {
    case .unreadableFile: .noInput
    case .formulaSyntax, .invalidOption: .usage
    default: .data
    }
  }

  /// At most this many locations are listed in one message; the rest are counted.
  static let listedLocations = 10

  public var description: String {
    switch self {
    case let .unreadableFile(path, reason):
      return "\(path): cannot read: \(reason)"
    case let .malformedTable(location, message):
      return "\(location): \(message)"
    case let .nonNumericCells(cells):
      var lines = cells.prefix(Self.listedLocations).map {
        "\($0.location): \"\($0.text)\" in column \($0.columnName) is not a number (leave the cell empty or "
          + "write NA for a missing value)"
      }
      if cells.count > Self.listedLocations {
        lines.append("… and \(cells.count - Self.listedLocations) more non-numeric cells")
      }
      return lines.joined(separator: "\n")
    case let .unknownColumn(name, suggestion, file):
      let hint = suggestion.map { "; did you mean `\($0)`?" } ?? ""
      return "\(file): no column named `\(name)`\(hint)"
    case let .formulaSyntax(formula, offset, message):
      let caret = String(repeating: " ", count: offset) + "^"
      return "formula: \(message)\n  \(formula)\n  \(caret)"
    case let .undefinedTransform(term, locations, count):
      return Self.listing("\(term) is undefined on \(count) row(s)", locations, count)
    case let .invalidWeights(locations, count):
      return Self.listing("weights must be finite and positive; \(count) are not", locations, count)
    case let .conflictingDuplicates(first, second, key):
      return "\(second): \(key) is given again with a different value (first at line \(first.line)); "
        + "choose one row, or pass --duplicates first|mean"
    case let .repeatedObservation(first, second, key):
      return "\(second): \(key) appears again (first at line \(first.line)); a panel has one row per city and year"
    case let .missingPanelColumn(name, file):
      return "\(file): the panel needs a column named `\(name)`"
    case let .tooFewObservations(used, dropped, parameters):
      if used == 0 {
        return "no observations left after dropping \(dropped) row(s) with missing values"
      }
      return "\(used) observation(s) left after dropping \(dropped) with missing values; "
        + "the model has \(parameters) parameter(s) and needs more observations than that"
    case let .noCompleteObservations(available):
      let counts = available.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
      let empty = available.filter { $0.count == 0 }.map(\.name)
      return "no city and year has every variable of the equation; values per variable: \(counts)"
        + (empty.isEmpty ? "" : " (\(empty.joined(separator: ", ")) ran out: none at all)")
        + " — a difference needs the previous year of the same city, a lag the year before that"
    case let .tooFewClusters(column, count):
      return "cluster-robust standard errors need at least 2 clusters; `\(column)` has \(count) in the rows used"
    case let .invalidEquation(message):
      return message
    case let .invalidOption(message):
      return message
    case let .invalidEstimates(message):
      return message
    case let .designTooLarge(rows, columns, dummyColumns, needed, limit, origin):
      let dummies = dummyColumns.isEmpty ? "" : " (dummies: \(dummyColumns.joined(separator: ", ")))"
      return "the design has \(rows) rows × \(columns) columns\(dummies) and needs about "
        + "\(DesignMemory.formatted(bytes: needed)) to fit, more than the limit of "
        + "\(DesignMemory.formatted(bytes: limit)) (\(origin)); absorb the fixed effects by demeaning instead "
        + "of dummies (`--model … --absorb`), use fewer rows or levels, or raise --memory-limit"
    case let .demeaningDidNotConverge(sweeps, change):
      return "absorbing the two-way fixed effects did not converge in \(sweeps) sweeps (last relative change "
        + "\(change)); the city–year pattern of the rows used is too weakly connected; "
        + "fit them as dummies (without --absorb)"
    }
  }

  private static func listing(_ headline: String, _ locations: [CellLocation], _ count: Int) -> String {
    var lines = [headline + ":"]
    lines += locations.prefix(listedLocations).map { "  \($0)" }
    if count > listedLocations { lines.append("  … and \(count - listedLocations) more") }
    return lines.joined(separator: "\n")
  }
}
