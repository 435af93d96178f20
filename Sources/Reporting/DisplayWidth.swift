/// Terminal display width of a text: East Asian wide and fullwidth characters (CJK ideographs,
/// kana, hangul, fullwidth punctuation) take two columns, combining marks none, the rest one.
///
/// Tables align on this, not on `count`, so that Chinese labels line up in a terminal.
func displayWidth(_ text: String) -> Int {
  text.reduce(0) { width, character in
    guard let scalar = character.unicodeScalars.first else { return width }
    return width + columns(of: scalar)
  }
}

private func columns(of scalar: Unicode.Scalar) -> Int {
  let value = scalar.value
  if value == 0 || scalar.properties.generalCategory == .nonspacingMark { return 0 }
  return wideRanges.contains { $0.contains(value) } ? 2 : 1
}

/// The East Asian Width classes W and F (Unicode Standard Annex #11), as ranges.
private let wideRanges: [ClosedRange<UInt32>] = [
  0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
  0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
  0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x20000...0x3FFFD,
]

/// `text` padded with spaces to `width` display columns, on the side that `alignment` leaves free.
func padded(_ text: String, to width: Int, _ alignment: ReportTable.Alignment) -> String {
  let fill = String(repeating: " ", count: max(0, width - displayWidth(text)))
  return alignment == .right ? fill + text : text + fill
}
