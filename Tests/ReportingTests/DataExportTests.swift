import Foundation
import Simulation
import Testing
import ZIPFoundation
import _TestSupport

@testable import Reporting

/// CSV and XLSX keep numbers as numbers: read back, they equal the result's values exactly.
@Suite struct DataExportTests {
  @Test func csvByteOrderMarkOnlyWhenAsked() throws {
    let plain = try Exporter.render(Fixtures.runDocument(), as: .csv)
    let marked = try Exporter.render(Fixtures.runDocument(), as: .csv, settings: ExportSettings(byteOrderMark: true))
    #expect(Array(marked.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(Array(plain.prefix(3)) != [0xEF, 0xBB, 0xBF])
    #expect(marked.dropFirst(3) == plain)
  }

  @Test func csvQuotesOnlyWhatNeedsQuoting() {
    #expect(CSVExporter.quoted("上海") == "上海")
    #expect(CSVExporter.quoted("10,000 visits") == "\"10,000 visits\"")
    #expect(CSVExporter.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVExporter.quoted(" padded") == "\" padded\"")
  }

  @Test func csvNumbersReadBackExactly() throws {
    let run = try Fixtures.run()
    let text = String(
      decoding: try Exporter.render(
        .run(run), as: .csv, settings: ExportSettings(options: ReportOptions(years: .every))), as: UTF8.self)
    let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    let header = lines[0].components(separatedBy: ",")
    #expect(header.prefix(4) == ["分组", "编号", "指标", "单位"])
    #expect(header[4...6] == ["2023 P50", "2023 P5", "2023 P95"])
    // No field of the fixture has a quoted comma in the id/number columns, so a plain split is exact for them.
    var checked = 0
    for line in lines.dropFirst() {
      let fields = line.components(separatedBy: ",")
      let id = fields[1]
      for (offset, year) in (2023...2033).enumerated() {
        // The last row is the programme cost by year; the others are series.
        let point: (p50: Double, p5: Double, p95: Double)
        if id == "programme_cost" {
          let cost = try #require(run.cost.first { $0.year == year })
          point = (cost.p50, cost.p5, cost.p95)
        } else {
          let series = try #require(run.series.first { $0.indicator == id && $0.year == year })
          point = (series.p50, series.p5, series.p95)
        }
        let numbers = fields.suffix(33)
        let base = numbers.startIndex + offset * 3
        #expect(Double(numbers[base]) == point.p50)
        #expect(Double(numbers[base + 1]) == point.p5)
        #expect(Double(numbers[base + 2]) == point.p95)
        checked += 1
      }
    }
    #expect(checked == 14 * 11, "13 series and the cost")
  }

  @Test func xlsxHasTheOfficeOpenXMLPartsAndWellFormedXML() throws {
    let data = try Exporter.render(Fixtures.runDocument(), as: .xlsx)
    let archive = try Archive(data: data, accessMode: .read)
    let paths = Set(archive.map(\.path))
    #expect(
      paths == [
        "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
        "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
      ])
    for entry in archive {
      var bytes = Data()
      _ = try archive.extract(entry) { bytes.append($0) }
      let text = String(decoding: bytes, as: UTF8.self)
      #expect(isWellFormedXML(text), "\(entry.path) is well-formed XML")
      if entry.path.hasPrefix("xl/worksheets/") {
        #expect(text.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
      }
    }
  }

  /// A workbook shows a probability as the other outputs do: 0.9998 is not 100% nor 0.0002 0%,
  /// while the cell keeps its number; exact 0 and 1, ordinary values and signed changes keep the
  /// column's format.
  @Test func xlsxProbabilitiesNeverShowAsACertaintyTheyAreNot() throws {
    let percent = NumberFormat(style: .percent, decimals: 0)
    let cases: [(Double, NumberFormat, String)] = [
      (0.9998, percent, #""> 99.9%""#), (0.0002, percent, #""< 0.1%""#), (0.996, percent, "0.0%"),
      (0.004, percent, "0.0%"), (0.62, percent, "0%"), (1, percent, "0%"), (0, percent, "0%"),
      (0.9998, NumberFormat(style: .percent, decimals: 0, signed: true), "+0%;-0%;0%"),
      (0.9998, NumberFormat(style: .score, decimals: 1), "#,##0.0"),
    ]
    for (value, format, code) in cases {
      #expect(NumberFormats.code(value, format) == code, "\(value) in \(format)")
    }
    let table = ReportTable(
      name: "Targets", title: "Targets", columns: [.init("P")],
      sections: [.init(heading: nil, rows: [0.9998, 0.62, 1].map { [.number($0, percent)] })])
    let archive = try Archive(data: try XLSXExporter.render([table], groupTitle: "Group"), accessMode: .read)
    func text(_ path: String) throws -> String {
      var bytes = Data()
      _ = try archive.extract(try #require(archive[path])) { bytes.append($0) }
      return String(decoding: bytes, as: UTF8.self)
    }
    let styles = try text("xl/styles.xml")
    #expect(isWellFormedXML(styles))
    #expect(styles.contains(#"<numFmt numFmtId="164" formatCode="&quot;&gt; 99.9%&quot;"/>"#))
    #expect(styles.contains(#"<numFmt numFmtId="165" formatCode="0%"/>"#))
    let sheet = try text("xl/worksheets/sheet1.xml")
    #expect(sheet.contains(#"s="2"><v>0.9998</v>"#) && sheet.contains(#"s="3"><v>0.62</v>"#))
  }

  @Test func xlsxSheetNamesAreValidAndUnique() {
    #expect(
      XLSXExporter.uniqueSheetNames(["a/b", "A_b", String(repeating: "x", count: 40)]) == [
        "a_b", "A_b (2)", String(repeating: "x", count: 31),
      ])
    #expect(XLSXExporter.columnLetters(0) == "A")
    #expect(XLSXExporter.columnLetters(25) == "Z")
    #expect(XLSXExporter.columnLetters(26) == "AA")
    #expect(XLSXExporter.columnLetters(701) == "ZZ")
  }

  /// openpyxl reads the workbook: sheets, frozen header, bold header, and every P50/P5/P95
  /// equal (as a float, exactly) to the result's value.
  @Test(.enabled(if: OpenPyXL.available, "python3 with openpyxl is needed to read the workbook back"))
  func xlsxReadBackByOpenpyxl() throws {
    let run = try Fixtures.run()
    let settings = ExportSettings(options: ReportOptions(language: .en, years: .every))
    let directory = try Fixtures.temporaryDirectory()
    let file = directory.appendingPathComponent("run.xlsx")
    try Exporter.render(.run(run), as: .xlsx, settings: settings).write(to: file)
    let report = try OpenPyXL.read(file)
    let sheets = try #require(report["sheets"] as? [[String: Any]])
    #expect(sheets.map { $0["name"] as? String } == ["Projection", "Targets", "Programme cost"])
    for sheet in sheets {
      #expect(sheet["freeze_panes"] as? String == "A2")
      #expect(sheet["header_bold"] as? Bool == true)
    }
    let rows = try #require(sheets[0]["rows"] as? [[[String: Any]]])
    let header = rows[0].map { $0["value"] as? String }
    #expect(header[0...4] == ["Group", "ID", "Indicator", "Unit", "2023 P50"])
    var checked = 0
    for row in rows.dropFirst() {
      let id = try #require(row[1]["value"] as? String)
      for (offset, year) in (2023...2033).enumerated() {
        let point = try #require(run.series.first { $0.indicator == id && $0.year == year })
        for (column, expected) in [(4, point.p50), (5, point.p5), (6, point.p95)] {
          let cell = row[column + offset * 3]
          #expect(cell["type"] as? String == "float" || cell["type"] as? String == "int")
          #expect((cell["value"] as? NSNumber)?.doubleValue == expected)
        }
        checked += 1
      }
    }
    #expect(checked == 13 * 11)
    let targets = try #require(sheets[1]["rows"] as? [[[String: Any]]])
    #expect((targets[1][4]["value"] as? NSNumber)?.doubleValue == run.targets[0].probability)
    #expect(targets[1][4]["format"] as? String == "0%")
    // Years are numbers, shown ungrouped: the target year, the year first met, the cost's years.
    for year in [targets[1][3], targets[1][5]]
      + (try #require(sheets[2]["rows"] as? [[[String: Any]]])).dropFirst()
      .map({ $0[0] })
    {
      #expect(year["type"] as? String == "int", "\(year)")
      #expect(year["format"] as? String == "0")
    }
    #expect((targets[1][3]["value"] as? NSNumber)?.intValue == 2030)
  }
}

/// Runs Fixtures/check_xlsx.py with the system's python3.
enum OpenPyXL {
  static let available: Bool = {
    (try? runPython(["-c", "import openpyxl"]))?.status == 0
  }()

  static func read(_ file: URL) throws -> [String: Any] {
    let script = Fixtures.directory.appendingPathComponent("check_xlsx.py").path
    let (status, output) = try runPython([script, file.path])
    guard status == 0, let object = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
      throw CocoaError(.fileReadCorruptFile)
    }
    return object
  }

  private static func runPython(_ arguments: [String]) throws -> (status: Int32, output: Data) {
    let result = try execute(["python3"] + arguments, executable: URL(fileURLWithPath: "/usr/bin/env"))
    return (result.status, Data(result.stdout.utf8))
  }
}
