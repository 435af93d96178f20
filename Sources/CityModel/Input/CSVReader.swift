/// A small RFC 4180 reader: comma-separated fields, records ending in LF or CRLF, fields in
/// double quotes holding commas, line breaks and doubled quotes (`""`). A leading byte-order mark
/// is skipped. Each record keeps the line it starts on, for messages.
enum CSVReader {
  struct Record {
    var line: Int
    var fields: [String]
  }

  struct SyntaxError: Error {
    var line: Int
    var message: String
  }

  static func records(_ text: String) throws(SyntaxError) -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field = ""
    var line = 1
    var recordLine = 1
    var inQuotes = false
    var wasQuoted = false
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var i = 0
    func endRecord() {
      fields.append(field)
      if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) {
        records.append(Record(line: recordLine, fields: fields))
      }
      fields = []
      field = ""
      wasQuoted = false
    }
    while i < scalars.count {
      let c = scalars[i]
      if inQuotes {
        if c == "\"" {
          if i + 1 < scalars.count && scalars[i + 1] == "\"" {
            field.unicodeScalars.append("\"")
            i += 1
          } else {
            inQuotes = false
            let next = i + 1 < scalars.count ? scalars[i + 1] : "\n"
            guard next == "," || next == "\n" || next == "\r" else {
              throw SyntaxError(line: line, message: "expected a comma or the end of the line after a closing quote")
            }
          }
        } else {
          if c == "\n" { line += 1 }
          field.unicodeScalars.append(c)
        }
      } else {
        switch c {
        case ",":
          fields.append(field)
          field = ""
          wasQuoted = false
        case "\r" where i + 1 < scalars.count && scalars[i + 1] == "\n":
          break
        case "\n", "\r":
          endRecord()
          line += 1
          recordLine = line
        case "\"" where field.isEmpty && !wasQuoted:
          inQuotes = true
          wasQuoted = true
        default:
          field.unicodeScalars.append(c)
        }
      }
      i += 1
    }
    if inQuotes { throw SyntaxError(line: recordLine, message: "a quoted field is not closed before the end of the file") }
    if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
    return records
  }
}
