import Foundation
import Testing
import _TestSupport

/// `iccsim sensitivity --format html`: a self-contained page with a chart per output (tornado or
/// Sobol), the terminal's table and the warnings.
@Suite("Sensitivity page")
struct SensitivityPageTests {
  static let scenario = "scenarios/shanghai-baseline.yaml"

  @Test func tornadoPageChartsTheInputsInTheTablesOrder() throws {
    let result = try execute(["sensitivity", Self.scenario, "--method", "tornado", "--format", "html"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let page = result.stdout
    #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains(#"<html lang="en">"#))
    #expect(page.components(separatedBy: "<svg").count - 1 == 1, "one output, one chart")
    #expect(!page.contains("<script") && !page.contains("<h3></h3>"))
    // The table's rows and the chart's bars are both by decreasing swing: the first row's input
    // is the chart's first label, and its swing is the largest.
    let table = try JSONSerialization.jsonObject(
      with: Data(
        try execute(["sensitivity", Self.scenario, "--method", "tornado", "--format", "json"]).stdout.utf8))
    let rows = try #require((table as? [String: Any])?["rows"] as? [[String: Any]])
    let widest = try #require(rows.max { ($0["swing"] as? Double ?? 0) < ($1["swing"] as? Double ?? 0) })
    let firstRow = try #require(page.range(of: "<tbody>\n<tr><td>"))
    let firstCell = page[firstRow.upperBound...].prefix { $0 != "<" }
    #expect(firstCell == "Domestic and international tourism spending: trend growth")
    #expect(widest["input"] as? String == "tourism_spending.drift")
    let firstLabel = try #require(page.range(of: ##"text-anchor="end" fill="#222">"##))
    // (The label may wrap onto two lines; its first is the start of the name.)
    let labelLine = page[firstLabel.upperBound...].prefix { $0 != "<" }
    #expect(labelLine.count > 10 && firstCell.hasPrefix(labelLine), "\(labelLine)")
  }

  @Test func sobolPageIsInTheLanguageAskedFor() throws {
    let result = try execute([
      "sensitivity", Self.scenario, "--method", "sobol", "--samples", "64", "--format", "html", "--lang", "zh",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains(#"<html lang="zh-CN">"#))
    #expect(result.stdout.contains("<h2>国际消费中心城市指数，2033年</h2>"))
    #expect(result.stdout.components(separatedBy: "<svg").count - 1 == 1)
    #expect(result.stdout.contains("<h2>警告：</h2>"), "64 base samples are too few, and the page says so")
  }

  @Test func regressionPageHasItsTablesAndNoChart() throws {
    let result = try execute([
      "sensitivity", Self.scenario, "--method", "src", "--samples", "300", "--all-years", "--format", "html",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(!result.stdout.contains("<svg"))
    #expect(result.stdout.components(separatedBy: "<table>").count - 1 == 10, "one table per projected year")
  }
}
