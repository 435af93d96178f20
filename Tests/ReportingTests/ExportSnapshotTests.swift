import CityModel
import Foundation
import Testing

@testable import Reporting

/// Golden files for every people-facing and text format, in both languages where labels differ.
@Suite struct ExportSnapshotTests {
  static let english = ExportSettings(options: ReportOptions(language: .en))

  @Test(arguments: [
    (ExportFormat.text, "zh"), (.text, "en"), (.md, "en"), (.md, "zh"), (.csv, "zh"), (.tex, "zh"), (.json, "en"),
  ])
  func runExports(format: ExportFormat, language: String) throws {
    let settings = ExportSettings(options: ReportOptions(language: language == "zh" ? .zh : .en))
    let data = try Exporter.render(Fixtures.runDocument(), as: format, settings: settings)
    try assertSnapshot(String(decoding: data, as: UTF8.self), named: "run-\(language).\(format.fileExtension)")
  }

  @Test(arguments: [ExportFormat.text, .md, .csv, .tex])
  func comparisonExports(format: ExportFormat) throws {
    let data = try Exporter.render(Fixtures.comparisonDocument(), as: format, settings: Self.english)
    try assertSnapshot(String(decoding: data, as: UTF8.self), named: "compare-en.\(format.fileExtension)")
  }

  @Test func standaloneLaTeXDocument() throws {
    let settings = ExportSettings(options: ReportOptions(language: .zh), standalone: true)
    let data = try Exporter.render(Fixtures.runDocument(), as: .tex, settings: settings)
    try assertSnapshot(String(decoding: data, as: UTF8.self), named: "run-zh-standalone.tex")
  }

  @Test func everyYearWithTheMean() throws {
    let settings = ExportSettings(options: ReportOptions(language: .en, years: .every, statistic: .single(.mean)))
    let data = try Exporter.render(Fixtures.runDocument(), as: .md, settings: settings)
    try assertSnapshot(String(decoding: data, as: UTF8.self), named: "run-en-every-year-mean.md")
  }

  @Test func htmlPages() throws {
    let run = try Exporter.render(Fixtures.runDocument(), as: .html, settings: ExportSettings())
    try assertSnapshot(String(decoding: run, as: UTF8.self), named: "run-zh.html")
    let comparison = try Exporter.render(Fixtures.comparisonDocument(), as: .html, settings: Self.english)
    try assertSnapshot(String(decoding: comparison, as: UTF8.self), named: "compare-en.html")
  }

  /// A comparison's page holds its manifest (every input's SHA-256, as a run's page does), and
  /// every page is titled with its scenarios' titles.
  @Test func htmlPagesCarryTheManifestAndTheScenariosTitles() throws {
    let html = String(
      decoding: try Exporter.render(Fixtures.comparisonDocument(), as: .html, settings: Self.english), as: UTF8.self)
    let inputs = try Fixtures.comparison().meta?.inputs ?? []
    #expect(!inputs.isEmpty)
    #expect(html.components(separatedBy: "sha256:").count - 1 == inputs.count)
    #expect(inputs.allSatisfy { html.contains("sha256:\($0.sha256)") })
    #expect(
      html.contains(
        "<title>Shanghai baseline (test fixture), Shanghai flagship plan (test fixture), "
          + "Shanghai lean plan (test fixture)</title>"))
    let run = String(decoding: try Exporter.render(Fixtures.runDocument(), as: .html), as: UTF8.self)
    #expect(run.contains("<title>上海·旗舰方案（测试数据）</title>"))
    #expect(!html.contains("Scenario report") && !run.contains("情景报告"))
  }

  @Test func terminalColumnsAlignInDisplayWidth() throws {
    let text = String(decoding: try Exporter.render(Fixtures.runDocument(), as: .text), as: UTF8.self)
    let projection = text.components(separatedBy: "\n\n")[1].components(separatedBy: "\n")
    let rowWidths = Set(projection.filter { $0.hasPrefix("  ") }.map(displayWidth))
    #expect(rowWidths.count == 1, "every data row of the projection ends in the same column: \(rowWidths)")
  }
}
