import Analysis
import ArgumentParser
import CityModel
import Foundation
import Reporting
import Simulation

extension ScenarioDiscovery.Outcome: ExpressibleByArgument {}

/// `iccsim discover`: the ranges of the uncertain quantities under which a target is missed.
struct Discover: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "discover",
    abstract: "Find the conditions under which a target is missed (or met): PRIM over the uncertain quantities.",
    discussion: """
      Every run draws the scenario's uncertain quantities as `run` does (same seed,
      same draws) and is projected on one common path of yearly shocks and
      disruptions, so whether the target is met depends on the quantities alone.
      PRIM (patient rule induction) then peels the box of all runs, alpha of its
      runs at a time from the lower or upper side of one quantity, keeping the peel
      that most raises the share of runs of interest, down to the minimum mass, and
      pastes back while that raises the share. The chosen box is the one of largest
      coverage whose density is at least 90% of the trajectory's highest.
      """)

  @Argument(help: "The scenario file (YAML).")
  var scenario: String

  @OptionGroup var terminal: TerminalWidthOption

  @Option(help: "The target, as OUTPUT:YEAR, one of the scenario's `targets:`.")
  var target: String

  @Option(help: "The runs of interest: those where the target is missed or met.")
  var when: ScenarioDiscovery.Outcome = .missed

  @Option(help: "Share of the box's runs removed by each peel (0 < alpha < 0.5).")
  var alpha = 0.05

  @Option(help: "Peeling stops before the box would hold less than this share of the runs.")
  var minimumMass = 0.05

  @Option(help: "Number of runs.")
  var runs = 5000

  @Option(help: "Seed of the draws (default: the scenario's `seed`).")
  var seed: UInt64?

  @OptionGroup var threading: ThreadsOption
  var threads: Int { threading.threads }

  @Option(help: "Output format: table, json or html.")
  var format: DiscoveryFormat = .table

  @Option(help: "Write the report to this file instead of standard output.")
  var out: String?

  @Flag(help: "Overwrite --out if it exists.")
  var force = false

  func validate() throws {
    guard alpha > 0 && alpha < 0.5 else { throw ValidationError("--alpha must be between 0 and 0.5 (got \(alpha))") }
    guard minimumMass > 0 && minimumMass < 1 else {
      throw ValidationError("--minimum-mass must be between 0 and 1 (got \(minimumMass))")
    }
    guard (20...10_000_000).contains(runs) else {
      throw ValidationError("--runs must be between 20 and 10000000 (got \(runs))")
    }
    guard parsedTarget != nil else {
      throw ValidationError("--target must be OUTPUT:YEAR, e.g. index:2035 (got '\(target)')")
    }
  }

  private var parsedTarget: (output: String, year: Int)? {
    guard let colon = target.lastIndex(of: ":"), let year = Int(target[target.index(after: colon)...]) else {
      return nil
    }
    let output = String(target[..<colon])
    return output.isEmpty ? nil : (output, year)
  }

  func run() throws {
    try exitingOnError {
      guard let parsedTarget else { throw ValidationError("--target must be OUTPUT:YEAR") }
      var loaded = try Scenario.load(from: URL(fileURLWithPath: scenario), catalogue: .bundled)
      if let seed { loaded.seed = seed }
      let compiled = try CompiledScenario(loaded)
      let discovery = ScenarioDiscovery(
        target: parsedTarget.output, year: parsedTarget.year, outcome: when, runs: runs,
        prim: PRIM(alpha: alpha, minimumMass: minimumMass), threads: threads)
      _ = try discovery.scenarioTarget(in: compiled)
      let files = try CommandOutput([out], force: force)
      try files.complete { files in
        let report = try discovery.run(on: compiled)
        for diagnostic in report.diagnostics where diagnostic.isError {
          printToStandardError("iccsim: warning: \(diagnostic.message)")
        }
        let rendered = DiscoveryReport(scenario: compiled, discovery: discovery, report: report)
        let data: Data
        switch format {
        case .table: data = Data(rendered.table(width: out == nil ? terminal.width() : nil).utf8)
        case .json: data = try rendered.json()
        case .html: data = Data(rendered.html().utf8)
        }
        try files.write(data, to: out)
      }
    }
  }
}

/// The formats `discover` writes.
enum DiscoveryFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, html
}
