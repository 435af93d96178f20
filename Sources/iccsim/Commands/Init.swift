import ArgumentParser
import CityModel
import Foundation
import Reporting

/// `iccsim init --city NAME [--dir D]`: a baseline scenario for a city that validates as it stands.
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Start a city's baseline scenario: the scenario, its model and its base-year values.",
    discussion:
      "With --dir, writes into D the scenario (CITY-baseline.yaml), a copy of the shipped model and the "
      + "base-year values (CITY-YEAR.csv: the shipped figures for a pilot city, TEMPLATE placeholders "
      + "otherwise), all or none; existing files are kept unless --force. Without --dir, prints the scenario "
      + "with the shipped model's absolute path and the values inline. The baseline holds the trend only: "
      + "plans go in files that extend it.")

  @Option(
    help: ArgumentHelp(
      "City id: lower-case letters, digits, - or _ (the pilot cities: shanghai, beijing, guangzhou, tianjin, "
        + "chongqing).")
  )
  var city: String

  @Option(help: "Base year: the year whose values the baseline table gives.")
  var baseYear: Int = 2023

  @Option(help: ArgumentHelp("Folder to write the three files into (created when missing).", valueName: "D"))
  var dir: String?

  @Flag(help: "Replace files that already exist in the folder.")
  var force = false

  func validate() throws {
    let valid =
      city.first.map { $0.isASCII && $0.isLowercase } == true
      && city.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" }
    guard valid else {
      throw ValidationError(
        "--city must be an id of lower-case letters, digits, - or _ starting with a letter (got '\(city)')")
    }
    guard (1900...2200).contains(baseYear) else {
      throw ValidationError("--base-year must be a calendar year (got \(baseYear))")
    }
  }

  func run() throws {
    try exitingOnError {
      let shipped = try Iccsim.bundledScenarios()
      let modelFile = shipped.appendingPathComponent("models/icc-default.yaml")
      let starter = StarterFiles(
        city: city, baseYear: baseYear, model: try Model.load(from: modelFile), modelFile: modelFile,
        shippedData: try CityData.load(from: shipped.appendingPathComponent("data/cities.csv")))
      guard let dir else {
        try writeStandardOutput(starter.scenario(modelPath: modelFile.standardizedFileURL.path, dataPath: nil))
        return
      }
      try write(starter, into: dir)
    }
  }

  /// Writes the scenario, the model and the values into `folder`, all or none.
  private func write(_ starter: StarterFiles, into folder: String) throws {
    func path(_ name: String) -> String { folder.hasSuffix("/") ? folder + name : folder + "/" + name }
    let contents: [(path: String, data: Data)] = [
      (
        path(starter.scenarioFileName),
        Data(starter.scenario(modelPath: starter.modelFileName, dataPath: starter.dataFileName).utf8)
      ),
      (path(starter.modelFileName), try readInput(starter.modelFile.path)),
      (path(starter.dataFileName), Data(starter.dataTable.utf8)),
    ]
    let output = try CommandOutput(contents.map(\.path), force: force, creating: folder)
    try output.complete { output in
      for file in contents { try output.write(file.data, to: file.path) }
    }
    var message = contents.map { "wrote \($0.path)\n" }.joined()
    if !starter.isShipped {
      message += "Replace the TEMPLATE values in \(path(starter.dataFileName)) with \(city)'s \(baseYear) figures.\n"
    }
    message += "Next: iccsim validate \(path(starter.scenarioFileName))"
    printToStandardError(message)
  }
}
