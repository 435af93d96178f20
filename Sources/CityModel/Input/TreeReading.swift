import Foundation

/// A mapping whose keys have been checked against the keys its context allows.
struct MappingReader {
  let mapping: YAMLMapping
  let what: String
  let diagnostics: Diagnostics

  /// Checks that `tree` is a mapping and that every key is one of `allowedKeys`; an unknown key
  /// is reported with the closest allowed key, or the list of allowed keys.
  init?(_ tree: YAMLTree, what: String, allowedKeys: [String], diagnostics: Diagnostics) {
    guard case .mapping(let mapping) = tree else {
      diagnostics.error(
        "expected \(what) as a mapping of keys to values, found \(tree.kindDescription)", at: tree.location)
      return nil
    }
    self.mapping = mapping
    self.what = what
    self.diagnostics = diagnostics
    for key in mapping.entries.map(\.key) where !allowedKeys.contains(key.text) {
      let hint =
        closestMatch(to: key.text, among: allowedKeys).map { "; did you mean '\($0)'?" }
        ?? " (expected one of: \(allowedKeys.joined(separator: ", ")))"
      diagnostics.error("unknown key '\(key.text)' in \(what)\(hint)", at: key.location)
    }
  }

  subscript(key: String) -> YAMLTree? { mapping[key] }

  /// The value of a key that must be present; its absence is reported at the mapping.
  func required(_ key: String) -> YAMLTree? {
    guard let value = mapping[key] else {
      diagnostics.error("missing key '\(key)' in \(what)", at: mapping.location)
      return nil
    }
    return value
  }

  /// The location of a key (for messages about the key as a whole), or of the mapping.
  func location(of key: String) -> SourceLocation {
    mapping.entries.first { $0.key.text == key }?.key.location ?? mapping.location
  }
}

extension Diagnostics {
  /// Text, from any scalar; numbers and YAML 1.1 booleans (`no`, `on`, `yes`) stay the text written.
  func text(_ tree: YAMLTree, what: String = "text") -> String? {
    guard case .scalar(let scalar) = tree, !scalar.isNull else {
      error("expected \(what), found \(tree.kindDescription)", at: tree.location)
      return nil
    }
    return scalar.text
  }

  /// A finite number, written without quotes (`_` may group digits: `10_000`).
  func number(_ tree: YAMLTree, what: String = "a number") -> Double? {
    guard case .scalar(let scalar) = tree, !scalar.isNull else {
      error("expected \(what), found \(tree.kindDescription)", at: tree.location)
      return nil
    }
    guard scalar.isPlain else {
      error(
        "expected \(what), found the quoted text '\(excerpt(scalar.text))' (numbers are written without quotes)",
        at: tree.location)
      return nil
    }
    let digits = scalar.text.replacingOccurrences(of: "_", with: "")
    guard let value = Double(digits), value.isFinite, digits.allSatisfy({ "+-.0123456789eE".contains($0) }) else {
      error("expected \(what), found '\(excerpt(scalar.text))'", at: tree.location)
      return nil
    }
    return value
  }

  /// A whole number.
  func integer(_ tree: YAMLTree, what: String = "a whole number") -> Int? {
    guard let value = number(tree, what: what) else { return nil }
    guard value == value.rounded(), abs(value) < 1e15 else {
      error("expected \(what), found '\(value)'", at: tree.location)
      return nil
    }
    return Int(value)
  }

  /// A driver's lag: a whole number of years ≥ 0.
  func lag(_ tree: YAMLTree) -> Int? {
    guard let value = integer(tree, what: "a lag in whole years") else { return nil }
    guard value >= 0 else {
      error("a lag must be ≥ 0 years (got \(value))", at: tree.location)
      return nil
    }
    return value
  }

  /// `true` or `false`, written without quotes (YAML 1.1's `yes`/`no`/`on`/`off` are not accepted).
  func boolean(_ tree: YAMLTree) -> Bool? {
    if case .scalar(let scalar) = tree, scalar.isPlain {
      if scalar.text == "true" { return true }
      if scalar.text == "false" { return false }
    }
    error("expected true or false, found \(tree.kindDescription)", at: tree.location)
    return nil
  }

  /// The items of a list.
  func list(_ tree: YAMLTree, what: String) -> [YAMLTree]? {
    guard case .sequence(let sequence) = tree else {
      error("expected \(what) as a list, found \(tree.kindDescription)", at: tree.location)
      return nil
    }
    return sequence.items
  }

  /// A text in both languages: `{zh: …, en: …}`, or one text used for both.
  func localizedText(_ tree: YAMLTree, what: String) -> LocalizedText? {
    if case .scalar = tree {
      return text(tree, what: what).map { LocalizedText(zh: $0, en: $0) }
    }
    guard let reader = MappingReader(tree, what: what, allowedKeys: ["zh", "en"], diagnostics: self) else { return nil }
    let zh = reader["zh"].flatMap { text($0, what: "Chinese text") } ?? ""
    let en = reader["en"].flatMap { text($0, what: "English text") } ?? ""
    if reader["zh"] == nil && reader["en"] == nil {
      error("expected \(what) with a 'zh' or an 'en' text", at: tree.location)
      return nil
    }
    return LocalizedText(zh: zh, en: en)
  }
}
