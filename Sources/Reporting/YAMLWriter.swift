/// Block-style YAML for a report's values, keys sorted; numbers in their shortest round-trip
/// form, text in double quotes.
enum YAMLWriter {
  indirect enum Value {
    case number(Double), text(String), bool(Bool), null
    case list([Value])
    case mapping([(String, Value)])
  }

  static func write(_ value: Value, indent: Int, into lines: inout [String]) {
    let pad = String(repeating: " ", count: indent)
    switch value {
    case let .mapping(entries):
      for (key, item) in entries.sorted(by: { $0.0 < $1.0 }) {
        if let scalar = scalar(item) {
          lines.append("\(pad)\(key): \(scalar)")
        } else {
          lines.append("\(pad)\(key):")
          write(item, indent: indent + 2, into: &lines)
        }
      }
    case let .list(items):
      for item in items {
        if let scalar = scalar(item) {
          lines.append("\(pad)- \(scalar)")
          continue
        }
        var nested: [String] = []
        write(item, indent: indent + 2, into: &nested)
        lines.append(pad + "- " + nested[0].dropFirst(indent + 2))
        lines += nested.dropFirst()
      }
    default:
      lines.append(pad + scalar(value)!)
    }
  }

  /// A scalar's text, or nil for a non-empty list or mapping (empty ones are `[]` and `{}`).
  static func scalar(_ value: Value) -> String? {
    switch value {
    case .null: "null"
    case let .bool(flag): flag ? "true" : "false"
    case let .number(x) where !x.isFinite:
      "null"  // never .nan or .inf where a reader expects a number; `report` gives the reason
    case let .number(x):
      x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : roundTripText(x)
    case let .text(text): quoted(text)
    case let .list(items): items.isEmpty ? "[]" : nil
    case let .mapping(entries): entries.isEmpty ? "{}" : nil
    }
  }

  /// A YAML double-quoted scalar (JSON's escapes are YAML's): backslash, quote, and every
  /// control character escaped, so any text stays one scalar on one line.
  static func quoted(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": escaped += "\\\\"
      case "\"": escaped += "\\\""
      case "\n": escaped += "\\n"
      case "\t": escaped += "\\t"
      default:
        escaped += scalar.value < 0x20 ? String(format: "\\u%04X", scalar.value) : String(scalar)
      }
    }
    return "\"" + escaped + "\""
  }

  /// Shortest round-trip text, with a decimal point before any exponent so YAML 1.1 readers
  /// also take it as a float.
  static func roundTripText(_ x: Double) -> String {
    let text = "\(x)"
    guard !text.contains("."), let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
    return text[..<e] + ".0" + text[e...]
  }
}
