import ArgumentParser
import CityModel
import Foundation
import Reporting

/// `iccsim export RESULT.json --format md|csv|tex|xlsx|html|json|text --out FILE`
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Turn a run or comparison result (JSON) into tables and charts for slides and reports.",
    discussion: """
      Formats: text (aligned terminal table), csv, md (Markdown), tex (LaTeX
      booktabs), xlsx (Excel), json (the tables), html (a self-contained page with
      charts). Without --out, text formats go to standard output. An existing file
      is replaced only with --force (otherwise exit 73).
      """)

  @Argument(help: "A result written by `iccsim run --format json` or `iccsim compare --format json`.")
  var result: String

  @Option(help: "Output format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: ExportFormat = .text

  @Option(help: "Output file (written atomically). Required for xlsx.")
  var out: String?

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  @OptionGroup var presentation: PresentationOptions

  func validate() throws {
    if format == .xlsx && out == nil { throw ValidationError("--format xlsx needs --out FILE") }
  }

  func run() throws {
    try exitingOnError {
      let files = try CommandOutput([out], force: force)
      let data = try readInput(result, limit: ResultFileLimits.result)
      let document = try ResultDocument.decode(data, source: result)
      let rendered = try Exporter.render(
        document, as: format, settings: try presentation.settings(toStandardOutput: out == nil))
      try files.complete { try $0.write(rendered, to: out) }
    }
  }
}
