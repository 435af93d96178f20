import CityModel
import Testing

@testable import Reporting

/// The width rule, wrapping, and tables that never run past their width.
@Suite struct TerminalFitTests {
  struct WidthCase: Sendable, CustomTestStringConvertible {
    var wide: Bool
    var terminal: Int?
    var columns: String?
    var expected: Int?
    var testDescription: String {
      "wide \(wide), terminal \(terminal.map(String.init) ?? "-"), COLUMNS \(columns ?? "-")"
    }
  }

  @Test(arguments: [
    WidthCase(wide: false, terminal: 132, columns: "80", expected: 132),  // a terminal: its width
    WidthCase(wide: false, terminal: nil, columns: "80", expected: 80),  // a pipe: COLUMNS
    WidthCase(wide: false, terminal: nil, columns: " 72 ", expected: 72),
    WidthCase(wide: false, terminal: nil, columns: nil, expected: 100),  // neither: 100
    WidthCase(wide: false, terminal: nil, columns: "wide", expected: 100),  // COLUMNS not a number
    WidthCase(wide: false, terminal: nil, columns: "0", expected: 100),
    WidthCase(wide: false, terminal: nil, columns: "-5", expected: 100),
    WidthCase(wide: false, terminal: 0, columns: "90", expected: 90),  // a terminal that reports no width
    WidthCase(wide: true, terminal: 132, columns: "80", expected: nil),  // --wide: the full layout
    WidthCase(wide: true, terminal: nil, columns: nil, expected: nil),
  ])
  func widthRule(_ rule: WidthCase) {
    #expect(
      TerminalWidth.resolve(wide: rule.wide, terminalColumns: rule.terminal, columnsVariable: rule.columns)
        == rule.expected)
  }

  @Test func wrapBreaksAtSpacesBetweenChineseCharactersAndInsideOverlongWords() {
    #expect(wrap("Total retail sales of consumer goods", width: 14) == ["Total retail", "sales of", "consumer goods"])
    #expect(wrap("社会消费品零售总额", width: 8) == ["社会消费", "品零售总", "额"])
    #expect(wrap("19,359 [17,958–20,761]", width: 16) == ["19,359", "[17,958–20,761]"])
    #expect(wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(wrap("fits  as  it is", width: 40) == ["fits  as  it is"], "text that fits is unchanged")
  }

  @Test func yearsThinOutEvenlyKeepingTheFirstAndTheLast() {
    let order = ReportTable.thinningOrder([2023, 2024, 2026, 2028, 2033])
    #expect(order == [2024: 0, 2026: 1, 2028: 2])
    let every = ReportTable.thinningOrder(Array(2023...2033))
    #expect(every[2023] == nil && every[2033] == nil && every.count == 9)
  }

  @Test(arguments: [Language.en, .zh])
  func everyLineOfEveryTableFitsAnyWidth(language: Language) throws {
    let documents = [try Fixtures.runDocument(), try Fixtures.comparisonDocument()]
    for document in documents {
      for years in [YearSelection.milestones, .every] {
        let options = ReportOptions(language: language, years: years)
        let tables = try Exporter.tables(of: document, for: .text, options: options)
        for width in [40, 60, 80, 100, 120] {
          let text = TerminalExporter.render(tables, width: width, language: language)
          let widest = text.split(separator: "\n").map { displayWidth(String($0)) }.max() ?? 0
          #expect(widest <= width, "\(language) \(years) at \(width): \(widest)")
        }
      }
    }
  }

  @Test func aTableThatFitsIsTheFullLayout() throws {
    let tables = try Exporter.tables(of: Fixtures.runDocument(), for: .text, options: ReportOptions(language: .en))
    #expect(TerminalExporter.render(tables, width: 1_000) == TerminalExporter.render(tables))
  }
}
