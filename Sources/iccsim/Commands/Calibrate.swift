import ArgumentParser
import CityModel
import Estimation
import Foundation
import Reporting

/// `iccsim calibrate`: fit a model's drifts, elasticities, shocks and stock additions to a panel,
/// keeping the prior (labelled, with the reason) where the data are too thin.
struct Calibrate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calibrate",
    abstract: "Fit a model's parameters to a city panel; write the calibrated model.",
    discussion: """
      For every response: the drift and elasticities (the pooled differenced
      equation, cluster-robust by city), the shock's σ and AR ρ (from the
      residuals). For every stock: the yearly addition rate and its year-to-year
      variation. Each fitted number is written with its standard error as its
      distribution and its basis as a comment; too little data keeps the prior,
      with the reason. See docs/calibration.md.

      The --out file is checked before any work, and written (published) only
      after the report has been printed.

      Exit status: 0 success, 64 bad usage, 65 bad data, 66 unreadable input, 73
      output cannot be created, 74 output write failed.
      """)

  @OptionGroup var panel: PanelOptions

  @OptionGroup var terminal: TerminalWidthOption

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
  }

  @Option(help: "The model file to calibrate.")
  var model: String

  @Option(help: "Use only the panel's years up to and including this one.")
  var until: Int?

  @Option(help: "Fewest observations for a fit (regression rows, or stock additions).")
  var minObs: Int = 20

  @Option(
    help: ArgumentHelp(
      "Years a disruption struck (e.g. 2020): left out of the regular fits and used to fit each response's exposure.",
      valueName: "year,year…"))
  var disruptionYears: String?

  @Option(help: "Write the calibrated model here.")
  var out: String?

  @Flag(help: "Replace an existing --out file.")
  var force = false

  @Option(help: "Report format: table or json.")
  var format: OutputFormat = .table

  func validate() throws {
    guard minObs >= 3 else { throw ValidationError("--min-obs must be at least 3 (got \(minObs))") }
    _ = try parsedDisruptionYears()
  }

  func run() throws {
    try exitingOnError { try calibrate() }
  }

  private func calibrate() throws {
    let output = try CommandOutput([out], force: force)
    try output.complete { output in try calibrate(writingTo: output) }
  }

  private func calibrate(writingTo output: CommandOutput) throws {
    let modelURL = URL(fileURLWithPath: model)
    let loaded = try Model.load(from: modelURL)
    var table = try panel.mapped(try panel.read(), for: loaded)
    if let until { table = try table.rows(until: until) }
    let calibration = try Calibration(
      model: loaded, data: table,
      options: .init(minimumObservations: minObs, disruptionYears: try parsedDisruptionYears()))

    if let out {
      let years = until.map { " (years up to \($0))" } ?? ""
      let header = [
        String(ModelFileEditor.headerMark.dropFirst(2)) + " \(typedCommandLine)",
        "[fitted] numbers are estimates from \(panel.data)\(years) with their standard",
        "errors as distributions; every other number is the model's prior as it was written.",
        "",
      ]
      let text = try ModelFileEditor(url: modelURL).applying(calibration.edits, header: header)
      try output.write(Data(text.utf8), to: out)
    }
    switch format {
    case .table: try writeStandardOutput(CalibrationReport.table(calibration, width: terminal.width()))
    case .json:
      let meta = ["version": Iccsim.configuration.version, "command": typedCommandLine]
      let report = try CalibrationReport.json(calibration, model: model, data: panel.data, until: until, meta: meta)
      try writeStandardOutput(report + "\n")
    }
  }

  private func parsedDisruptionYears() throws -> Set<Int> {
    guard let disruptionYears else { return [] }
    let years = disruptionYears.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !years.isEmpty, years.allSatisfy({ $0 != nil }) else {
      throw ValidationError("--disruption-years takes years separated by commas, not \(disruptionYears)")
    }
    return Set(years.compactMap { $0 })
  }
}
