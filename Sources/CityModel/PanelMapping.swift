import Foundation

/// Which column of a panel holds which catalogue indicator, when the panel's ids are not the
/// catalogue's (`inbound_overnight_tourists` for `inbound_tourists`, `gdp` standing in for
/// `services_value_added`). A mapping file is a YAML mapping `catalogue_id: panel_column`:
///
/// ```yaml
/// inbound_tourists: inbound_overnight_tourists
/// retail_sales: retail_sales          # the same id may be stated for the record
/// ```
public struct PanelMapping: Sendable, Equatable {
  /// Catalogue id → panel column.
  public let columns: [String: String]
  /// The file it was read from, for messages.
  public let file: String?

  public init(columns: [String: String], file: String? = nil) {
    self.columns = columns
    self.file = file
  }

  /// No mapping: every catalogue id is its own panel column.
  public static let identity = PanelMapping(columns: [:])

  /// Reads a mapping file; every key must be a catalogue id and every value a column name.
  /// Throws `InputError` with every problem located (`file:line:column`).
  public static func load(from url: URL, catalogue: IndicatorCatalogue = .bundled) throws -> PanelMapping {
    let diagnostics = Diagnostics()
    let file = SourceFile(url: url)
    var columns: [String: String] = [:]
    if let tree = YAMLTree.load(file, diagnostics: diagnostics) {
      if case .mapping(let mapping) = tree {
        for entry in mapping.entries {
          let id = entry.key.text
          guard catalogue[id] != nil else {
            diagnostics.error(
              "unknown indicator '\(excerpt(id))'\(didYouMean(id, among: catalogue.ids)) (a mapping's keys are "
                + "catalogue ids)",
              at: entry.key.location)
            continue
          }
          if let column = diagnostics.text(entry.value, what: "a panel column name") { columns[id] = column }
        }
      } else {
        diagnostics.error(
          "expected a mapping of catalogue ids to panel columns, found \(tree.kindDescription)", at: tree.location)
      }
    }
    try diagnostics.throwIfProblems()
    return PanelMapping(columns: columns, file: file.displayPath)
  }

  /// The panel column that holds `id`.
  public func column(for id: String) -> String { columns[id] ?? id }
}
