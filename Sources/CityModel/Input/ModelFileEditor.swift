import Foundation

/// Rewrites values in a model file's text, leaving every other line — comments, order, layout —
/// as the author wrote it. Used to write a calibrated model: each fitted entry becomes one line
/// in flow style with its basis as a trailing comment.
public struct ModelFileEditor {
  /// One change to an indicator's equation.
  public enum Edit: Sendable {
    /// Sets `key` of the indicator's mapping (`drift`, `shock`, `annual_addition`, `yearly`, …)
    /// to `value` (YAML flow text), adding the key when the indicator lacks it.
    case entry(indicator: String, key: String, value: String, comment: String)
    /// Sets the elasticity of the driver edge (from, lag) of a response.
    case elasticity(indicator: String, from: String, lag: Int, value: String, comment: String)
  }

  /// How the first line of a header written by `applying(_:header:)` begins.
  public static let headerMark = "# Calibrated by:"

  private var lines: [String]
  private let tree: YAMLMapping
  private let file: SourceFile

  /// Reads the model file at `url` (which must parse as YAML with an `indicators` mapping).
  public init(url: URL) throws {
    let diagnostics = Diagnostics()
    file = SourceFile(url: url)
    let parsed = YAMLTree.load(file, diagnostics: diagnostics)
    try diagnostics.throwIfProblems()
    guard case .mapping(let top)? = parsed, case .mapping? = top["indicators"] else {
      throw InputError(problems: [
        InputProblem(file: file.displayPath, message: "expected a model file with an indicators mapping")
      ])
    }
    tree = top
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    lines = text.components(separatedBy: "\n")
  }

  /// The file's text with `edits` applied and `header` (comment lines, without `#`) prepended.
  /// Edits are applied bottom-up so that earlier line numbers stay valid.
  public func applying(_ edits: [Edit], header: [String]) throws -> String {
    var lines = self.lines
    var replacements: [(first: Int, last: Int, text: [String])] = []
    guard case .mapping(let indicators)? = tree["indicators"] else { return lines.joined(separator: "\n") }
    for edit in edits {
      switch edit {
      case let .entry(id, key, value, comment):
        guard let body = Self.blockMapping(indicators, id) else {
          throw problem("\(id) is not written as a block mapping; cannot set \(key)")
        }
        if let existing = body.entries.first(where: { $0.key.text == key }) {
          let line = (existing.key.location.line ?? 1) - 1
          let indent = (existing.key.location.column ?? 1) - 1
          replacements.append(
            (line, lastLine(of: line, indent: indent), [pad(indent) + "\(key): \(value)  # \(comment)"]))
        } else if let first = body.entries.first {
          let line = (first.key.location.line ?? 1) - 1
          let indent = (first.key.location.column ?? 1) - 1
          replacements.append((line, line - 1, [pad(indent) + "\(key): \(value)  # \(comment)"]))
        } else {
          throw problem("\(id) has an empty equation; cannot set \(key)")
        }
      case let .elasticity(id, from, lag, value, comment):
        guard let body = Self.blockMapping(indicators, id), case .sequence(let drivers)? = body["drivers"],
          let item = drivers.items.first(where: { Self.isEdge($0, from: from, lag: lag) })
        else { throw problem("\(id) has no driver edge from \(from) at lag \(lag) to set") }
        let line = (item.location.line ?? 1) - 1
        let column = (item.location.column ?? 1) - 1
        // The item's dash stands before its content; a flow item's mark is the brace.
        let dash =
          lines[line].prefix(column).lastIndex(of: "-").map {
            lines[line].distance(from: lines[line].startIndex, to: $0)
          } ?? column
        let lagText = lag == 0 ? "" : ", lag: \(lag)"
        replacements.append(
          (
            line, lastLine(of: line, indent: dash),
            [pad(dash) + "- {from: \(from), elasticity: \(value)\(lagText)}  # \(comment)"]
          ))
      }
    }
    for replacement in replacements.sorted(by: { $0.first > $1.first }) {
      // last = first − 1 marks an insertion before `first`.
      lines.replaceSubrange(replacement.first..<(replacement.last + 1), with: replacement.text)
    }
    // A previous calibration's header is replaced, not stacked.
    if lines.first?.hasPrefix(Self.headerMark) == true, let end = lines.firstIndex(of: "#") {
      lines.removeSubrange(0...end)
    }
    return (header.map { $0.isEmpty ? "#" : "# " + $0 } + lines).joined(separator: "\n")
  }

  /// The last line of the entry starting on line `first` (0-based) at indentation `indent`: the
  /// last content line before the next line indented no deeper (comments and blank lines that
  /// follow belong to what comes next).
  private func lastLine(of first: Int, indent: Int) -> Int {
    var last = first
    var line = first + 1
    while line < lines.count {
      let text = lines[line]
      let trimmed = text.drop { $0 == " " }
      if trimmed.isEmpty || trimmed.hasPrefix("#") {
        line += 1
        continue
      }
      if text.count - trimmed.count <= indent { break }
      last = line
      line += 1
    }
    return last
  }

  private func pad(_ n: Int) -> String { String(repeating: " ", count: n) }

  private func problem(_ message: String) -> InputError {
    InputError(problems: [InputProblem(file: file.displayPath, message: message)])
  }

  private static func blockMapping(_ indicators: YAMLMapping, _ id: String) -> YAMLMapping? {
    guard case .mapping(let body)? = indicators[id] else { return nil }
    return body
  }

  private static func isEdge(_ item: YAMLTree, from: String, lag: Int) -> Bool {
    guard case .mapping(let edge) = item, case .scalar(let source)? = edge["from"], source.text == from else {
      return false
    }
    if case .scalar(let written)? = edge["lag"] { return Int(written.text) == lag }
    return lag == 0
  }
}
