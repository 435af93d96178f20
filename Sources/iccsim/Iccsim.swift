import ArgumentParser

/// The `iccsim` command: scenario planning for International Consumption Center Cities.
@main
struct Iccsim: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "iccsim",
    abstract: "Project how a city's investments move the ICC evaluation indicators, with Monte Carlo uncertainty.",
    version: "0.1.0",
    subcommands: [Run.self, Compare.self, Validate.self, Indicators.self, Init.self, Estimate.self])
}
