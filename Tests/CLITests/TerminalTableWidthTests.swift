import Foundation
import Reporting
import Testing
import _TestSupport

/// Every terminal table fits the width it is given (`COLUMNS` here, as standard output is a pipe),
/// measured in display columns so a Chinese character counts two; `--wide` keeps the full layout.
@Suite("Terminal tables fit the width")
struct TerminalTableWidthTests {
  static let base = "scenarios/shanghai-baseline.yaml"
  static let plan = "scenarios/shanghai-districts-first.yaml"
  static let runs = ["--runs", "200"]
  static let panel = "scenarios/data/city-panel.csv"
  static let model = "scenarios/models/icc-default.yaml"
  static let map = "scenarios/data/panel-map.yaml"

  struct Command: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var testDescription: String { arguments.prefix(4).filter { !$0.hasPrefix("scenarios/") }.joined(separator: " ") }
  }

  static let commands: [Command] = [
    Command(arguments: ["run", base] + runs),
    Command(arguments: ["run", base, "--years", "all"] + runs),
    Command(arguments: ["run", base, "--lang", "zh"] + runs),
    Command(arguments: ["run", base, "--lang", "zh", "--years", "all", "--stat", "mean"] + runs),
    Command(arguments: ["compare", base, plan] + runs),
    Command(arguments: ["compare", base, plan, "--years", "all"] + runs),
    Command(arguments: ["compare", base, plan, "--lang", "zh"] + runs),
    Command(arguments: ["indicators"]),
    Command(arguments: ["indicators", "--lang", "zh"]),
    Command(arguments: ["rank", base, "scenarios/beijing-baseline.yaml", "scenarios/chongqing-baseline.yaml"] + runs),
    Command(arguments: ["sensitivity", base, "--method", "tornado"]),
    Command(arguments: ["sensitivity", base, "--method", "sobol", "--samples", "64"]),
    Command(arguments: ["discover", base, "--target", "retail_sales:2030", "--runs", "300"]),
    Command(arguments: ["optimise", base, "--options", "scenarios/shanghai-options.yaml", "--runs", "40"]),
    Command(arguments: [
      "estimate", "--data", panel, "--duplicates", "first", "--se", "cluster:city",
      "--formula", "log(intl_tourism_receipts) ~ log(inbound_overnight_tourists) + log(gdp) + C(city)",
    ]),
    Command(arguments: ["calibrate", "--data", panel, "--model", model, "--map", map, "--duplicates", "first"]),
    Command(arguments: [
      "backtest", "--model", model, "--data", panel, "--map", map, "--duplicates", "first", "--origins", "2013-2017",
      "--runs", "200",
    ]),
  ]

  @Test(arguments: commands)
  func fitsOneHundredColumns(_ command: Command) throws {
    let result = try execute(command.arguments, columns: 100)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let widest = result.stdout.split(separator: "\n").map { displayWidth(String($0)) }.max() ?? 0
    #expect(widest <= 100, "widest line \(widest) columns")
    #expect(widest >= 80, "a table wider than the width is fitted to it, not cut short (widest \(widest))")
  }

  @Test func narrowerWidthsAreKeptToo() throws {
    for columns in [60, 80] {
      let result = try execute(
        ["compare", Self.base, Self.plan, "--lang", "zh", "--years", "all"] + Self.runs, columns: columns)
      #expect(result.status == 0)
      let widest = result.stdout.split(separator: "\n").map { displayWidth(String($0)) }.max() ?? 0
      #expect(widest <= columns, "\(columns): widest line \(widest)")
    }
  }

  @Test func leftOutYearsAreNamedAndWideShowsThemAll() throws {
    let fitted = try execute(["run", Self.base] + Self.runs, columns: 100)
    #expect(fitted.stdout.contains("Left out to fit 100 columns: 2024, 2026, 2028 (--wide shows every column)"))
    let wide = try execute(["run", Self.base, "--wide"] + Self.runs, columns: 100)
    let header = wide.stdout.split(separator: "\n").first { $0.hasPrefix("Indicator") } ?? ""
    #expect(["2023", "2024", "2026", "2028", "2033"].allSatisfy { header.contains($0) })
    #expect(!wide.stdout.contains("Left out"))
    #expect((wide.stdout.split(separator: "\n").map { displayWidth(String($0)) }.max() ?? 0) > 100)
  }
}
