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
}
