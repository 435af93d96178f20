import ArgumentParser
import CityModel
import Foundation

/// `iccsim data coverage PANEL`: per city and series, the years covered, the rows, the rows a fit
/// uses and the kinds of source, as Markdown.
struct DataCoverage: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage",
    abstract: "Summarise a tidy city panel: years, rows, fitted rows and source kinds per city and series.",
    discussion: """
      A row is fitted when its `use` column reads `fit` (every row, when the table
      has no `use` column). Source kinds are judged from each source's web address:
      official, nbs, media, secondary, spammy-copy, or unclassified.
      """)

  @Argument(help: "A tidy city table (city, indicator, year, value, unit, source; a use column optional).")
  var panel: String

  @Option(help: "Write the summary to this file instead of standard output.")
  var out: String?

  @Flag(help: "Replace an existing --out file.")
  var force = false

  func run() throws {
    try exitingOnError {
      let files = try CommandOutput([out], force: force)
      let data = try CityData.load(from: URL(fileURLWithPath: panel))
      try files.complete { try $0.write(Data(PanelCoverage(data).markdown().utf8), to: out) }
    }
  }
}
