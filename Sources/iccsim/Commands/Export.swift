import ArgumentParser
import CityModel
import Foundation
import Reporting

/// `iccsim export RESULT.json --format md|csv|tex|xlsx|html|json|text|svg --out FILE|DIR`
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Turn a run or comparison result (JSON) into tables and charts for slides and reports.",
    discussion: """
      Formats: text (aligned terminal table), csv, md (Markdown), tex (LaTeX
      booktabs), xlsx (Excel), json (the tables), html (a self-contained page with
      charts), svg (each chart of the html page as its own file, named by what it
      shows, such as fan-retail_sales.svg, in the folder --out, created if
      missing). Without --out, text formats go to standard output. An existing file
      is replaced only with --force (otherwise exit 73).
      """)

  @Argument(help: "A result written by `iccsim run --format json` or `iccsim compare --format json`.")
  var result: String

  @Option(help: "Output format: \(ExportChoice.allValueStrings.joined(separator: ", ")).")
  var format: ExportChoice = .file(.text)

  @Option(help: "Output file (written atomically), or the folder for svg. Required for xlsx and svg.")
  var out: String?

  @Flag(help: "Replace the output file(s) if they exist.")
  var force = false

  @OptionGroup var presentation: PresentationOptions

  func validate() throws {
    if format == .file(.xlsx) && out == nil { throw ValidationError("--format xlsx needs --out FILE") }
    if format == .charts && out == nil { throw ValidationError("--format svg needs --out DIR") }
  }

  func run() throws {
    try exitingOnError {
      switch format {
      case .file(let fileFormat): try exportFile(fileFormat)
      case .charts: try exportCharts(into: out ?? ".")
      }
    }
  }

  private func exportFile(_ fileFormat: ExportFormat) throws {
    let files = try CommandOutput([out], force: force)
    let document = try ResultDocument.decode(readInput(result, limit: ResultFileLimits.result), source: result)
    let rendered = try Exporter.render(
      document, as: fileFormat, settings: try presentation.settings(toStandardOutput: out == nil))
    try files.complete { try $0.write(rendered, to: out) }
  }

  /// One standalone SVG file per chart in `directory`, all or none; the names come from the
  /// result, so it is read before the outputs are checked.
  private func exportCharts(into directory: String) throws {
    let document = try ResultDocument.decode(readInput(result, limit: ResultFileLimits.result), source: result)
    let language = try presentation.settings(toStandardOutput: false).options.language
    let charts = ResultCharts.all(of: document, language: language)
    guard !charts.isEmpty else { throw ReportingError.nothingToChart(source: result) }
    try writeCharts(charts, into: directory, force: force)
  }
}

/// What `export --format` names: one file in an `ExportFormat`, or `svg`, a folder of charts.
enum ExportChoice: Equatable, ExpressibleByArgument {
  case file(ExportFormat)
  case charts

  init?(argument: String) {
    if argument == "svg" {
      self = .charts
    } else if let format = ExportFormat(argument: argument) {
      self = .file(format)
    } else {
      return nil
    }
  }

  static var allValueStrings: [String] { ExportFormat.allCases.map(\.rawValue) + ["svg"] }

  var defaultValueDescription: String {
    switch self {
    case .file(let format): format.rawValue
    case .charts: "svg"
    }
  }
}
