import Testing

@testable import Reporting

@Suite("Display width")
struct DisplayWidthTests {
  @Test(arguments: [
    ("retail", 6), ("社会消费品零售总额", 18), ("4A5A级景区数量", 14), ("Ａ", 2),
    ("é", 1), ("e\u{301}", 1), ("한국", 4), ("", 0),
  ])
  func countsWideCharactersTwice(_ text: String, _ width: Int) {
    #expect(displayWidth(text) == width)
  }

  @Test func padsByDisplayWidth() {
    #expect(padded("上海", to: 6) == "上海  ")
    #expect(padded("42", to: 5, alignRight: true) == "   42")
    #expect(padded("too long", to: 3) == "too long")
  }

  @Test func paddingUsesDisplayWidth() {
    #expect(padded("指标", to: 6, .left) == "指标  ", "display width counts CJK as two columns")
    #expect(padded("12", to: 5, .right) == "   12")
  }
}
