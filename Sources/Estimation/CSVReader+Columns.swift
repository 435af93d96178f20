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
    try refuseBinaryStart(path: path)
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw EstimationError.unreadableFile(path: path, reason: (error as NSError).localizedDescription)
    }
    return try parse(data, file: path)
  }

  /// The bytes looked at before a file is read whole: a binary file (a NUL byte among them) is
  /// refused without reading the rest.
  static let sniffedBytes = 64 << 10

  /// Throws `binaryContent` when the first `sniffedBytes` of the file hold a NUL byte.
  static func refuseBinaryStart(path: String) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else { return }  // reported when read whole
    defer { try? handle.close() }
    guard let start = try? handle.read(upToCount: sniffedBytes), let offset = start.firstIndex(of: 0) else { return }
    let newline = UInt8(ascii: "\n"), comma = UInt8(ascii: ",")
    let before = start[start.startIndex..<offset]
    let line = 1 + before.count { $0 == newline }
    let lineStart = before.lastIndex(of: newline).map { $0 + 1 } ?? start.startIndex
    let column = 1 + start[lineStart..<offset].count { $0 == comma }
    throw binaryContent(CellLocation(file: path, line: line, column: column))
  }

  /// A NUL byte: the file is binary (or UTF-16), not CSV text.
  static func binaryContent(_ location: CellLocation) -> EstimationError {
    .malformedTable(location, "the file holds binary content (a NUL byte), not CSV text; save it as UTF-8 CSV")
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
    func at(_ line: Int) -> CellLocation { CellLocation(file: file, line: line, column: error.column) }
    switch error.kind {
    case .textAfterClosingQuote: return .malformedTable(at(error.line), "text after a closing quote")
    case .unclosedQuote: return .malformedTable(at(error.fieldLine), "unterminated quoted field")
    case .invalidUTF8: return .malformedTable(at(error.fieldLine), "the file is not valid UTF-8")
    case .nulByte: return binaryContent(at(error.line))
    }
  }
}

extension CSVReader.Options {
  /// Estimation panels and wide tables: blanks around fields dropped, only LF (or CRLF) ends a
  /// record, a line holding only `""` is blank, and a NUL byte (a binary file) is refused.
  static let panel = CSVReader.Options(
    trimsBlanks: true, carriageReturnEndsRecord: false, skipsQuotedEmptyLines: true, refusesNulBytes: true)
}
