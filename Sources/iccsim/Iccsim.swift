import ArgumentParser
import CityModel
import FileOutput
import Foundation
import Reporting

/// The `iccsim` command: scenario planning for International Consumption Center Cities.
@main
struct Iccsim: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "iccsim",
    abstract: "Project how a city's investments move the ICC evaluation indicators, with Monte Carlo uncertainty.",
    discussion: "Without a subcommand, runs the bundled demo: Shanghai's baseline compared with three plans.",
    version: "0.1.0",
    subcommands: [
      Run.self, Compare.self, Report.self, Export.self, Sensitivity.self, Estimate.self, Calibrate.self,
      BacktestCommand.self, Merge.self, Rank.self, Discover.self, Optimise.self,
      Validate.self, Indicators.self, Init.self, DataCommands.self,
    ])

  static let demoScenarios = [
    "shanghai-baseline.yaml", "shanghai-districts-first.yaml", "shanghai-transport-first.yaml",
    "shanghai-policy-first.yaml",
  ]

  func run() throws {
    try exitingOnError {
      let directory = try Self.bundledScenarios()
      let paths = Self.demoScenarios.map { directory.appendingPathComponent($0).path }
      let options = try SimulationOptions.parse([])
      let presentation = try PresentationOptions.parse([])
      try writeStandardOutput(
        """
        iccsim demo — Shanghai's baseline and three plans, \
        \(Self.demoScenarios.count - 1) comparisons under common random numbers.
        Scenarios: \(directory.path)/shanghai-*.yaml. Most base-year figures there are ILLUSTRATIVE placeholders
        (see scenarios/data/cities.csv); treat the numbers as a demonstration of the method, not a forecast.


        """)
      let loaded = try paths.map { try loadScenario($0, options: options) }
      let baseline = try simulate(loaded[0], options: options)
      let comparison = try compareScenarios(loaded, options: options)
      for document in [ResultDocument.run(baseline), .comparison(comparison)] {
        try StandardOutput.write(
          try Exporter.render(document, as: .text, settings: try presentation.settings(toStandardOutput: true)))
        try writeStandardOutput("\n")
      }
      try writeStandardOutput(
        "Next: `iccsim run SCENARIO --format json`, `iccsim compare BASE ALT…`, "
          + "`iccsim report …`, `iccsim --help`.\n")
    }
  }

  /// The bundled `scenarios/` folder: under the working directory, or beside the checkout the
  /// executable was built in (`.build/<configuration>/iccsim`).
  static func bundledScenarios() throws -> URL {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let candidates = [
      URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("scenarios"),
      executable.deletingLastPathComponent().appendingPathComponent("../../../scenarios").standardized,
      executable.deletingLastPathComponent().appendingPathComponent("../../scenarios").standardized,
    ]
    guard
      let found = candidates.first(where: {
        FileManager.default.fileExists(atPath: $0.appendingPathComponent(demoScenarios[0]).path)
      })
    else {
      throw InputError(problems: [
        InputProblem(
          file: "scenarios/", message: "the bundled demo scenarios were not found; run iccsim from the repository root",
          isUnreadableFile: true)
      ])
    }
    return found
  }
}
