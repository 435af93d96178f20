import CityModel

/// How the fixed parts of composed labels are punctuated. Chinese text takes full-width marks
/// with no space around them (GB/T 15834: `差值（方案－基准），2033年`,
/// `基准情景：上海·基准方案`, `上海·基准方案——预测`); English takes ASCII marks with spaces.
/// docs/chinese-text.md states the convention and lists every Chinese string the product prints.
enum Punctuation {
  /// A title and what part of it is shown: "A — B" / "A——B".
  static func titled(_ title: String, _ part: String, _ language: Language) -> String {
    language == .zh ? "\(title)——\(part)" : "\(title) — \(part)"
  }

  /// A text with a note in brackets: "A (B)" / "A（B）".
  static func bracketed(_ text: String, _ note: String, _ language: Language) -> String {
    language == .zh ? "\(text)（\(note)）" : "\(text) (\(note))"
  }

  /// A label and its value: "A: B" / "A：B".
  static func labelled(_ label: String, _ value: String, _ language: Language) -> String {
    language == .zh ? "\(label)：\(value)" : "\(label): \(value)"
  }

  /// A text and the year it is about: "A, 2033" / "A，2033年".
  static func inYear(_ text: String, _ year: Int, _ language: Language) -> String {
    language == .zh ? "\(text)，\(year)年" : "\(text), \(year)"
  }

  /// A year on its own: "2033" / "2033年".
  static func year(_ year: Int, _ language: Language) -> String {
    language == .zh ? "\(year)年" : String(year)
  }

  /// A paired difference of two named things: "A − B" / "A－B".
  static func difference(_ minuend: String, _ subtrahend: String, _ language: Language) -> String {
    language == .zh ? "\(minuend)－\(subtrahend)" : "\(minuend) − \(subtrahend)"
  }
}
