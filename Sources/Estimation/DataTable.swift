import Foundation

/// Observations for estimation: one row per observation, one column per variable, cells kept
/// as text until a model uses the column, so that columns the model ignores may hold anything.
///
/// A cell is missing when it is empty or one of `missingMarkers`; a used cell that is neither
/// missing nor a number is an error that names its file, line and column.
public struct DataTable: Sendable {
  /// The file the table came from, for messages.
  public let file: String
  public let columnNames: [String]
  /// `cells[column][row]`.
  let cells: [TextColumn]
  let provenance: Provenance
  /// Columns of a pivoted tidy file given twice with different values for one city and year,
  /// left unresolved (`--duplicates error`): the first conflict of each, by column position.
  /// Reading such a column as numbers or labels throws it; columns no model reads never do.
  let unresolvedDuplicates: [Int: EstimationError]

  /// Where each cell came from.
  enum Provenance: Sendable {
    /// A wide file: row r is on `rowLines[r]`, column c is field c + 1.
    case wide(rowLines: [Int])
    /// A pivoted tidy file: each pivoted cell remembers the line of its source row (0 when no
    /// row supplied it) and the field holding `value`.
    case pivoted(cellLines: [[Int]], valueField: Int)
  }

  /// Texts read as a missing value.
  public static let missingMarkers: Set<String> = ["", "NA", "N/A", "NaN", "nan", "null", "."]

  init(
    file: String, columnNames: [String], cells: [TextColumn], provenance: Provenance,
    unresolvedDuplicates: [Int: EstimationError] = [:]
  ) {
    self.file = file
    self.columnNames = columnNames
    self.cells = cells
    self.provenance = provenance
    self.unresolvedDuplicates = unresolvedDuplicates
  }

  /// A table from columns of text in memory (`columns[name]` all of equal length), in the given
  /// column order; locations in messages count rows from line 2 as if under a header.
  public init(file: String = "<memory>", columns: [(String, [String])]) {
    let count = columns.first?.1.count ?? 0
    precondition(columns.allSatisfy { $0.1.count == count }, "columns of unequal length")
    self.init(
      file: file, columnNames: columns.map(\.0), cells: columns.map { TextColumn($0.1) },
      provenance: .wide(rowLines: Array(2..<(2 + count))))
  }

  public var rowCount: Int { cells.first?.count ?? 0 }

  public func hasColumn(_ name: String) -> Bool { columnNames.contains(name) }

  /// Where a cell came from.
  public func location(row: Int, column: Int) -> CellLocation {
    switch provenance {
    case let .wide(rowLines):
      CellLocation(file: file, line: rowLines[row], column: column + 1)
    case let .pivoted(cellLines, valueField):
      CellLocation(file: file, line: cellLines[column][row], column: valueField)
    }
  }

  /// How messages name a row: `file:line` (a pivoted tidy file: the file), with the row's city
  /// and year when the table has those columns.
  public func observationName(row: Int) -> String {
    let place: String
    switch provenance {
    case let .wide(rowLines): place = "\(file):\(rowLines[row])"
    case .pivoted: place = file
    }
    let panel = ["city", "year"].compactMap { name in
      columnNames.firstIndex(of: name).map { "\(name) \(cells[$0][row])" }
    }
    return panel.isEmpty ? place : "\(place) (\(panel.joined(separator: ", ")))"
  }

  /// The position of a column whose values are about to be used: a column with an unresolved
  /// duplicate is refused here, when it is in play, not when the file is read.
  /// Where a row came from: its line (a pivoted tidy file: the first line of its city and year)
  /// and its city and year when the table has those columns.
  public func observationSource(row: Int) -> ObservationSource {
    let line =
      switch provenance {
      case let .wide(rowLines): rowLines[row]
      case let .pivoted(cellLines, _): cellLines[0][row]
      }
    func cell(_ name: String) -> String? { columnNames.firstIndex(of: name).map { cells[$0][row] } }
    return ObservationSource(file: file, line: line, city: cell("city"), year: cell("year"))
  }

  func readableColumnIndex(_ name: String) throws -> Int {
    let index = try columnIndex(name)
    if let conflict = unresolvedDuplicates[index] { throw conflict }
    return index
  }

  func columnIndex(_ name: String) throws -> Int {
    guard let index = columnNames.firstIndex(of: name) else {
      throw EstimationError.unknownColumn(
        name: name, suggestion: ClosestName.find(name, among: columnNames), file: file)
    }
    return index
  }

  /// The raw text of a column, missing cells as `nil`.
  public func labels(_ name: String) throws -> [String?] {
    let column = cells[try readableColumnIndex(name)]
    return column.indices.map { column.isMissing($0, markers: Self.missingMarkers) ? nil : column[$0] }
  }

  /// A column as numbers, missing cells as `nil`; throws every non-numeric cell at once.
  public func numbers(_ name: String) throws -> [Double?] {
    var problems: [EstimationError.NonNumericCell] = []
    let values = try numbers(name, problems: &problems)
    if !problems.isEmpty { throw EstimationError.nonNumericCells(problems) }
    return values
  }

  /// A column as numbers, appending non-numeric cells to `problems` instead of throwing, so a
  /// caller reading several columns reports all of them together.
  func numbers(_ name: String, problems: inout [EstimationError.NonNumericCell]) throws -> [Double?] {
    let column = try readableColumnIndex(name)
    var values = [Double?](repeating: nil, count: rowCount)
    let texts = cells[column]
    for row in texts.indices where !texts.isMissing(row, markers: Self.missingMarkers) {
      if let value = texts.number(row) {
        values[row] = value
      } else {
        problems.append(.init(location: location(row: row, column: column), columnName: name, text: texts[row]))
      }
    }
    return values
  }
}

/// The candidate closest to a misspelt name (Levenshtein distance at most a third of its length,
/// and at least 1), for "did you mean" hints.
enum ClosestName {
  static func find(_ name: String, among candidates: [String]) -> String? {
    let target = Array(name.lowercased())
    let limit = max(1, target.count / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(target, Array(candidate.lowercased()))
      if distance <= limit && distance < (best?.distance ?? .max) { best = (candidate, distance) }
    }
    return best?.name
  }

  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      previous = current
    }
    return previous[b.count]
  }
}

extension DataTable {
  /// The table with derived columns appended (text, missing as ""); a derived cell reports the
  /// location of the first cell of its row.
  func appending(_ derived: [(name: String, cells: [String])]) -> DataTable {
    let provenance: Provenance
    switch self.provenance {
    case .wide:
      provenance = self.provenance
    case let .pivoted(cellLines, valueField):
      provenance = .pivoted(cellLines: cellLines + derived.map { _ in cellLines[0] }, valueField: valueField)
    }
    return DataTable(
      file: file, columnNames: columnNames + derived.map(\.name), cells: cells + derived.map { TextColumn($0.cells) },
      provenance: provenance, unresolvedDuplicates: unresolvedDuplicates)
  }
}
