import ArgumentParser
import CityModel
import Foundation
import Reporting
import Simulation

/// `iccsim report`: one self-contained HTML page from scenarios.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Run scenarios and write one self-contained HTML report (tables, fan charts, comparison, manifest).",
    discussion: """
      Runs every scenario; with two or more, the first is the base and the others
      are compared with it run by run under common random numbers. The page needs no
      network and no scripts.
      """)

  @Argument(help: "Scenario files (YAML); the first is the base of the comparison.")
  var scenarios: [String]

  @OptionGroup var options: SimulationOptions

  @OptionGroup var presentation: PresentationOptions

  @Option(help: "The HTML file to write.")
  var out: String

  @Flag(help: "Replace the file if it exists.")
  var force = false

  func run() throws {
    try exitingOnError {
      let files = try CommandOutput([out], force: force)
      try files.complete { files in
        let loaded = try scenarios.map { try loadScenario($0, options: options) }
        let runs = try loaded.map { try simulate($0, options: options) }
        let comparison = loaded.count > 1 ? try compareScenarios(loaded, options: options) : nil
        let page = try HTMLReport.render(
          runs: runs, comparison: comparison, options: try presentation.settings(toStandardOutput: false).options)
        try files.write(Data(page.utf8), to: out)
      }
    }
  }
}
