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

  /// `--format svg --out DIR`: each chart of the page as its own file, named by what it shows,
  /// the same drawing as the page's; all or none, never over existing files without --force.
  @Test func svgChartsAreThePagesChartsInFilesOfTheirOwn() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sensitivity-svg-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = [
      "sensitivity", Self.scenario, "--method", "tornado", "--all-years", "--format", "svg", "--out", folder.path,
    ]
    let first = try execute(arguments)
    #expect(first.status == 0, "stderr: \(first.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == (2024...2033).map { "tornado-index-\($0).svg" })
    let file = try String(contentsOf: folder.appendingPathComponent("tornado-index-2030.svg"), encoding: .utf8)
    #expect(file.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n<svg"))
    let page = try execute(["sensitivity", Self.scenario, "--method", "tornado", "--year", "2030", "--format", "html"])
    let svg = try #require(page.stdout.range(of: "<svg")).lowerBound
    let end = try #require(page.stdout.range(of: "</svg>")).upperBound
    #expect(file.hasSuffix(String(page.stdout[svg..<end]) + "\n"), "the file is the page's chart")
    let again = try execute(arguments)
    #expect(again.status == 73 && again.stderr.contains("--force"))
    #expect(try String(contentsOf: folder.appendingPathComponent("tornado-index-2030.svg"), encoding: .utf8) == file)
    #expect(try execute(arguments + ["--force"]).status == 0)
    let regression = try execute([
      "sensitivity", Self.scenario, "--method", "src", "--format", "svg", "--out", folder.path + "-src",
    ])
    #expect(regression.status == 64 && !FileManager.default.fileExists(atPath: folder.path + "-src"))
    // A file format has no place for the result's warnings: they go to standard error.
    let sobol = try execute([
      "sensitivity", Self.scenario, "--method", "sobol", "--samples", "32", "--format", "svg", "--out",
      folder.path + "-sobol",
    ])
    defer { try? FileManager.default.removeItem(atPath: folder.path + "-sobol") }
    #expect(sobol.status == 0 && sobol.stderr.contains("only 32 base samples"))
    #expect(FileManager.default.fileExists(atPath: folder.path + "-sobol/sobol-index-2033.svg"))
  }
}
