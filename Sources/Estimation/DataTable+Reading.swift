import CityModel
import Foundation

extension DataTable {
  /// How a tidy file's repeated (city, year, indicator) rows with different values are resolved.
  public enum DuplicatePolicy: String, Sendable, CaseIterable {
    /// Refuse, naming both rows, when a model uses the indicator (the default: the data should
    /// say which figure it means); indicators no model reads are not checked.
    case error
    /// Keep the row that comes first in the file.
    case first
    /// Average the values.
    case mean
  }

  /// Reads a CSV file: a tidy file (columns `city`, `year`, `indicator`, `value`, one figure a
  /// row, extra columns allowed; with a `use` column, only rows whose `use` is `fit` or empty)
  /// is pivoted to one row per (city, year) and one column per indicator; any other CSV is
  /// taken as a wide table.
  public static func read(path: String, duplicates: DuplicatePolicy = .error) throws -> DataTable {
    let contents = try CSVReader.read(path: path)
    let tidyColumns = ["city", "year", "indicator", "value"]
    if tidyColumns.allSatisfy(contents.header.contains) {
      return try pivotTidy(contents, file: path, duplicates: duplicates)
    }
    return wide(contents, file: path)
  }

  /// Parses CSV text (for tests and tools that hold the text in memory).
  public static func parse(
    csv: String, file: String = "<memory>", duplicates: DuplicatePolicy = .error
  )
    throws -> DataTable
  {
    let contents = try CSVReader.parse(Data(csv.utf8), file: file)
    if ["city", "year", "indicator", "value"].allSatisfy(contents.header.contains) {
      return try pivotTidy(contents, file: file, duplicates: duplicates)
    }
    return wide(contents, file: file)
  }

  static func wide(_ contents: CSVReader.Contents, file: String) -> DataTable {
    DataTable(
      file: file, columnNames: contents.header, cells: contents.columns, provenance: .wide(rowLines: contents.lines))
  }

  /// One row per (city, year) in order of first appearance sorted by city then year; one column
  /// per indicator in order of first appearance. Cells no row supplies are missing.
  static func pivotTidy(
    _ contents: CSVReader.Contents, file: String, duplicates: DuplicatePolicy
  ) throws
    -> DataTable
  {
    let header = contents.header
    let city = header.firstIndex(of: "city")!, year = header.firstIndex(of: "year")!
    let indicator = header.firstIndex(of: "indicator")!, value = header.firstIndex(of: "value")!

    struct Key: Hashable { var city: String, year: String }
    var indicators: [String] = []
    var indicatorIndex: [String: Int] = [:]
    var keys: [Key] = []
    var keyIndex: [Key: Int] = [:]
    var keyLines: [Int] = []
    // (key, indicator) → (value text, line, values seen for averaging)
    var figures: [Int: [Int: (text: String, line: Int, sum: Double, count: Int)]] = [:]
    var conflicts: [Int: EstimationError] = [:]

    // A `use` column says which figures a fit may take (the shipped panel's flags): rows marked
    // anything but `fit` (lower bounds, superseded vintages, figures before a break …) are left out.
    let use = header.firstIndex(of: "use")
    for (position, line) in contents.lines.enumerated() {
      let record = contents.record(position)
      if let use, !record[use].isEmpty, record[use] != "fit" { continue }
      let key = Key(city: record[city], year: record[year])
      let name = record[indicator]
      let text = record[value]
      if DataTable.missingMarkers.contains(text) { continue }
      let row =
        keyIndex[key]
        ?? {
          keys.append(key)
          keyLines.append(line)
          keyIndex[key] = keys.count - 1
          return keys.count - 1
        }()
      let column =
        indicatorIndex[name]
        ?? {
          indicators.append(name)
          indicatorIndex[name] = indicators.count - 1
          return indicators.count - 1
        }()
      guard let existing = figures[row]?[column] else {
        figures[row, default: [:]][column] = (text, line, Double(text) ?? .nan, 1)
        continue
      }
      if existing.text == text || Double(existing.text) == Double(text) { continue }
      switch duplicates {
      case .error:
        // Refused only if a model reads this indicator (`readableColumnIndex`).
        let position = 2 + column
        if conflicts[position] == nil {
          conflicts[position] = EstimationError.conflictingDuplicates(
            first: CellLocation(file: file, line: existing.line, column: value + 1),
            second: CellLocation(file: file, line: line, column: value + 1),
            key: "\(key.city), \(key.year), \(name)")
        }
      case .first:
        continue
      case .mean:
        // A non-numeric duplicate keeps its text so that using the column reports it.
        guard let number = Double(text), existing.sum.isFinite else {
          figures[row]![column] = Double(text) == nil ? (text, line, .nan, 1) : existing
          continue
        }
        let sum = existing.sum + number, count = existing.count + 1
        figures[row]![column] = (String(sum / Double(count)), existing.line, sum, count)
      }
    }

    let order = keys.indices.sorted { a, b in
      if keys[a].city != keys[b].city { return keys[a].city < keys[b].city }
      return (Int(keys[a].year) ?? .max, keys[a].year) < (Int(keys[b].year) ?? .max, keys[b].year)
    }
    var cells = [order.map { keys[$0].city }, order.map { keys[$0].year }]
    var cellLines = [order.map { keyLines[$0] }, order.map { keyLines[$0] }]
    for column in indicators.indices {
      cells.append(order.map { figures[$0]?[column]?.text ?? "" })
      cellLines.append(order.map { figures[$0]?[column]?.line ?? 0 })
    }
    return DataTable(
      file: file, columnNames: ["city", "year"] + indicators, cells: cells.map { TextColumn($0) },
      provenance: .pivoted(cellLines: cellLines, valueField: value + 1), unresolvedDuplicates: conflicts)
  }
}
