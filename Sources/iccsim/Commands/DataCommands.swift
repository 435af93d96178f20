import ArgumentParser

/// `iccsim data`: commands about the city data tables.
struct DataCommands: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data", abstract: "Work with city data tables.", subcommands: [DataCoverage.self])
}
