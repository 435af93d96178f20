import Foundation

/// RFC 4180 CSV read from UTF-8 bytes: quoted fields with doubled quotes, LF or CRLF line ends,
/// a leading byte-order mark tolerated, blank lines skipped. Every row must have as many fields
/// as the header.
struct CSVReader {
  /// The header's field names, then each record with the 1-based line it starts on.
  struct Contents {
    var header: [String]
    var records: [[String]]
    var lines: [Int]
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
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
    let carriage = UInt8(ascii: "\r")

    var rows: [[String]] = []
    var lines: [Int] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var line = 1, rowLine = 1
    var index = 0
    var fieldWasQuoted = false

    func text(_ bytes: [UInt8], at line: Int, column: Int) throws -> String {
      guard let string = String(validating: bytes, as: UTF8.self) else {
        throw EstimationError.malformedTable(
          CellLocation(file: file, line: line, column: column), "the file is not valid UTF-8")
      }
      return string
    }
    func endField() throws {
      let value = try text(field, at: rowLine, column: fields.count + 1)
      fields.append(fieldWasQuoted ? value : value.trimmingCharacters(in: .whitespaces))
      field.removeAll(keepingCapacity: true)
      fieldWasQuoted = false
    }
    func endRow() throws {
      try endField()
      if !(fields.count == 1 && fields[0].isEmpty) {
        rows.append(fields)
        lines.append(rowLine)
      }
      fields = []
    }

    while index < bytes.count {
      let byte = bytes[index]
      if byte == quote && field.allSatisfy({ $0 == UInt8(ascii: " ") }) && !fieldWasQuoted {
        field.removeAll()
        fieldWasQuoted = true
        let start = line
        index += 1
        var closed = false
        while index < bytes.count {
          let inner = bytes[index]
          if inner == quote {
            if index + 1 < bytes.count && bytes[index + 1] == quote {
              field.append(quote)
              index += 2
              continue
            }
            closed = true
            index += 1
            break
          }
          if inner == newline { line += 1 }
          field.append(inner)
          index += 1
        }
        if !closed {
          throw EstimationError.malformedTable(
            CellLocation(file: file, line: start, column: fields.count + 1), "unterminated quoted field")
        }
        continue
      }
      switch byte {
      case comma:
        try endField()
      case newline:
        try endRow()
        line += 1
        rowLine = line
      case carriage where index + 1 < bytes.count && bytes[index + 1] == newline:
        break
      default:
        if fieldWasQuoted && byte != UInt8(ascii: " ") {
          throw EstimationError.malformedTable(
            CellLocation(file: file, line: line, column: fields.count + 1),
            "text after a closing quote")
        }
        if !fieldWasQuoted { field.append(byte) }
      }
      index += 1
    }
    if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { try endRow() }

    guard let header = rows.first else {
      throw EstimationError.malformedTable(CellLocation(file: file, line: 1, column: 1), "the file is empty")
    }
    for (record, recordLine) in zip(rows.dropFirst(), lines.dropFirst()) where record.count != header.count {
      throw EstimationError.malformedTable(
        CellLocation(file: file, line: recordLine, column: min(record.count, header.count) + 1),
        "expected \(header.count) fields as in the header, found \(record.count)")
    }
    return Contents(header: header, records: Array(rows.dropFirst()), lines: Array(lines.dropFirst()))
  }
}
