import Foundation

/// One figure of a tidy city table: `city, indicator, year, value, unit, source` (extra columns allowed).
public struct CityFigure: Hashable, Sendable {
  public var city: String
  public var indicator: String
  public var year: Int
  public var value: Double
  public var unit: String
  public var source: String
  /// Line of the file where the row starts.
  public var line: Int
  /// The row's other columns (a note, a `use` flag …) by header name, trimmed.
  public var otherColumns: [String: String]

  public init(
    city: String, indicator: String, year: Int, value: Double, unit: String, source: String, line: Int,
    otherColumns: [String: String] = [:]
  ) {
    self.city = city
    self.indicator = indicator
    self.year = year
    self.value = value
    self.unit = unit
    self.source = source
    self.line = line
    self.otherColumns = otherColumns
  }
}

/// A tidy table of city figures (UTF-8, byte-order mark tolerated, RFC 4180 quoting), one figure a row.
public struct CityData: Sendable {
  /// Columns every city table has; others (a note, a Chinese city name …) are allowed and ignored.
  public static let requiredColumns = ["city", "indicator", "year", "value", "unit", "source"]

  public var figures: [CityFigure]
  public var file: URL

  public init(figures: [CityFigure], file: URL) {
    self.figures = figures
    self.file = file
  }

  /// Reads a city table; throws `InputError` with every malformed row at its file:line.
  public static func load(from url: URL) throws -> CityData {
    let diagnostics = Diagnostics()
    let data = read(SourceFile(url: url), diagnostics: diagnostics)
    try diagnostics.throwIfProblems()
    return data!
  }

  static func read(
    _ file: SourceFile, referencedAt reference: SourceLocation? = nil, diagnostics: Diagnostics
  ) -> CityData? {
    guard let bytes = diagnostics.read(file, limit: InputLimits.tableBytes, referencedAt: reference) else { return nil }
    guard let text = String(data: bytes, encoding: .utf8) else {
      diagnostics.unreadable(file, reason: "not UTF-8 text", referencedAt: reference)
      return nil
    }
    let records: [CSVReader.Record]
    do {
      records = try CSVReader.records(text, options: .cityTable)
    } catch {
      let (message, line) = describe(error)
      diagnostics.error("malformed CSV: \(message)", at: SourceLocation(file: file, line: line))
      return nil
    }
    guard let header = records.first else {
      diagnostics.error(
        "the table is empty: expected a header row \(requiredColumns.joined(separator: ","))",
        at: SourceLocation(file: file, line: 1))
      return nil
    }
    let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    let missing = requiredColumns.filter { !columns.contains($0) }
    guard missing.isEmpty else {
      diagnostics.error(
        "the header lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) (a city "
          + "table has \(requiredColumns.joined(separator: ", ")))",
        at: SourceLocation(file: file, line: header.line))
      return nil
    }
    let position = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var figures: [CityFigure] = []
    for record in records.dropFirst() {
      let location = SourceLocation(file: file, line: record.line)
      guard record.fields.count == columns.count else {
        diagnostics.error(
          "expected \(columns.count) fields as in the header, found \(record.fields.count)", at: location)
        continue
      }
      func field(_ name: String) -> String { record.fields[position[name]!].trimmingCharacters(in: .whitespaces) }
      guard let year = Int(field("year")) else {
        diagnostics.error("year must be a whole number (got '\(field("year"))')", at: location)
        continue
      }
      guard let value = Double(field("value")), value.isFinite else {
        diagnostics.error("value must be a finite number (got '\(field("value"))')", at: location)
        continue
      }
      let others = columns.filter { !requiredColumns.contains($0) }.map { ($0, field($0)) }
      figures.append(
        CityFigure(
          city: field("city"), indicator: field("indicator"), year: year, value: value,
          unit: field("unit"), source: field("source"), line: record.line,
          otherColumns: Dictionary(others, uniquingKeysWith: { first, _ in first })))
    }
    return CityData(figures: figures, file: file.url)
  }

  /// A CSV fault in a city table's words, and the line it names.
  private static func describe(_ error: CSVReader.SyntaxError) -> (message: String, line: Int) {
    switch error.kind {
    case .textAfterClosingQuote: ("expected a comma or the end of the line after a closing quote", error.line)
    case .unclosedQuote: ("a quoted field is not closed before the end of the file", error.recordLine)
    case .invalidUTF8: ("a field is not valid UTF-8", error.fieldLine)
    case .nulByte: ("a field holds a NUL byte", error.line)
    }
  }
}

extension CSVReader.Options {
  /// A city table's CSV: fields as written (their white space is trimmed per column), a lone
  /// carriage return ends a record, a line holding only `""` is a record of one empty field, and
  /// a NUL byte is text.
  static let cityTable = CSVReader.Options(
    trimsBlanks: false, carriageReturnEndsRecord: true, skipsQuotedEmptyLines: false, refusesNulBytes: false)
}
