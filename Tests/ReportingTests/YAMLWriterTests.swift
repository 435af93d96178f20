import Testing

@testable import Reporting

@Suite struct YAMLWriterTests {
  @Test func smallNumbersKeepADecimalPoint() {
    #expect(YAMLWriter.roundTripText(1e-05) == "1.0e-05")
    #expect(YAMLWriter.roundTripText(2.5e-07) == "2.5e-07")
    #expect(YAMLWriter.roundTripText(0.081) == "0.081")
  }

  @Test func writesSortedBlocksWithQuotedText() {
    var lines: [String] = []
    let tree = YAMLWriter.Value.mapping([
      ("b", .list([.number(2), .mapping([("k", .text("say \"hi\""))])])), ("a", .number(.nan)), ("c", .list([])),
    ])
    YAMLWriter.write(tree, indent: 0, into: &lines)
    #expect(lines == ["a: null", "b:", "  - 2", "  - k: \"say \\\"hi\\\"\"", "c: []"])
  }

  /// Text with line breaks, tabs or other control characters stays one double-quoted scalar on
  /// one line (the report's undefined-value reasons and the optimised plan's names use this).
  @Test func controlCharactersAreEscaped() {
    #expect(YAMLWriter.quoted("a\"b\\c\nd\te\u{1}") == #""a\"b\\c\nd\te\u0001""#)
    var lines: [String] = []
    YAMLWriter.write(.mapping([("reason", .text("two\nlines"))]), indent: 0, into: &lines)
    #expect(lines == [#"reason: "two\nlines""#])
  }
}
