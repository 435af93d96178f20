import Foundation

/// The rules docs/chinese-text.md states for Chinese text, as the tests check them: the string
/// literals of the sources that hold Chinese, and half-width punctuation mixed into Chinese.
enum ChineseTextRules {
  /// Han characters, and the full-width marks of CJK punctuation (（）：，、。；！？「」 …).
  static func isChinese(_ character: Character) -> Bool {
    character.unicodeScalars.contains { scalar in
      scalar.properties.isIdeographic || (0x3000...0x303F).contains(scalar.value)
        || (0xFF01...0xFF60).contains(scalar.value)
    }
  }

  static func holdsHan(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.properties.isIdeographic }
  }

  /// The places in `text` where a half-width mark (, : ; ( ) ! ?), a lone em dash or a minus sign
  /// stands next to Chinese (spaces between them do not count), each with its surroundings.
  static func mixedPunctuation(in text: String) -> [String] {
    let characters = Array(text)
    var found: [String] = []
    for (index, character) in characters.enumerated() {
      let marked: Bool
      switch character {
      case ",", ":", ";", "(", ")", "!", "?", "−": marked = true
      case "—": marked = characters[safe: index - 1] != "—" && characters[safe: index + 1] != "—"
      default: marked = false
      }
      guard marked else { continue }
      let before = characters[..<index].last { $0 != " " }
      let after = characters[(index + 1)...].first { $0 != " " }
      if before.map(isChinese) == true || after.map(isChinese) == true {
        let context = characters[max(0, index - 8)..<min(characters.count, index + 9)]
        found.append(String(context))
      }
    }
    return found
  }

  /// The literal pieces of every string in Swift `source` (split at interpolations, multi-line
  /// strings line by line, trimmed) that hold a Han character; comments are skipped.
  static func chineseLiterals(inSwift source: String) -> [String] {
    var lexer = SwiftStringLexer(Array(source))
    lexer.code(untilClosingParenthesis: false)
    return lexer.pieces.flatMap { $0.split(separator: "\n") }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter(holdsHan)
  }
}

extension Array {
  fileprivate subscript(safe index: Int) -> Element? {
    indices.contains(index) ? self[index] : nil
  }
}

/// Just enough of Swift's lexical grammar to find string literals: line and block comments,
/// single- and multi-line strings with `#` delimiters, escapes and nested interpolations.
private struct SwiftStringLexer {
  let text: [Character]
  var position = 0
  var pieces: [String] = []

  init(_ text: [Character]) { self.text = text }

  private func starts(with literal: String, at offset: Int = 0) -> Bool {
    let characters = Array(literal)
    let start = position + offset
    guard start + characters.count <= text.count else { return false }
    return Array(text[start..<(start + characters.count)]) == characters
  }

  /// Code up to the end of the file, or up to the `)` that closes an interpolation.
  mutating func code(untilClosingParenthesis: Bool) {
    var depth = 0
    while position < text.count {
      if starts(with: "//") {
        while position < text.count && text[position] != "\n" { position += 1 }
      } else if starts(with: "/*") {
        while position < text.count && !starts(with: "*/") { position += 1 }
        position += 2
      } else if text[position] == "#" || text[position] == "\"" {
        var hashes = 0
        while starts(with: "#", at: hashes) { hashes += 1 }
        guard starts(with: "\"", at: hashes) else {
          position += hashes
          continue
        }
        position += hashes
        string(hashes: hashes)
      } else if text[position] == "(" {
        depth += 1
        position += 1
      } else if text[position] == ")" {
        position += 1
        if depth == 0 && untilClosingParenthesis { return }
        depth -= 1
      } else {
        position += 1
      }
    }
  }

  /// A string literal starting at its opening quote(s), with `hashes` `#` before them.
  private mutating func string(hashes: Int) {
    let multiLine = starts(with: "\"\"\"")
    position += multiLine ? 3 : 1
    let closing = (multiLine ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)
    let escape = "\\" + String(repeating: "#", count: hashes)
    var piece = ""
    while position < text.count {
      if starts(with: closing) {
        position += closing.count
        break
      } else if starts(with: escape) {
        position += escape.count
        guard position < text.count else { break }
        if text[position] == "(" {
          pieces.append(piece)
          piece = ""
          position += 1
          code(untilClosingParenthesis: true)
        } else {
          piece.append(text[position])
          position += 1
        }
      } else {
        piece.append(text[position])
        position += 1
      }
    }
    pieces.append(piece)
  }
}
