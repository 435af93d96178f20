import Analysis
import CityModel
import Foundation
import Simulation

/// A sensitivity report as `iccsim sensitivity` prints it: an aligned table, JSON, CSV or an HTML
/// page with charts (SensitivityPage.swift).
public struct SensitivitySummary {
  let scenario: CompiledScenario
  let analysis: ScenarioAnalysis
  let report: ScenarioAnalysis.Report
  /// Readable input names in the language of the table and of the JSON's `label`.
  let inputLabel: SensitivityInputLabel

  public init(
    scenario: CompiledScenario, analysis: ScenarioAnalysis, report: ScenarioAnalysis.Report, language: Language = .en
  ) {
    self.scenario = scenario
    self.analysis = analysis
    self.report = report
    inputLabel = SensitivityInputLabel(scenario: scenario, language: language)
  }

  var result: SensitivityResult { report.result }

  // MARK: JSON

  /// The public JSON document: the rows `{"input", "output", "year", "method", …}` and warnings,
  /// with what the analysis was run on.
  private struct Document: Encodable {
    var scenario: String
    var method: SensitivityMethod
    var noise: String
    var seed: UInt64
    var samples: Int?
    var runs: Int
    var inputs: [Input]
    var rows: [SensitivityRow]
    var warnings: [SensitivityWarning]

    struct Input: Encodable {
      var input: String
      /// The readable name (`SensitivityInputLabel`); `input` stays the stable path.
      var label: String
      var group: String?
    }
  }

  /// The public JSON document, ending in a newline.
  public func json() throws -> Data {
    let document = Document(
      scenario: scenario.id, method: result.method, noise: analysis.noise.rawValue, seed: analysis.seed,
      samples: result.method == .tornado ? nil : analysis.samples, runs: report.runs,
      inputs: report.inputs.map { Document.Input(input: $0.name, label: inputLabel($0.name), group: $0.group) },
      rows: result.rows, warnings: result.warnings)
    return try ResultCoding.encoder().encode(document) + Data("\n".utf8)
  }

  // MARK: CSV

  /// One line per row: input, output, year, method, then the method's fields as in the JSON.
  public func csv() -> String {
    let fields: [String] =
      switch result.method {
      case .tornado: ["low", "high", "swing", "base", "input_low", "input_high"]
      case .src: ["src", "prcc", "r_squared", "rank_r_squared"]
      case .sobol: ["s1", "s1_low", "s1_high", "st", "st_low", "st_high"]
      }
    var lines = [(["input", "output", "year", "method"] + fields).joined(separator: ",")]
    for row in result.rows {
      let values: [Double] =
        switch row.measures {
        case .tornado(let m): [m.low, m.high, m.swing, m.base, m.inputLow, m.inputHigh]
        case .regression(let m): [m.src, m.prcc, m.rSquared, m.rankRSquared]
        case .sobol(let m): [m.s1, m.s1Low, m.s1High, m.st, m.stLow, m.stHigh]
        }
      let year = row.year.map(String.init) ?? ""
      let fields = [CSVExporter.quoted(row.input), CSVExporter.quoted(row.output), year, row.method.rawValue]
      lines.append((fields + values.map { "\($0)" }).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: Table

  /// A heading, one aligned block per output and year with the inputs by decreasing importance,
  /// then the warnings, in the language of `inputLabel`; fitted to `width` display columns when
  /// given (`TerminalWidth`).
  public func table(width: Int? = nil) -> String {
    var table = wrapLines("\(title)\n\(design)", width: width) + "\n"
    for block in blocks {
      table += "\n" + blockTable(block, width: width)
    }
    if !result.warnings.isEmpty {
      table +=
        "\n\(text.warningsHeading)\n"
        + result.warnings.map {
          wrapLines("  - \(text.warning($0, inputs: report.inputs))", width: width, hanging: "    ") + "\n"
        }
        .joined()
    }
    return table
  }

  /// The report's title: the scenario and the method.
  var title: String {
    Punctuation.titled(
      scenario.title.text(text.language), text.methodTitle(result.method, grouped: analysis.grouped), text.language)
  }

  /// What the analysis ran: method, runs, samples, seed, inputs and the noise policy.
  var design: String {
    text.designLine(
      method: result.method, runs: report.runs, samples: analysis.samples, seed: analysis.seed,
      sampling: report.sampling, inputs: report.inputs.count, noise: analysis.noise)
  }

  var text: SensitivityTableText { SensitivityTableText(language: inputLabel.language, label: inputLabel) }

  /// The rows of the result grouped by output and year, in the result's order.
  var blocks: [[SensitivityRow]] {
    var blocks: [(key: String, rows: [SensitivityRow])] = []
    for row in result.rows {
      let key = "\(row.output)\u{0}\(row.year.map(String.init) ?? "")"
      if blocks.last?.key == key { blocks[blocks.count - 1].rows.append(row) } else { blocks.append((key, [row])) }
    }
    return blocks.map(\.rows)
  }

  private func blockTable(_ rows: [SensitivityRow], width: Int?) -> String {
    let block = blockCells(rows)
    let all = [block.header] + block.cells
    let layout = AlignedColumns(
      all, alignments: block.header.indices.map { $0 == 0 ? .left : .right }, width: width)
    return wrapLines(block.heading, width: width) + "\n" + all.flatMap { layout.lines($0) }.joined(separator: "\n")
      + "\n"
  }

  /// One output's block as text cells: its heading, the column headers and a row per input by
  /// decreasing importance (the tornado's order is the analysis's, by swing).
  func blockCells(_ rows: [SensitivityRow]) -> (heading: String, header: [String], cells: [[String]]) {
    let (fixed, significant) = (StatisticText.fixed, StatisticText.significant)
    let first = rows[0]
    let output = text.output(first.output, year: first.year)
    let heading: String
    let header = text.header(first.method)
    var cells: [[String]]
    switch first.measures {
    case .tornado(let base):
      let decimals = StatisticText.decimals(forLargest: rows.map { tornado($0).swing }.max() ?? 0)
      heading = text.tornadoHeading(output, base: fixed(base.base, decimals))
      cells = rows.map { row in
        let m = tornado(row)
        return [
          inputLabel(row.input), significant(m.inputLow), significant(m.inputHigh),
          fixed(m.low, decimals), fixed(m.high, decimals), fixed(m.swing, decimals),
        ]
      }
    case .regression(let m):
      heading = text.regressionHeading(
        output, rSquared: fixed(m.rSquared, 3), rankRSquared: fixed(m.rankRSquared, 3))
      cells = rows.sorted { abs(regression($0).src) > abs(regression($1).src) }.map { row in
        [inputLabel(row.input), fixed(regression(row).src, 3), fixed(regression(row).prcc, 3)]
      }
    case .sobol:
      heading = output
      cells = rows.sorted { sobol($0).st > sobol($1).st }.map { row in
        let m = sobol(row)
        return [
          inputLabel(row.input), fixed(m.s1, 3), "[\(fixed(m.s1Low, 3)), \(fixed(m.s1High, 3))]",
          fixed(m.st, 3), "[\(fixed(m.stLow, 3)), \(fixed(m.stHigh, 3))]",
        ]
      }
    }
    return (heading, header, cells)
  }

  func tornado(_ row: SensitivityRow) -> TornadoMeasures {
    if case .tornado(let m) = row.measures { return m }
    preconditionFailure("a tornado block holds tornado rows only")
  }

  private func regression(_ row: SensitivityRow) -> RegressionMeasures {
    if case .regression(let m) = row.measures { return m }
    preconditionFailure("a regression block holds regression rows only")
  }

  func sobol(_ row: SensitivityRow) -> SobolMeasures {
    if case .sobol(let m) = row.measures { return m }
    preconditionFailure("a Sobol block holds Sobol rows only")
  }
}
