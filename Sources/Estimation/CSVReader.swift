import Foundation

/// RFC 4180 CSV read from UTF-8 bytes: quoted fields with doubled quotes, LF or CRLF line ends,
/// a leading byte-order mark tolerated, blank lines skipped, spaces around unquoted fields
/// trimmed; a quote inside an unquoted field is taken literally, as Python's csv module does.
/// Every row must have as many fields as the header. Fields are stored column by column
/// (`TextColumn`), as the tables that use them want them.
struct CSVReader {
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
    let before = start[start.startIndex..<offset]
    let line = 1 + before.count { $0 == Parser.newline }
    let lineStart = before.lastIndex(of: Parser.newline).map { $0 + 1 } ?? start.startIndex
    let column = 1 + start[lineStart..<offset].count { $0 == Parser.comma }
    throw binaryContent(CellLocation(file: path, line: line, column: column))
  }

  /// A NUL byte: the file is binary (or UTF-16), not CSV text.
  static func binaryContent(_ location: CellLocation) -> EstimationError {
    .malformedTable(location, "the file holds binary content (a NUL byte), not CSV text; save it as UTF-8 CSV")
  }

  static func parse(_ data: Data, file: String) throws -> Contents {
    try data.withUnsafeBytes { raw in
      var parser = Parser(bytes: raw.bindMemory(to: UInt8.self), file: file)
      return try parser.parse()
    }
  }

  /// One field of the current record: a range of the file's bytes, or, for a quoted field with
  /// its doubled quotes undone, bytes of its own.
  private enum Field {
    case slice(Range<Int>)
    case owned([UInt8])
  }

  /// One pass over the bytes; a field goes from the file's bytes straight into its column.
  private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    var index = 0
    var line = 1

    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
    static let carriage = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
      self.bytes = bytes
      self.file = file
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func parse() throws -> Contents {
      var header: [String]?
      var columns: [TextColumn] = []
      var lines: [Int] = []
      var row: [Field] = []
      while index < bytes.count {
        let rowLine = line
        try parseRow(into: &row)
        if row.count == 1, isEmpty(row[0]) { continue }  // blank line
        guard let header else {
          header = row.map(text)
          columns = Array(repeating: TextColumn(), count: row.count)
          continue
        }
        guard row.count == header.count else {
          throw EstimationError.malformedTable(
            CellLocation(file: file, line: rowLine, column: min(row.count, header.count) + 1),
            "expected \(header.count) fields as in the header, found \(row.count)")
        }
        for (column, field) in row.enumerated() {
          switch field {
          case let .slice(range): columns[column].append(bytes: UnsafeBufferPointer(rebasing: bytes[range]))
          case let .owned(owned): owned.withUnsafeBufferPointer { columns[column].append(bytes: $0) }
          }
        }
        lines.append(rowLine)
      }
      guard let header else {
        throw EstimationError.malformedTable(CellLocation(file: file, line: 1, column: 1), "the file is empty")
      }
      return Contents(header: header, columns: columns, lines: lines)
    }

    /// The fields up to and including the end of the line (or of the file), into `fields`
    /// (emptied first; its storage is reused from record to record).
    mutating func parseRow(into fields: inout [Field]) throws {
      fields.removeAll(keepingCapacity: true)
      while true {
        fields.append(try parseField(column: fields.count + 1))
        guard index < bytes.count else { return }
        let separator = bytes[index]
        index += 1
        if separator == Self.newline {
          line += 1
          return
        }
      }
    }

    func isEmpty(_ field: Field) -> Bool {
      switch field {
      case let .slice(range): range.isEmpty
      case let .owned(owned): owned.isEmpty
      }
    }

    func text(_ field: Field) -> String {
      switch field {
      case let .slice(range): String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
      case let .owned(owned): String(decoding: owned, as: UTF8.self)
      }
    }

    /// One field; leaves `index` on the comma or line end that follows it.
    mutating func parseField(column: Int) throws -> Field {
      var start = index
      while start < bytes.count && (bytes[start] == Self.space || bytes[start] == Self.tab) { start += 1 }
      if start < bytes.count && bytes[start] == Self.quote {
        return try parseQuoted(from: start + 1, column: column)
      }
      var end = start
      var ascii = true
      while end < bytes.count {
        let byte = bytes[end]
        if byte == Self.comma || byte == Self.newline { break }
        if byte == 0 { throw CSVReader.binaryContent(CellLocation(file: file, line: line, column: column)) }
        ascii = ascii && byte < 0x80
        end += 1
      }
      index = end
      var last = end
      while last > start && [Self.space, Self.tab, Self.carriage].contains(bytes[last - 1]) { last -= 1 }
      if !ascii && String(validating: UnsafeBufferPointer(rebasing: bytes[start..<last]), as: UTF8.self) == nil {
        throw EstimationError.malformedTable(
          CellLocation(file: file, line: line, column: column), "the file is not valid UTF-8")
      }
      return .slice(start..<last)
    }

    mutating func parseQuoted(from start: Int, column: Int) throws -> Field {
      let startLine = line
      var field: [UInt8] = []
      var position = start
      while position < bytes.count {
        let byte = bytes[position]
        if byte == Self.quote {
          if position + 1 < bytes.count && bytes[position + 1] == Self.quote {
            field.append(Self.quote)
            position += 2
            continue
          }
          position += 1
          while position < bytes.count && [Self.space, Self.tab, Self.carriage].contains(bytes[position]) { position += 1 }
          guard position == bytes.count || bytes[position] == Self.comma || bytes[position] == Self.newline else {
            throw EstimationError.malformedTable(
              CellLocation(file: file, line: line, column: column), "text after a closing quote")
          }
          index = position
          guard String(validating: field, as: UTF8.self) != nil else {
            throw EstimationError.malformedTable(
              CellLocation(file: file, line: startLine, column: column), "the file is not valid UTF-8")
          }
          return .owned(field)
        }
        if byte == Self.newline { line += 1 }
        if byte == 0 { throw CSVReader.binaryContent(CellLocation(file: file, line: line, column: column)) }
        field.append(byte)
        position += 1
      }
      throw EstimationError.malformedTable(
        CellLocation(file: file, line: startLine, column: column), "unterminated quoted field")
    }
  }
}
