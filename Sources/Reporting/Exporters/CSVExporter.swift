import CityModel
import Foundation

/// RFC 4180 CSV in UTF-8 (CRLF line ends, quotes only where needed), numbers at full precision.
/// With `byteOrderMark`, the file starts with U+FEFF so Excel opens Chinese text correctly.
///
/// Several tables with the same columns (the alternatives of a comparison) are stacked under a
/// leading column naming the table (for a comparison, the alternative scenario's id).
public enum CSVExporter {
  public static func render(_ tables: [ReportTable], language: Language, byteOrderMark: Bool = false) -> Data {
    guard let first = tables.first else { return Data() }
    let stacked = tables.count > 1
    var lines = [
      (stacked ? [Label.scenario.text(language)] : []) + first.dataHeader(groupTitle: Label.group.text(language))
    ]
    for table in tables {
      for row in table.dataRows {
        lines.append(
          (stacked ? [table.name] : [])
            + row.map { value in
              switch value {
              case .text(let text): text
              case .number(let number, _): dataNumber(number)
              case .empty: ""
              }
            })
      }
    }
    let text = lines.map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    return Data(((byteOrderMark ? "\u{FEFF}" : "") + text).utf8)
  }

  /// A CSV field, quoted (RFC 4180) when it holds a comma, a quote, a line break or edge spaces.
  public static func quoted(_ field: String) -> String {
    let needsQuotes =
      field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" } || field.hasPrefix(" ")
      || field.hasSuffix(" ")
    return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
  }
}
