/// Terminal display width: East Asian Wide and Fullwidth characters (Unicode UAX #11, classes W
/// and F: CJK ideographs, kana, Hangul, fullwidth forms, …) take two columns, combining marks and
/// zero-width characters none, everything else one. Tables in Chinese and English line up with it.
public func displayWidth(_ text: String) -> Int {
  text.unicodeScalars.reduce(0) { $0 + columns(of: $1) }
}

/// `text` padded with spaces to `width` display columns (left-aligned, or right-aligned for numbers).
public func padded(_ text: String, to width: Int, alignRight: Bool = false) -> String {
  let padding = String(repeating: " ", count: max(0, width - displayWidth(text)))
  return alignRight ? padding + text : text + padding
}

/// `text` padded with spaces to `width` display columns, on the side that `alignment` leaves free.
func padded(_ text: String, to width: Int, _ alignment: ReportTable.Alignment) -> String {
  padded(text, to: width, alignRight: alignment == .right)
}

/// Columns one scalar occupies on a terminal.
func columns(of scalar: Unicode.Scalar) -> Int {
  let value = scalar.value
  if value == 0 || scalar.properties.generalCategory == .nonspacingMark
    || scalar.properties.generalCategory == .enclosingMark
    || (0x200B...0x200F).contains(value) || value == 0xFEFF
  {
    return 0
  }
  return wideRanges.contains { $0.contains(value) } ? 2 : 1
}

/// East Asian Width W and F ranges (Unicode 15 EastAsianWidth.txt), merged into blocks where the
/// gaps between them are unassigned code points.
private let wideRanges: [ClosedRange<UInt32>] = [
  0x1100...0x115F,  // Hangul Jamo initial consonants
  0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
  0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693,
  0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE,
  0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA,
  0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C,
  0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797, 0x27B0...0x27B0,
  0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
  0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed, compatibility
  0x3041...0x33FF,
  0x3400...0x4DBF,  // CJK Unified Ideographs Extension A
  0x4E00...0x9FFF,  // CJK Unified Ideographs
  0xA000...0xA4CF,  // Yi syllables and radicals
  0xA960...0xA97F,  // Hangul Jamo Extended-A
  0xAC00...0xD7A3,  // Hangul syllables
  0xF900...0xFAFF,  // CJK Compatibility Ideographs
  0xFE10...0xFE19,  // vertical forms
  0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
  0xFF00...0xFF60,  // fullwidth forms
  0xFFE0...0xFFE6,  // fullwidth signs
  0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,  // Tangut, Khitan, kana supplements
  0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
  0x1F200...0x1F251, 0x1F260...0x1F265,
  0x1F300...0x1F64F,  // pictographs and emoticons (W in Unicode 15, with a few N exceptions ignored here)
  0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
  0x20000...0x2FFFD,  // CJK Extensions B–F, compatibility supplement
  0x30000...0x3FFFD,  // CJK Extensions G–H
]
