import Foundation

/// Reads a catalogue file: the bundled `indicators.yaml`, or a user's file adding indicators
/// (row 8 of the annex once its wording is confirmed, or a city's own measures).
///
/// ```yaml
/// indicators:
///   - id: night_economy_sales
///     row: 8                      # optional: the annex row it fills
///     name: {zh: 夜间消费额, en: Night-time consumption}
///     dimension: prosperity
///     unit: 亿元
///     scale: log                  # log | logit | count
///     kind: response              # stock | response: its default role
///     better: higher              # higher | lower
/// ```
enum IndicatorFile {
  static let topKeys = ["indicators", "description"]
  static let entryKeys = ["id", "row", "name", "dimension", "unit", "scale", "kind", "better"]

  /// Ids that name outputs beside the catalogue's indicators (docs/model.md, "Indicators and the
  /// evaluation system").
  static let reservedIds: Set<String> = Set(["index"] + Dimension.allCases.map(\.rawValue))

  /// The indicators of `tree`, checked against those already in `existing`.
  static func read(_ tree: YAMLTree, existing: [Indicator], diagnostics: Diagnostics) -> [Indicator] {
    guard let top = MappingReader(tree, what: "an indicators file", allowedKeys: topKeys, diagnostics: diagnostics),
      let listTree = top.required("indicators"),
      let items = diagnostics.list(listTree, what: "indicators")
    else { return [] }
    var ids = Dictionary(existing.map { ($0.id, SourceLocation?.none) }, uniquingKeysWith: { a, _ in a })
    var rows = Set(existing.compactMap(\.row))
    var indicators: [Indicator] = []
    for item in items {
      guard let entry = MappingReader(item, what: "an indicator", allowedKeys: entryKeys, diagnostics: diagnostics)
      else { continue }
      let id = entry.required("id").flatMap { identifier($0, diagnostics: diagnostics) }
      if let id, let idTree = entry["id"] {
        if reservedIds.contains(id) {
          diagnostics.error(
            "'\(id)' is reserved for an output (index and dimension ids); choose another id", at: idTree.location)
        } else if let previous = ids[id] {
          let place = previous.flatMap(\.line).map { " (first at line \($0))" } ?? " (in the bundled catalogue)"
          diagnostics.error("indicator '\(id)' is already in the catalogue\(place)", at: idTree.location)
        }
        ids[id] = idTree.location
      }
      var row: Int?
      if let rowTree = entry["row"], let value = diagnostics.integer(rowTree, what: "an annex row (1…25)") {
        if !(1...25).contains(value) {
          diagnostics.error("row must be an annex row in 1…25 (got \(value))", at: rowTree.location)
        } else if rows.contains(value) {
          diagnostics.error("annex row \(value) is already taken by another indicator", at: rowTree.location)
        } else {
          rows.insert(value)
          row = value
        }
      }
      let name = entry.required("name").flatMap { diagnostics.localizedText($0, what: "a name") }
      let dimension = entry.required("dimension").flatMap { choice($0, Dimension.self, diagnostics: diagnostics) }
      let unit = entry.required("unit").flatMap { diagnostics.text($0, what: "a unit") }
      let scale = entry.required("scale").flatMap { choice($0, IndicatorScale.self, diagnostics: diagnostics) }
      let role = entry.required("kind").flatMap { choice($0, IndicatorRole.self, diagnostics: diagnostics) }
      let better = entry["better"].map { choice($0, Direction.self, diagnostics: diagnostics) } ?? .higher
      if scale == .logit && role == .stock, let kind = entry["kind"] {
        diagnostics.error("a 0–100 score (scale logit) cannot be a stock; use kind: response", at: kind.location)
      }
      if let id, let name, let dimension, let unit, let scale, let role, let better {
        indicators.append(
          Indicator(
            id: id, row: row, name: name, dimension: dimension, unit: unit,
            scale: scale, defaultRole: role, better: better))
      }
    }
    return indicators
  }

  /// An id: lower-case letters, digits and `_`, starting with a letter.
  static func identifier(_ tree: YAMLTree, diagnostics: Diagnostics) -> String? {
    guard let text = diagnostics.text(tree, what: "an id") else { return nil }
    let valid =
      text.first.map { $0.isASCII && $0.isLowercase } == true
      && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
    guard valid else {
      diagnostics.error(
        "'\(text)' is not a valid id: use lower-case letters, digits and _, starting with a letter", at: tree.location)
      return nil
    }
    return text
  }

  /// One of an enumeration's raw values.
  static func choice<T: RawRepresentable & CaseIterable>(
    _ tree: YAMLTree, _ type: T.Type, diagnostics: Diagnostics
  ) -> T?
  where T.RawValue == String {
    guard let text = diagnostics.text(tree) else { return nil }
    if let value = T(rawValue: text) { return value }
    let options = T.allCases.map(\.rawValue)
    let hint = closestMatch(to: text, among: options).map { "; did you mean '\($0)'?" } ?? ""
    diagnostics.error("'\(text)' is not one of \(options.joined(separator: ", "))\(hint)", at: tree.location)
    return nil
  }
}
