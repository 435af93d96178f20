import CityModel
import Foundation
import ZIPFoundation

/// An Office Open XML workbook (.xlsx), one sheet per table: a bold, shaded header row that
/// stays frozen when scrolling, numbers stored as numbers with a display format that matches
/// the other exports (so Excel sums and charts them), text as inline strings.
///
/// Only the parts a spreadsheet needs are written: `[Content_Types].xml`, `_rels/.rels`,
/// `xl/workbook.xml`, `xl/_rels/workbook.xml.rels`, `xl/styles.xml`, `xl/worksheets/sheetN.xml`.
public enum XLSXExporter {
  public static func render(_ tables: [ReportTable], groupTitle: String) throws -> Data {
    let sheetNames = uniqueSheetNames(tables.map(\.name))
    let formats = NumberFormats(tables: tables)
    var parts: [(String, String)] = [
      ("[Content_Types].xml", contentTypes(sheetCount: tables.count)),
      ("_rels/.rels", packageRelationships),
      ("xl/workbook.xml", workbook(sheetNames)),
      ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: tables.count)),
      ("xl/styles.xml", formats.stylesheet),
    ]
    for (position, table) in tables.enumerated() {
      parts.append(
        ("xl/worksheets/sheet\(position + 1).xml", worksheet(table, groupTitle: groupTitle, formats: formats)))
    }
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, text) in parts {
      let bytes = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixedDate,
        compressionMethod: .deflate
      ) { position, size in
        bytes.subdata(in: Int(position)..<(Int(position) + size))
      }
    }
    guard let data = archive.data else {
      throw ReportingError.internalFailure("the workbook could not be assembled in memory")
    }
    return data
  }

  /// A fixed entry date, so the same tables give the same bytes.
  private static let fixedDate = Date(timeIntervalSince1970: 1_577_836_800)

  private static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
  private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  private static func contentTypes(sheetCount: Int) -> String {
    let sheets = (0..<sheetCount).map {
      #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" "#
        + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
    }
    return header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
      + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
      + #"<Default Extension="xml" ContentType="application/xml"/>"#
      + #"<Override PartName="/xl/workbook.xml" "#
      + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
      + #"<Override PartName="/xl/styles.xml" "#
      + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
      + sheets.joined() + "</Types>"
  }

  private static let packageRelationships =
    header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    + #"<Relationship Id="rId1" Type="\#(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>"#
    + "</Relationships>"

  private static func workbook(_ sheetNames: [String]) -> String {
    let sheets = sheetNames.enumerated().map { position, name in
      #"<sheet name="\#(xmlEscaped(name))" sheetId="\#(position + 1)" r:id="rId\#(position + 1)"/>"#
    }
    return header + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
      + "<sheets>" + sheets.joined() + "</sheets></workbook>"
  }

  private static func workbookRelationships(sheetCount: Int) -> String {
    let sheets = (0..<sheetCount).map {
      #"<Relationship Id="rId\#($0 + 1)" Type="\#(relationshipNamespace)/worksheet" "#
        + #"Target="worksheets/sheet\#($0 + 1).xml"/>"#
    }
    let styles =
      #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relationshipNamespace)/styles" Target="styles.xml"/>"#
    return header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
      + sheets.joined() + styles + "</Relationships>"
  }

  private static func worksheet(_ table: ReportTable, groupTitle: String, formats: NumberFormats) -> String {
    let headerTitles = table.dataHeader(groupTitle: groupTitle)
    let rows = table.dataRows
    let widths = headerTitles.indices.map { column in
      let texts =
        [headerTitles[column]]
        + rows.map { row -> String in
          switch row[column] {
          case .text(let text): text
          case .number(let value, let format): format.string(value)
          case .empty: ""
          }
        }
      return min(60, (texts.map(displayWidth).max() ?? 8) + 2)
    }
    var xml = header + #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
    xml += #"<sheetViews><sheetView workbookViewId="0">"#
    xml += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
    xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
    xml +=
      "<cols>"
      + widths.enumerated().map { #"<col min="\#($0 + 1)" max="\#($0 + 1)" width="\#($1)" customWidth="1"/>"# }.joined()
      + "</cols>"
    xml += "<sheetData>"
    xml += row(1, headerTitles.map { .text($0) }, style: { _ in NumberFormats.headerStyle }, formats: formats)
    for (offset, values) in rows.enumerated() {
      xml += row(offset + 2, values, style: { formats.style(for: $0) }, formats: formats)
    }
    return xml + "</sheetData></worksheet>"
  }

  private static func row(
    _ number: Int, _ values: [DataValue], style: (DataValue) -> Int, formats: NumberFormats
  ) -> String {
    let cells = values.enumerated().compactMap { column, value -> String? in
      let reference = "\(columnLetters(column))\(number)"
      let styleAttribute = style(value) == 0 ? "" : #" s="\#(style(value))""#
      switch value {
      case .text(let text):
        let space = text.first == " " || text.last == " " ? #" xml:space="preserve""# : ""
        return
          #"<c r="\#(reference)"\#(styleAttribute) t="inlineStr"><is><t\#(space)>\#(xmlEscaped(text))</t></is></c>"#
      case .number(let value, _) where value.isFinite:
        return #"<c r="\#(reference)"\#(styleAttribute)><v>\#(dataNumber(value))</v></c>"#
      case .number, .empty:
        return nil
      }
    }
    return #"<row r="\#(number)">"# + cells.joined() + "</row>"
  }

  /// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
  static func columnLetters(_ index: Int) -> String {
    var letters = ""
    var remaining = index + 1
    while remaining > 0 {
      let digit = (remaining - 1) % 26
      letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
      remaining = (remaining - 1) / 26
    }
    return letters
  }

  /// Sheet names Excel accepts: no `[]:*?/\`, at most 31 characters, unique (case-insensitive).
  static func uniqueSheetNames(_ names: [String]) -> [String] {
    var taken: Set<String> = []
    return names.map { name in
      let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
      var candidate = cleaned.isEmpty ? "Sheet" : cleaned
      var counter = 2
      while taken.contains(candidate.lowercased()) {
        let suffix = " (\(counter))"
        candidate = String(cleaned.prefix(31 - suffix.count)) + suffix
        counter += 1
      }
      taken.insert(candidate.lowercased())
      return candidate
    }
  }
}

/// The cell styles of a workbook: 0 default, 1 header, then one per number format in use.
struct NumberFormats {
  static let headerStyle = 1
  /// Excel format codes in first-use order; style index = 2 + position.
  private(set) var codes: [String] = []

  init(tables: [ReportTable]) {
    for table in tables {
      for row in table.dataRows {
        for case .number(let value, let format) in row {
          let code = Self.code(value, format)
          if !codes.contains(code) { codes.append(code) }
        }
      }
    }
  }

  func style(for value: DataValue) -> Int {
    guard case .number(let number, let format) = value, let position = codes.firstIndex(of: Self.code(number, format))
    else { return 0 }
    return 2 + position
  }

  /// The code for `value` in `format`: a probability strictly between 0 and 1 gets the precision
  /// the other outputs give it (`NumberFormat.probabilityPrecision`), so 0.9998 does not show as
  /// 100%; past one decimal the code is the text `> 99.9%` or `< 0.1%`, and the cell keeps its value.
  static func code(_ value: Double, _ format: NumberFormat) -> String {
    switch format.probabilityPrecision(value) {
    case nil: code(format)
    case .decimals(let places): code(NumberFormat(style: .percent, decimals: places))
    case .belowOneTenthPercent: #""< 0.1%""#
    case .aboveNinetyNinePointNinePercent: #""> 99.9%""#
    }
  }

  static func code(_ format: NumberFormat) -> String {
    let fraction = format.decimals > 0 ? "." + String(repeating: "0", count: format.decimals) : ""
    let body =
      switch format.style {
      case .percent: "0\(fraction)%"
      case .year: "0"
      default: "#,##0\(fraction)"
      }
    return format.signed ? "+\(body);-\(body);\(body)" : body
  }

  var stylesheet: String {
    let numberFormats = codes.enumerated().map { #"<numFmt numFmtId="\#(164 + $0)" formatCode="\#(xmlEscaped($1))"/>"# }
    let numberStyles = codes.indices.map {
      #"<xf numFmtId="\#(164 + $0)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
    }
    return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
      + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
      + #"<numFmts count="\#(codes.count)">"# + numberFormats.joined() + "</numFmts>"
      + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>"#
      + #"<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
      + #"<fills count="3"><fill><patternFill patternType="none"/></fill>"#
      + #"<fill><patternFill patternType="gray125"/></fill>"#
      + #"<fill><patternFill patternType="solid"><fgColor rgb="FFDCE3EC"/><bgColor indexed="64"/></patternFill>"#
      + "</fill></fills>"
      + #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
      + #"<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>"#
      + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
      + #"<cellXfs count="\#(2 + codes.count)"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
      + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>"#
      + numberStyles.joined() + "</cellXfs>"
      + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
      + "</styleSheet>"
  }
}
