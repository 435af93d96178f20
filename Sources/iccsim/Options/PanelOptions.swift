import ArgumentParser
import CityModel
import Estimation
import Foundation

extension DataTable.DuplicatePolicy: ExpressibleByArgument {}

/// The panel a command fits or scores (`estimate`, `calibrate`, `backtest`): the file, an
/// optional catalogue→panel mapping, and what to do with a tidy file's repeated figures.
struct PanelOptions: ParsableArguments {
  @Option(help: "The panel: a tidy city file (pivoted) or a wide CSV with one row per observation.")
  var data: String

  @Option(help: "A YAML mapping of catalogue ids to panel columns, where the panel's ids differ.")
  var map: String?

  @Option(help: "How a tidy file's repeated figures with different values are resolved: error, first or mean.")
  var duplicates: DataTable.DuplicatePolicy = .error

  /// The panel as read, before any mapping.
  func read() throws -> DataTable {
    try DataTable.read(path: data, duplicates: duplicates)
  }

  /// `table` with the mapped panel columns of `model`'s indicators under their catalogue ids.
  func mapped(_ table: DataTable, for model: Model) throws -> DataTable {
    guard let map else { return table }
    let mapping = try PanelMapping.load(from: URL(fileURLWithPath: map), catalogue: model.catalogue)
    return try table.mapped(by: mapping, ids: model.indicators.map(\.id).filter { mapping.columns[$0] != nil })
  }
}
