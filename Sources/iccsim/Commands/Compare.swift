import ArgumentParser
import CityModel
import Foundation
import Reporting
import Simulation

/// `iccsim compare`: paired differences between plans under common random numbers.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare alternative plans with a base plan, run by run under common random numbers.",
    discussion: """
      Every alternative is projected over the same runs as the base, so uncertain
      quantities the plans share take the same values in both; the difference
      alternative − base is then summarised per indicator and year, with the
      probability that the alternative is better (higher, or lower for a rank).
      """)

  @Argument(help: "The base scenario, then one or more alternatives.")
  var scenarios: [String]

  @OptionGroup var options: SimulationOptions

  @OptionGroup var output: ResultOutputOptions

  @OptionGroup var presentation: PresentationOptions

  func validate() throws {
    guard scenarios.count >= 2 else {
      throw ValidationError("compare needs a base scenario and at least one alternative")
    }
  }

  func run() throws {
    try exitingOnError {
      let loaded = try scenarios.map { try loadScenario($0, options: options) }
      let files = try output.files(stems: [ResultDocument.comparisonStem(base: loaded[0].id)])
      try files.complete { files in
        let result = try compareScenarios(loaded, options: options)
        // `report` runs each scenario on its own too, and warns there; `compare` warns here.
        for scenario in result.goalpostCrossings ?? [] {
          warnOfGoalpostCrossings(scenario.crossings, scenario: scenario.scenario)
        }
        try output.emit([.comparison(result)], presentation: presentation, into: files)
      }
    }
  }
}
