/// The pieces a line of text may break between: runs of characters between spaces, and each wide
/// (CJK) character on its own, since Chinese breaks between any two characters. `spaced` says
/// whether a space came before the piece.
func wrapUnits(_ text: String) -> [(text: String, spaced: Bool)] {
  var units: [(text: String, spaced: Bool)] = []
  var current = ""
  var spaced = false
  var pendingSpace = false
  func finish() {
    if !current.isEmpty { units.append((current, spaced)) }
    current = ""
  }
  for character in text {
    if character == " " {
      finish()
      pendingSpace = true
      continue
    }
    let wide = displayWidth(String(character)) == 2
    if wide { finish() }
    if current.isEmpty {
      spaced = pendingSpace
      pendingSpace = false
    }
    current.append(character)
    if wide { finish() }
  }
  finish()
  return units
}

/// `text` in lines of at most `width` display columns, broken at spaces and between CJK
/// characters, and inside a word only when the word alone is wider than `width`. Text that fits
/// comes back unchanged, as one line.
func wrap(_ text: String, width: Int) -> [String] {
  guard displayWidth(text) > width else { return [text] }
  let limit = max(1, width)
  var lines: [String] = []
  var line = ""
  for unit in wrapUnits(text) {
    let joined = line.isEmpty ? unit.text : line + (unit.spaced ? " " : "") + unit.text
    if displayWidth(joined) <= limit {
      line = joined
      continue
    }
    if !line.isEmpty { lines.append(line) }
    line = ""
    for character in unit.text {
      if displayWidth(line + String(character)) > limit && !line.isEmpty {
        lines.append(line)
        line = ""
      }
      line.append(character)
    }
  }
  if !line.isEmpty || lines.isEmpty { lines.append(line) }
  return lines
}

/// Every line of `text` wrapped to `width` (unchanged without one); a wrapped line continues
/// after `hanging`.
func wrapLines(_ text: String, width: Int?, hanging: String = "") -> String {
  guard let width else { return text }
  return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
    guard displayWidth(String(line)) > width else { return String(line) }
    return wrap(String(line), width: width - displayWidth(hanging)).enumerated().map {
      $0.offset == 0 ? $0.element : hanging + $0.element
    }.joined(separator: "\n")
  }.joined(separator: "\n")
}
