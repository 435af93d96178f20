/// `text` safe inside XML (and HTML/SVG) character data and attribute values: escapes the five
/// markup characters and drops control characters XML 1.0 forbids.
func xmlEscaped(_ text: String) -> String {
  var escaped = ""
  escaped.reserveCapacity(text.utf8.count)
  for scalar in text.unicodeScalars {
    switch scalar {
    case "&": escaped += "&amp;"
    case "<": escaped += "&lt;"
    case ">": escaped += "&gt;"
    case "\"": escaped += "&quot;"
    case "'": escaped += "&#39;"
    case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
    default:
      if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
        escaped.unicodeScalars.append(scalar)
      }
    }
  }
  return escaped
}
