import Analysis
import ArgumentParser
import CityModel
import FileOutput
import Foundation
import Reporting
import Simulation

extension SensitivityMethod: ExpressibleByArgument {}
extension DesignSampler.NoisePolicy: ExpressibleByArgument {}

/// `iccsim sensitivity`: which uncertain quantities drive an output.
struct Sensitivity: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sensitivity",
    abstract: "Find which uncertain quantities drive an output: tornado, SRC/PRCC or Sobol indices.",
    discussion: """
      Inputs are the scenario's quantities that have a distribution (drifts,
      elasticities, policy effects, stock additions, delays, costs, shock and
      disruption parameters, index weights), named by their stable paths. Yearly
      shocks and disruptions are not inputs: every run sees one common realisation
      of them (--noise common) or none (--noise zero), so an output is a function of
      the inputs alone.
        tornado  each input at its P5 and P95, the others at their medians (2d + 1
                 runs)
        src      standardised regression and partial rank correlation coefficients
                 with R² from a sample of --samples runs (default 4096)
        sobol    first- and total-order indices with 95% intervals from --samples
                 base samples (default 1024; N(d + 2) runs): scrambled Sobol points
                 in 8 independent scramblings of N/8 points, the interval from the
                 spread of their 8 estimates (bootstrap intervals when the points are
                 random: more than 32 inputs, or N < 16); --groups apportions the
                 variance between model and index-method uncertainty instead
      """)

  @Argument(help: "The scenario file (YAML).")
  var scenario: String

  @OptionGroup var terminal: TerminalWidthOption

  @Option(help: "Method: tornado, src or sobol.")
  var method: SensitivityMethod

  @Option(help: "Output id: an indicator, a dimension, index, or cost.")
  var output = "index"

  @Option(help: "Year of the output (default: the scenario's last year).")
  var year: Int?

  @Flag(help: "Analyse every projected year, base year excluded.")
  var allYears = false

  @Option(help: "Sobol: base samples (default 1024). src: runs (default 4096).")
  var samples: Int?

  @Flag(help: "Sobol: indices of the groups model and index_method instead of each input.")
  var groups = false

  @Option(help: "Yearly shocks and disruptions: common (one shared path) or zero (switched off).")
  var noise: DesignSampler.NoisePolicy = .common

  @Option(
    help: """
      Seed of the design, its scramblings, the bootstrap and the common shock path \
      (default: the scenario's `seed`).
      """)
  var seed: UInt64?

  @OptionGroup var threading: ThreadsOption
  var threads: Int { threading.threads }

  @Option(help: "Output format: table, json, csv, html (a page with a chart per output) or svg (the charts).")
  var format: SensitivityFormat = .table

  @Option(help: "Language of the table (title, headers, notes, input names) and of the JSON's `label`: en or zh.")
  var lang: Language = .en

  @Option(
    help: ArgumentHelp(
      "Sobol: evaluate only shard K of N of the design (by base samples) and write it (JSON) to --out or "
        + "standard output.")
  )
  var shard: Shard?

  @Option(help: "With --shard: the file to write; with --format svg: the folder for the charts.")
  var out: String?

  @Flag(help: "With --format svg: replace existing chart files.")
  var force = false

  @Option(
    parsing: .upToNextOption,
    help: "Sobol: analyse the design from its shards (files written by --shard), instead of running it.")
  var merge: [String] = []

  func validate() throws {
    if year != nil && allYears { throw ValidationError("give either --year or --all-years, not both") }
    if groups && method != .sobol { throw ValidationError("--groups applies to --method sobol only") }
    if let samples {
      switch method {
      case .tornado: throw ValidationError("--samples does not apply to the tornado, which always takes 2d + 1 runs")
      case .src, .sobol:
        guard (2...10_000_000).contains(samples) else {
          throw ValidationError("--samples must be between 2 and 10000000 (got \(samples))")
        }
      }
    }
    if (shard != nil || !merge.isEmpty) && method != .sobol {
      throw ValidationError("--shard and --merge split Sobol designs: use them with --method sobol")
    }
    if shard != nil && !merge.isEmpty { throw ValidationError("give either --shard or --merge, not both") }
    if out != nil && shard == nil && format != .svg {
      throw ValidationError("--out names the shard file (with --shard) or the charts' folder (with --format svg)")
    }
    if format == .svg && (out == nil || method == .src || shard != nil) {
      throw ValidationError("--format svg writes the tornado or Sobol charts of a whole analysis into --out DIR")
    }
  }

  func run() throws {
    try exitingOnError {
      var loaded = try Scenario.load(from: URL(fileURLWithPath: scenario), catalogue: .bundled)
      if let seed { loaded.seed = seed }
      let compiled = try CompiledScenario(loaded)
      let analysis = ScenarioAnalysis(
        method: method, outputs: try outputs(of: compiled),
        samples: samples ?? (method == .sobol ? 1024 : 4096), grouped: groups, seed: loaded.seed,
        noise: noise, threads: threads)
      let inputs = ManifestBuilder.inputs(of: [loaded])
      if let shard {
        let files = try CommandOutput([out], force: false)
        try files.complete { files in
          let (part, diagnostics) = try SensitivityShard.evaluate(shard, of: analysis, on: compiled, inputs: inputs)
          for diagnostic in diagnostics { printToStandardError("iccsim: warning: \(diagnostic.message)") }
          try files.write(try part.encoded(), to: out)
        }
        return
      }
      let report: ScenarioAnalysis.Report
      if merge.isEmpty {
        report = try analysis.run(on: compiled)
      } else {
        let parts = try merge.map { path in
          (name: path, part: try SensitivityShard.decode(readInput(path), file: path))
        }
        let values = try SensitivityShard.values(
          merging: parts, for: analysis, on: compiled, inputs: inputs, scenarioFile: scenario)
        report = try analysis.analyseSobol(values: values, on: compiled)
      }
      for diagnostic in report.diagnostics {
        printToStandardError("iccsim: warning: \(diagnostic.message)")
      }
      let summary = SensitivitySummary(scenario: compiled, analysis: analysis, report: report, language: lang)
      switch format {
      case .table: try writeStandardOutput(summary.table(width: terminal.width()))
      case .json: try StandardOutput.write(try summary.json())
      case .html: try writeStandardOutput(summary.html())
      case .svg: try writeCharts(summary.charts(), into: out ?? ".", force: force)
      case .csv: try writeStandardOutput(summary.csv())
      }
      // Formats with no place for the warnings give them on standard error.
      if format == .csv || format == .svg {
        for warning in report.result.warnings { printToStandardError("iccsim: warning: \(warning.message)") }
      }
    }
  }

  /// The output columns asked for, checked against the scenario (usage errors, exit 64, that
  /// name what is valid).
  private func outputs(of compiled: CompiledScenario) throws -> [SensitivityOutput] {
    let known = compiled.evaluableOutputs
    guard known.contains(output) else {
      throw SensitivityError.invalidOption(
        "'\(output)' is not an output of scenario '\(compiled.id)'; expected one of: \(known.joined(separator: ", "))")
    }
    let first = compiled.baseYear, last = compiled.baseYear + compiled.horizon
    if allYears { return ((first + 1)...last).map { SensitivityOutput(id: output, year: $0) } }
    let chosen = year ?? last
    guard (first...last).contains(chosen) else {
      throw SensitivityError.invalidOption("--year \(chosen) is outside the scenario's years \(first)…\(last)")
    }
    return [SensitivityOutput(id: output, year: chosen)]
  }
}

/// The formats `sensitivity` writes.
enum SensitivityFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv, html, svg
}
