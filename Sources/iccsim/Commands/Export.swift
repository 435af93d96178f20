import ArgumentParser
import CityModel
import Foundation
import Reporting

extension ExportFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// `iccsim export RESULT.json --format md|csv|tex|xlsx|html|json|text --out FILE`
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Turn a run or comparison result (JSON) into tables and charts for slides and reports.",
    discussion: """
      Formats: text (aligned terminal table), csv, md (Markdown), tex (LaTeX booktabs), xlsx (Excel),
      json (the tables), html (a self-contained page with charts). Without --out, text formats go to
      standard output. An existing file is replaced only with --force (otherwise exit 73).
      """)

  @Argument(help: "A result written by `iccsim run --format json` or `iccsim compare --format json`.")
  var result: String

  @Option(help: "Output format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: ExportFormat = .text

  @Option(help: "Output file (written atomically). Required for xlsx.")
  var out: String?

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  @Option(help: "Language of labels: zh or en.")
  var lang: Language = .zh

  @Option(help: "Year columns: milestones (base, +1, +3, +5, +10, last), all, or a comma-separated list of years.")
  var years = "milestones"

  @Option(help: "Cell statistic: p50-p5-p95 (median with interval), mean, sd, p5, p25, p50, p75 or p95.")
  var stat = "p50-p5-p95"

  @Flag(help: "CSV: begin with a UTF-8 byte-order mark (for Excel).")
  var bom = false

  @Flag(help: "LaTeX: write a whole document instead of a fragment.")
  var standalone = false

  func validate() throws {
    guard CellStatistic(argument: stat) != nil else { throw ValidationError("unknown statistic '\(stat)'") }
    _ = try yearSelection()
    if format == .xlsx && out == nil { throw ValidationError("--format xlsx needs --out FILE") }
  }

  func run() throws {
    let settings = ExportSettings(
      options: ReportOptions(language: lang, years: try yearSelection(), statistic: CellStatistic(argument: stat)!),
      byteOrderMark: bom, standalone: standalone)
    guard let data = FileManager.default.contents(atPath: result) else {
      FileHandle.standardError.write(Data("error: cannot read \(result)\n".utf8))
      throw ExitCode(66)
    }
    do {
      let document = try ResultDocument.decode(data, source: result)
      let rendered = try Exporter.render(document, as: format, settings: settings)
      if let out {
        try AtomicWrite.write(rendered, to: URL(fileURLWithPath: out), force: force)
      } else {
        FileHandle.standardOutput.write(rendered)
      }
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      throw ExitCode(error.exitCode)
    }
  }

  private func yearSelection() throws -> YearSelection {
    switch years {
    case "milestones": return .milestones
    case "all": return .every
    default:
      let list = years.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
      guard !list.isEmpty, list.allSatisfy({ $0 != nil }) else {
        throw ValidationError("--years takes milestones, all, or years like 2025,2030")
      }
      return .years(list.compactMap { $0 })
    }
  }
}
