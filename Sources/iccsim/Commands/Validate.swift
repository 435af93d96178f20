import ArgumentParser
import CityModel
import Foundation

/// `iccsim validate FILE…`: check scenario, model, indicators, estimate and city-data files.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check scenario, model, indicator, estimate and city-data files, reporting every problem at once.",
    discussion: """
      Each problem is printed as FILE:LINE:COLUMN: MESSAGE. Exit status 0 when every
      file is valid, 65 when any has a problem, 66 when a file cannot be read.
      """)

  @Argument(help: "Files to check (the kind of each is told from its content).")
  var files: [String]

  @Option(name: .customLong("catalogue"), help: "An indicators file extending the bundled catalogue.")
  var catalogueFile: String?

  func run() throws {
    try exitingOnError {
      var catalogue = IndicatorCatalogue.bundled
      if let catalogueFile { catalogue = try catalogue.extended(with: URL(fileURLWithPath: catalogueFile)) }
      var problems: [InputProblem] = []
      for path in files {
        do {
          let report = try CityModel.validate(file: URL(fileURLWithPath: path), catalogue: catalogue)
          try writeStandardOutput("ok  \(path): \(report.summary)\n")
          for note in report.notes {
            printToStandardError("\(note.location): \(note.isWarning ? "warning" : "note"): \(note.message)")
          }
        } catch let error as InputError {
          problems += error.problems
        }
      }
      if !problems.isEmpty { throw InputError(problems: problems) }
    }
  }
}
