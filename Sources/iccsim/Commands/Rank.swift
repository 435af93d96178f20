import ArgumentParser
import CityModel
import Foundation
import Reporting
import Simulation

/// `iccsim rank`: how the cities rank on the index (or one indicator), year by year, under
/// uncertainty shared between them.
struct Rank: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rank",
    abstract: "Rank cities on the index or an indicator, year by year, with the rank's uncertainty.",
    discussion: """
      Give one scenario per city. Every city is projected over the same runs, so
      parameters the cities share (by path) take the same value in each run; the
      cities are ranked in every run and year (rank 1 is the highest value, or the
      lowest for an indicator whose `better` is lower; tied cities share the lowest
      rank of their group), and each city's median value, rank P5/P50/P95 and
      probability of ranking first are reported.
      """)

  @Argument(help: "Two or more scenarios, one per city.")
  var scenarios: [String]

  @Option(help: "The output to rank on: index, a dimension, or an indicator id.")
  var indicator = IndexSpecification.outputID

  @OptionGroup var options: SimulationOptions

  @OptionGroup var terminal: TerminalWidthOption

  @Option(help: "Output format: table or json.")
  var format: RankFormat = .table

  @Option(help: "Write the ranking to this file instead of standard output.")
  var out: String?

  @Flag(help: "Replace an existing output file.")
  var force = false

  func validate() throws {
    guard scenarios.count >= 2 else { throw ValidationError("rank needs at least two scenarios, one per city") }
  }

  func run() throws {
    try exitingOnError {
      let loaded = try scenarios.map { try loadScenario($0, options: options) }
      try checkCities(loaded)
      let better = try direction(in: loaded[0])
      let files = try CommandOutput([out], force: force)
      try files.complete { files in
        let ranking = try rankCities(loaded, better: better)
        let text =
          switch format {
          case .table: RankReport.table(ranking, width: terminal.width())
          case .json:
            try RankReport.json(
              ranking, meta: ["version": Iccsim.configuration.version, "command": typedCommandLine])
          }
        try files.write(Data(text.utf8), to: out)
      }
    }
  }

  /// One scenario per city (usage error, exit 64, otherwise).
  private func checkCities(_ loaded: [Scenario]) throws {
    var seen: [String: String] = [:]
    for (scenario, path) in zip(loaded, scenarios) {
      if let other = seen.updateValue(path, forKey: scenario.city) {
        throw ValidationError("\(other) and \(path) are both scenarios of city '\(scenario.city)'; give one per city")
      }
    }
  }

  /// Which way `--indicator` ranks: the catalogue's `better` for an indicator, higher for a
  /// dimension or the index; an id that is none of these is a usage error (exit 64).
  private func direction(in scenario: Scenario) throws -> Direction {
    if indicator == IndexSpecification.outputID || Dimension(rawValue: indicator) != nil { return .higher }
    guard let entry = scenario.model.catalogue[indicator] else {
      throw ValidationError(
        "--indicator '\(indicator)' is not an indicator of the catalogue, a dimension or index "
          + "(see `iccsim indicators`)")
    }
    return entry.better
  }

  /// Compiles the scenarios on the first one's seed and runs, and ranks them with a progress bar.
  private func rankCities(_ loaded: [Scenario], better: Direction) throws -> CityRanking {
    let first = loaded[0]
    let compiled = try loaded.map { scenario -> CompiledScenario in
      var shared = scenario
      shared.seed = first.seed
      return try CompiledScenario(shared)
    }
    for city in compiled where !city.outputs.contains(where: { $0.id == indicator }) {
      throw ValidationError(
        "--indicator '\(indicator)' is not an output of scenario '\(city.id)'; expected one of: "
          + city.outputs.map(\.id).joined(separator: ", "))
    }
    let progress = ProgressBar(total: first.runs, label: "rank")
    let ranking = try MonteCarlo.rank(
      cities: compiled, output: indicator, better: better,
      options: MonteCarloOptions(
        runs: first.runs, threads: options.threads, progress: { progress.update($0) }, sampling: options.sampling))
    try screen(ranking.diagnostics)
    return ranking
  }
}

/// The formats `rank` writes.
enum RankFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
}
