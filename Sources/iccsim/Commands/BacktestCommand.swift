import Analysis
import ArgumentParser
import CityModel
import Estimation
import Foundation
import Reporting

/// `iccsim backtest`: project each city of a panel from past origins and score the fans
/// against what was observed later.
struct BacktestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backtest",
    abstract: "Score a model's projections from past origins against what was observed later.",
    discussion: """
      Each city of the panel is projected from each origin year's observed values and
      scored at each horizon: coverage of the P25–P75 and P5–P95 intervals (with
      Wilson intervals), CRPS, the P50's error, and skill against no-change and own-
      drift forecasts. --conditional imposes the observed stock paths; --recalibrate
      fits the model on the years up to each origin only. See docs/calibration.md.

      Exit status: 0 success, 64 bad usage, 65 bad data, 66 unreadable input, 73
      unwritable output.
      """)

  @OptionGroup var panel: PanelOptions

  @OptionGroup var terminal: TerminalWidthOption

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, html
  }

  @Option(help: "The model file to test.")
  var model: String

  @Option(help: ArgumentHelp("Origin years, e.g. 2015-2019.", valueName: "first-last"))
  var origins: String

  @Option(help: ArgumentHelp("Horizons in years, e.g. 1-5.", valueName: "first-last"))
  var horizons: String = "1-5"

  @Flag(help: "Impose the observed stock paths, testing the response equations alone.")
  var conditional = false

  @Flag(help: "Fit the model on the panel's years up to each origin (out of sample).")
  var recalibrate = false

  @Option(help: "Monte Carlo runs per projection.")
  var runs: Int = 2_000

  @Option(help: "Random seed.")
  var seed: UInt64 = 1

  @OptionGroup var threading: ThreadsOption
  var threads: Int { threading.threads }

  @Option(help: "Fewest observations for a fit, with --recalibrate.")
  var minObs: Int = 20

  @Option(help: "Output format: table, json or html.")
  var format: OutputFormat = .table

  @Option(help: "Write the output to this file instead of standard output.")
  var out: String?

  @Flag(help: "Replace an existing --out file.")
  var force = false

  static func range(_ text: String, _ option: String) throws -> ClosedRange<Int> {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    switch parts.count {
    case 1: if let single = parts[0] { return single...single }
    case 2: if let first = parts[0], let last = parts[1], first <= last { return first...last }
    default: break
    }
    throw ValidationError("\(option) takes a year or an increasing range first-last, not \(text)")
  }

  func validate() throws {
    _ = try Self.range(origins, "--origins")
    let horizons = try Self.range(horizons, "--horizons")
    guard horizons.lowerBound >= 1, horizons.upperBound <= 30 else {
      throw ValidationError("--horizons must lie in 1…30")
    }
    guard (1...1_000_000).contains(runs) else { throw ValidationError("--runs must lie in 1…1000000 (got \(runs))") }
  }

  func run() throws {
    try exitingOnError { try backtest() }
  }

  private func backtest() throws {
    let output = try CommandOutput([out], force: force)
    try output.complete { output in try backtest(writingTo: output) }
  }

  private func backtest(writingTo output: CommandOutput) throws {
    let loaded = try Model.load(from: URL(fileURLWithPath: model))
    let table = try panel.mapped(try panel.read(), for: loaded)
    let options = Backtest.Options(
      origins: try Self.range(origins, "--origins"), horizons: try Self.range(horizons, "--horizons"), runs: runs,
      seed: seed, conditional: conditional, recalibrate: recalibrate, minimumObservations: minObs, threads: threads)
    let result = try Backtest(model: loaded, data: table, options: options)
    let header = BacktestReport.Header(
      model: model, data: panel.data, conditional: conditional, recalibrated: recalibrate, runs: runs)
    let text: String =
      switch format {
      case .table: BacktestReport.table(result, header: header, width: out == nil ? terminal.width() : nil)
      case .json:
        try BacktestReport.json(
          result, header: header,
          meta: ["version": Iccsim.configuration.version, "command": typedCommandLine])
          + "\n"
      case .html: BacktestReport.html(result, header: header)
      }
    try output.write(Data(text.utf8), to: out)
  }
}
