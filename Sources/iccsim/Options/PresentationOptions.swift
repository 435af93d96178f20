import ArgumentParser
import CityModel
import Foundation
import Reporting

extension ExportFormat: ExpressibleByArgument {
  /// Accepts the format names, and `table` for the aligned terminal table.
  public init?(argument: String) {
    self.init(rawValue: argument == "table" ? "text" : argument)
  }
}

/// How tables look, shared by `run`, `compare` and `export`: language, year columns, cell statistic.
struct PresentationOptions: ParsableArguments {
  @Option(help: "Language of labels: zh or en.")
  var lang: Language = .en

  @Option(help: "Year columns: milestones (base, +1, +3, +5, +10, last), all, or years like 2025,2030.")
  var years = "milestones"

  @Option(help: "Cell statistic: p50-p5-p95 (median with interval), mean, sd, p5, p25, p50, p75 or p95.")
  var stat = "p50-p5-p95"

  @Flag(help: "CSV: begin with a UTF-8 byte-order mark (for Excel).")
  var bom = false

  @Flag(help: "LaTeX: write a whole document instead of a fragment.")
  var standalone = false

  @OptionGroup var terminal: TerminalWidthOption

  func validate() throws {
    guard CellStatistic(argument: stat) != nil else {
      throw ValidationError("unknown statistic '\(stat)'; use p50-p5-p95, mean, sd, p5, p25, p50, p75 or p95")
    }
    _ = try yearSelection()
  }

  /// The settings of every format; a text table `toStandardOutput` fits the terminal's width.
  func settings(toStandardOutput: Bool) throws -> ExportSettings {
    ExportSettings(
      options: ReportOptions(language: lang, years: try yearSelection(), statistic: CellStatistic(argument: stat)!),
      byteOrderMark: bom, standalone: standalone, width: toStandardOutput ? terminal.width() : nil)
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

/// Where `run` and `compare` send their results: one format to standard output, or any formats
/// into a directory (one file per result and format, written atomically).
struct ResultOutputOptions: ParsableArguments {
  @Option(help: "Output format(s): table, json, csv, md, tex, html, xlsx; several, comma-separated, with --out.")
  var format = "table"

  @Option(help: "Write results into this directory instead of standard output.")
  var out: String?

  @Flag(help: "Replace existing output files.")
  var force = false

  func formats() throws -> [ExportFormat] {
    try format.split(separator: ",").map { name in
      guard let format = ExportFormat(argument: String(name)) else {
        throw ValidationError("unknown format '\(name)'; use table, json, csv, md, tex, html or xlsx")
      }
      return format
    }
  }

  func validate() throws {
    let formats = try formats()
    guard !formats.isEmpty else { throw ValidationError("--format needs at least one format") }
    if out == nil && (formats.count > 1 || formats == [.xlsx]) {
      throw ValidationError("several formats, or xlsx, need --out DIR")
    }
  }

  /// The outputs of results with these file stems (`ResultDocument.fileStem`), and the files at
  /// `extra`, checked before any work: with `--out DIR`, one file per stem and format in DIR
  /// (created if missing); without, standard output.
  func files(stems: [String], also extra: [String] = []) throws -> CommandOutput {
    let formats = try formats()
    guard let out else { return try CommandOutput(extra, force: force) }
    let paths = stems.flatMap { stem in formats.map { Exporter.path(stem: stem, format: $0, in: out) } }
    return try CommandOutput(paths + extra, force: force, creating: out)
  }

  /// Renders every document into `files` (from `files(stems:)`), or to standard output without
  /// `--out` once all are rendered.
  func emit(_ documents: [ResultDocument], presentation: PresentationOptions, into files: CommandOutput) throws {
    let settings = try presentation.settings(toStandardOutput: out == nil)
    let formats = try formats()
    guard let out else {
      let rendered = try documents.map { try Exporter.resultFile($0, as: formats[0], settings: settings) }
      for data in rendered { try files.write(data, to: nil) }
      return
    }
    try Exporter.stage(documents, formats: formats, in: out, into: files.files, settings: settings)
  }
}
