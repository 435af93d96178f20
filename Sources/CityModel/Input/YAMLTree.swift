import Foundation
import Yams

/// A YAML document as iccsim reads it: every node keeps the file and place it came from, and no
/// scalar has a type until a reader asks for one. That is how `no`, `on` and `yes` stay text
/// where text is meant (YAML 1.1 would make them booleans), and how values merged from several
/// files by `extends` still point at the file that wrote them.
indirect enum YAMLTree {
  case scalar(YAMLScalar)
  case mapping(YAMLMapping)
  case sequence(YAMLSequence)

  var location: SourceLocation {
    switch self {
    case .scalar(let scalar): scalar.location
    case .mapping(let mapping): mapping.location
    case .sequence(let sequence): sequence.location
    }
  }

  /// How a message names what was found instead of what was expected.
  var kindDescription: String {
    switch self {
    case .scalar(let scalar): scalar.isNull ? "nothing" : "'\(excerpt(scalar.text))'"
    case .mapping: "a mapping"
    case .sequence: "a list"
    }
  }
}

struct YAMLScalar {
  var text: String
  /// Written without quotes: only plain scalars are read as numbers, booleans or null.
  var isPlain: Bool
  var location: SourceLocation

  var isNull: Bool { isPlain && ["", "~", "null", "Null", "NULL"].contains(text) }
}

struct YAMLMapping {
  struct Entry {
    var key: YAMLScalar
    var value: YAMLTree
  }

  var entries: [Entry]
  var location: SourceLocation

  subscript(key: String) -> YAMLTree? {
    entries.first { $0.key.text == key }?.value
  }
}

struct YAMLSequence {
  var items: [YAMLTree]
  var location: SourceLocation
}

extension YAMLTree {
  /// Reads and parses a file, recording a problem and returning nil when it cannot.
  /// When another file names this one, `reference` is where: an unreadable file is reported there.
  static func load(
    _ file: SourceFile, referencedAt reference: SourceLocation? = nil, diagnostics: Diagnostics
  ) -> YAMLTree? {
    guard let data = diagnostics.read(file, limit: InputLimits.yamlBytes, referencedAt: reference) else { return nil }
    guard var text = String(data: data, encoding: .utf8) else {
      diagnostics.unreadable(file, reason: "not UTF-8 text", referencedAt: reference)
      return nil
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    return parse(text, file: file, diagnostics: diagnostics)
  }

  /// Parses YAML text; a syntax error is recorded at the place the parser stopped.
  static func parse(_ text: String, file: SourceFile, diagnostics: Diagnostics) -> YAMLTree? {
    if let excess = YAMLShape.firstExcess(in: text) {
      diagnostics.error(excess.message, at: SourceLocation(file: file, line: excess.line, column: excess.column))
      return nil
    }
    let node: Node?
    do {
      // Untyped composition: no scalar is matched against the YAML 1.1 patterns of numbers,
      // booleans and dates (regular expressions, a fifth of reading a file), since readers type
      // scalars themselves. Keys are then compared as text, which is how readers look them up,
      // so `1:` and `"1":` in one mapping are a duplicate key.
      node = try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      recordSyntaxError(error, file: file, diagnostics: diagnostics)
      return nil
    } catch {
      diagnostics.error("malformed YAML: \(error)", at: SourceLocation(file: file))
      return nil
    }
    guard let node else {
      diagnostics.error(
        "the file is empty: expected a YAML mapping", at: SourceLocation(file: file, line: 1, column: 1))
      return nil
    }
    return YAMLTree(node, file: file, diagnostics: diagnostics)
  }

  private init?(_ node: Node, file: SourceFile, diagnostics: Diagnostics) {
    let location = SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    switch node {
    case .scalar(let scalar):
      self = .scalar(
        YAMLScalar(text: scalar.string, isPlain: scalar.style == .plain || scalar.style == .any, location: location))
    case .mapping(let mapping):
      var entries: [YAMLMapping.Entry] = []
      for (keyNode, valueNode) in mapping {
        guard case .scalar(let key) = keyNode else {
          diagnostics.error(
            "expected a plain key, found a mapping or list as key",
            at: SourceLocation(file: file, line: keyNode.mark?.line, column: keyNode.mark?.column))
          continue
        }
        guard let value = YAMLTree(valueNode, file: file, diagnostics: diagnostics) else { continue }
        let keyLocation = SourceLocation(file: file, line: key.mark?.line, column: key.mark?.column)
        entries.append(
          YAMLMapping.Entry(
            key: YAMLScalar(text: key.string, isPlain: key.style == .plain, location: keyLocation), value: value))
      }
      self = .mapping(YAMLMapping(entries: entries, location: location))
    case .sequence(let sequence):
      self = .sequence(
        YAMLSequence(
          items: sequence.compactMap { YAMLTree($0, file: file, diagnostics: diagnostics) }, location: location))
    case .alias:
      diagnostics.error("unresolved YAML alias", at: location)
      return nil
    }
  }

  private static func recordSyntaxError(_ error: YamlError, file: SourceFile, diagnostics: Diagnostics) {
    switch error {
    case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
      let .composer(context, problem, mark, _):
      let detail = context.map { " \($0.text) at line \($0.mark.line)" } ?? ""
      diagnostics.error(
        "malformed YAML: \(problem)\(detail)", at: SourceLocation(file: file, line: mark.line, column: mark.column))
    case let .duplicatedKeysInMapping(duplicates, context):
      diagnostics.error(
        "duplicate key '\(duplicates.joined(separator: "', '"))' in a mapping: each key may appear once",
        at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
    case let .reader(problem, _, _, _):
      diagnostics.error("malformed YAML: \(problem)", at: SourceLocation(file: file))
    default:
      diagnostics.error("malformed YAML: \(error)", at: SourceLocation(file: file))
    }
  }
}
