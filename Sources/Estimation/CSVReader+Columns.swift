import CityModel
import Foundation

/// CSV as the estimation tables read it (`CSVReader` with the `panel` options): spaces around
/// unquoted fields trimmed, and every row as wide as the header. Fields are stored column by
/// column (`TextColumn`), as the tables that use them want them.
extension CSVReader {
  /// The header's field names, each column's fields, and the 1-based line each record starts on.
  struct Contents {
    var header: [String]
    var columns: [TextColumn]
    var lines: [Int]

    var recordCount: Int { lines.count }

    /// Record `index` as a row of fields.
    func record(_ index: Int) -> [String] { columns.map { $0[index] } }
  }

  static func read(path: String) throws -> Contents {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw EstimationError.unreadableFile(path: path, reason: (error as NSError).localizedDescription)
    }
    return try parse(data, file: path)
  }

  static func parse(_ data: Data, file: String) throws -> Contents {
    try data.withUnsafeBytes { raw in
      var reader = CSVReader(bytes: raw.bindMemory(to: UInt8.self), options: .panel)
      do {
        return try reader.columns(file: file)
      } catch let error as SyntaxError {
        throw Self.malformedTable(error, file: file)
      }
    }
  }

  /// The rest of the records, the first being the header, field by field into their columns.
  private mutating func columns(file: String) throws -> Contents {
    guard try readRecord() else {
      throw EstimationError.malformedTable(CellLocation(file: file, line: 1, column: 1), "the file is empty")
    }
    let header = (0..<fieldCount).map { field($0) }
    var columns = Array(repeating: TextColumn(), count: header.count)
    var lines: [Int] = []
    while try readRecord() {
      guard fieldCount == header.count else {
        throw EstimationError.malformedTable(
          CellLocation(file: file, line: recordLine, column: min(fieldCount, header.count) + 1),
          "expected \(header.count) fields as in the header, found \(fieldCount)")
      }
      for column in columns.indices { withField(column) { columns[column].append(bytes: $0) } }
      lines.append(recordLine)
    }
    return Contents(header: header, columns: columns, lines: lines)
  }

  /// A CSV fault in the estimation tables' words, at its line and field.
  private static func malformedTable(_ error: SyntaxError, file: String) -> EstimationError {
    let (message, line) =
      switch error.kind {
      case .textAfterClosingQuote: ("text after a closing quote", error.line)
      case .unclosedQuote: ("unterminated quoted field", error.fieldLine)
      case .invalidUTF8: ("the file is not valid UTF-8", error.fieldLine)
      }
    return .malformedTable(CellLocation(file: file, line: line, column: error.column), message)
  }
}

extension CSVReader.Options {
  /// Estimation panels and wide tables: blanks around fields dropped, only LF (or CRLF) ends a
  /// record, and a line holding only `""` is blank.
  static let panel = CSVReader.Options(trimsBlanks: true, carriageReturnEndsRecord: false, skipsQuotedEmptyLines: true)
}
