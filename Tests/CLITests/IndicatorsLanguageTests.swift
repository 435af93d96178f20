import Foundation
import Testing
import _TestSupport

/// `iccsim indicators --lang zh` gives units, scales, roles and directions in Chinese; English
/// keeps the catalogue's codes.
@Suite struct IndicatorsLanguageTests {
  static func row(_ id: String, in output: String) -> [String] {
    let line = output.split(separator: "\n").first { $0.contains("  \(id)  ") } ?? ""
    return line.split(separator: " ").map(String.init)
  }

  @Test func chineseTableHasNoEnglishCodes() throws {
    let zh = try execute(["indicators", "--lang", "zh"])
    #expect(zh.status == 0)
    #expect(Self.row("global_city_rank", in: zh.stdout).suffix(4) == ["位次", "对数", "响应", "越低越好"])
    #expect(Self.row("landmark_districts", in: zh.stdout).suffix(4) == ["个", "计数", "存量", "越高越好"])
    #expect(Self.row("retail_sales", in: zh.stdout).suffix(4) == ["亿元", "对数", "响应", "越高越好"])
    let satisfaction = Self.row("consumer_satisfaction", in: zh.stdout).suffix(4)
    #expect(satisfaction == ["分（0–100）", "对数几率", "响应", "越高越好"])
    for code in ["count", "rank", "log", "logit", "stock", "response", "higher", "lower", "score"] {
      let rows = zh.stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").dropFirst(2) }
      #expect(!rows.contains { $0.contains(Substring(code)) }, "'\(code)' in the Chinese table")
    }
  }

  @Test func englishTableKeepsTheCatalogueCodes() throws {
    let en = try execute(["indicators", "--lang", "en"])
    #expect(Self.row("global_city_rank", in: en.stdout).suffix(4) == ["rank", "log", "response", "lower"])
    #expect(Self.row("retail_sales", in: en.stdout).suffix(4) == ["亿元", "log", "response", "higher"])
  }
}
