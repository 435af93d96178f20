import CityModel
import Foundation
import Simulation
import Testing
import _TestSupport

@testable import Reporting

/// The native reader's checklist (docs/chinese-text.md) is complete and current, and Chinese text
/// takes full-width punctuation, in the sources and in what the product prints.
@Suite struct ChineseTextTests {
  struct Entry: Hashable {
    var text: String
    var kind: String
  }

  /// The rows of the checklist's tables: the strings of the sources with their kind, and the
  /// catalogue's names (kind `zh`).
  static func checklist() throws -> (sources: [Entry], catalogue: [Entry]) {
    let page = try String(
      contentsOf: repositoryRoot.appendingPathComponent("docs/chinese-text.md"), encoding: .utf8)
    var sources: [Entry] = []
    var catalogue: [Entry] = []
    var heading = ""
    for line in page.split(separator: "\n").map(String.init) {
      if line.hasPrefix("## ") { heading = line }
      guard line.hasPrefix("| "), !line.hasPrefix("| 中文 |"), heading.hasPrefix("## Checklist") else { continue }
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if heading.contains("catalogue") {
        catalogue.append(Entry(text: cells[0], kind: "zh"))
      } else {
        sources.append(Entry(text: cells[0], kind: cells[1]))
      }
    }
    return (sources, catalogue)
  }

  /// Every string literal piece holding Chinese in Sources/, with the file it is in.
  static func sourceStrings() throws -> [(text: String, file: String)] {
    let root = repositoryRoot.appendingPathComponent("Sources")
    let files =
      FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
    #expect(files.count > 100, "the sources were not found")
    return try files.flatMap { file in
      let name = file.path.replacingOccurrences(of: root.path + "/", with: "")
      return ChineseTextRules.chineseLiterals(inSwift: try String(contentsOf: file, encoding: .utf8)).map {
        ($0, name)
      }
    }
  }

  @Test func everyChineseStringInTheSourcesIsInTheChecklist() throws {
    let listed = Set(try Self.checklist().sources.map(\.text))
    for (text, file) in try Self.sourceStrings() where !listed.contains(text) {
      Issue.record("\(file): \"\(text)\" is not in docs/chinese-text.md: add it for review")
    }
  }

  @Test func theChecklistListsOnlyWhatTheProductPrints() throws {
    let (sources, catalogue) = try Self.checklist()
    #expect(sources.count > 100 && catalogue.count == 24, "the checklist's tables were read")
    let inSources = Set(try Self.sourceStrings().map(\.text))
    for entry in sources where !inSources.contains(entry.text) {
      Issue.record("docs/chinese-text.md lists \"\(entry.text)\", which no source holds")
    }
    #expect(Set(sources.map(\.kind)).isSubset(of: ["zh", "en", "yaml"]))
    let names = IndicatorCatalogue.bundled.indicators.filter { $0.row != nil }.map(\.name.zh)
    #expect(Set(catalogue.map(\.text)) == Set(names), "the catalogue's table holds exactly the annex's names")
  }

  @Test func chineseStringsInTheChecklistUseFullWidthPunctuation() throws {
    let (sources, catalogue) = try Self.checklist()
    for entry in sources + catalogue where entry.kind == "zh" {
      #expect(ChineseTextRules.mixedPunctuation(in: entry.text).isEmpty, "\(entry.text)")
    }
  }

  @Test func theRuleFindsHalfWidthPunctuationInChineseOnly() {
    #expect(ChineseTextRules.mixedPunctuation(in: "差值（方案 − 基准）, 2033").count == 2)
    #expect(ChineseTextRules.mixedPunctuation(in: "基准情景: shanghai-baseline").count == 1)
    #expect(ChineseTextRules.mixedPunctuation(in: "上海·基准方案 — 预测").count == 1)
    #expect(ChineseTextRules.mixedPunctuation(in: "差值（方案－基准），2033年").isEmpty)
    #expect(ChineseTextRules.mixedPunctuation(in: "上海·基准方案——预测").isEmpty)
    #expect(ChineseTextRules.mixedPunctuation(in: "Difference (alternative − base), 2033").isEmpty)
    #expect(ChineseTextRules.mixedPunctuation(in: "29,038 [25,497–33,071] (62%)").isEmpty)
    let literals = ChineseTextRules.chineseLiterals(
      inSwift: #"""
        // 注释 is a comment
        let a = "标题\(x ? "（单位）" : " (unit)")年", b = #"原始"#
        let c = """
          第一行
          line
          """
        """#)
    #expect(literals == ["标题", "（单位）", "年", "原始", "第一行"])
  }

  /// The text a reader sees in every Chinese output of the fixtures: the HTML pages, the
  /// terminal and Markdown tables, and every chart.
  static func chineseOutputs() throws -> [(name: String, text: String)] {
    let settings = ExportSettings(options: ReportOptions(language: .zh))
    var outputs: [(String, String)] = []
    for document in [try Fixtures.runDocument(), try Fixtures.comparisonDocument()] {
      for format in [ExportFormat.html, .text, .md] {
        let data = try Exporter.render(document, as: format, settings: settings)
        outputs.append(("\(document.fileStem).\(format.fileExtension)", String(decoding: data, as: UTF8.self)))
      }
      outputs += ResultCharts.all(of: document, language: .zh).map { ($0.fileName, $0.svg) }
    }
    return outputs
  }

  /// `markup` without its style sheet and tags, with entities decoded.
  static func visibleText(_ markup: String) -> String {
    markup.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: "", options: .regularExpression)
      .replacingOccurrences(of: "<[^>]*>", with: "\n", options: .regularExpression)
      .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
  }

  @Test func chineseOutputsUseFullWidthPunctuation() throws {
    for (name, output) in try Self.chineseOutputs() {
      for line in Self.visibleText(output).split(separator: "\n") {
        let found = ChineseTextRules.mixedPunctuation(in: String(line))
        #expect(found.isEmpty, "\(name): \(found)")
      }
    }
  }

  /// `iccsim sensitivity --lang zh` as a reader sees it: the tornado, regression, Sobol and
  /// grouped Sobol tables (with the single-group and small-sample warnings), fitted to no width.
  static func chineseSensitivityTables() throws -> [(name: String, text: String)] {
    let scenario = ["sensitivity", "scenarios/shanghai-baseline.yaml", "--lang", "zh", "--wide"]
    let runs: [(String, [String])] = [
      ("tornado", ["--method", "tornado", "--output", "retail_sales"]),
      ("src", ["--method", "src", "--samples", "64", "--output", "retail_sales"]),
      ("sobol", ["--method", "sobol", "--samples", "16", "--noise", "zero", "--output", "retail_sales"]),
      ("groups", ["--method", "sobol", "--groups", "--samples", "16", "--noise", "zero"]),
    ]
    return try runs.map { name, arguments in
      let result = try execute(scenario + arguments)
      #expect(result.status == 0, "\(name): \(result.stderr)")
      return (name, result.stdout)
    }
  }

  @Test func sensitivityTablesInChineseAreChineseWithFullWidthPunctuation() throws {
    let tables = Dictionary(try Self.chineseSensitivityTables(), uniquingKeysWith: { first, _ in first })
    let english = [
      "Tornado", "Standardised", "Sobol indices", "runs", "uncertain input", "yearly shocks", "seed", "base samples",
      "points", "median", "input", "output at", "swing", "rank R²", "Warnings", "only one group", " in 2033",
    ]
    for (name, table) in tables {
      for line in table.split(separator: "\n") {
        let found = ChineseTextRules.mixedPunctuation(in: String(line))
        #expect(found.isEmpty, "\(name): \(found)")
      }
      for phrase in english { #expect(!table.contains(phrase), "\(name) prints \"\(phrase)\"") }
    }
    let tornado = try #require(tables["tornado"]).split(separator: "\n").map(String.init)
    let title = "上海·基准方案——龙卷风图（每个输入取P5与P95，其余输入取中位数）"
    #expect(tornado.first == title)
    #expect(tornado[1].hasSuffix("个不确定输入；年度冲击：每次运行使用同一条共同路径"))
    #expect(tornado.contains { $0.hasPrefix("社会消费品零售总额，2033年——各输入取中位数时：") })
    #expect(
      tornado.contains { $0.hasPrefix("输入 ") && $0.contains("输入取P5时的输出") && $0.hasSuffix("摆幅") })
    let src = try #require(tables["src"])
    #expect(src.contains("——标准化回归系数（SRC）与偏秩相关系数（PRCC）\n"))
    #expect(src.contains("\n社会消费品零售总额，2033年——R² = 0.") && src.contains("，秩R² = 0."))
    #expect(try #require(tables["sobol"]).contains("次运行（16个基础样本，随机点，种子"))
    let groups = try #require(tables["groups"])
    #expect(groups.contains("\n国际消费中心城市指数，2033年\n"))
    #expect(groups.contains("\n警告：\n  - --groups："))
    #expect(groups.contains("个输入只构成一个组（模型：城市如何演变）："))
  }

  @Test func chineseOutputsNameTheBaseAndTheCity() throws {
    let outputs = Dictionary(try Self.chineseOutputs(), uniquingKeysWith: { first, _ in first })
    let comparison = try #require(outputs["compare-shanghai-baseline.html"])
    #expect(comparison.contains("<h2>方案比较——基准情景：上海·基准方案（测试数据）</h2>"))
    let headings = comparison.split(separator: "\n").filter { $0.hasPrefix("<h") }
    #expect(!headings.isEmpty && !headings.contains { $0.contains("shanghai-baseline") }, "named, not by id")
    let differences = try #require(outputs["differences-2033.svg"])
    #expect(differences.contains("差值（方案－基准），2033年"))
    #expect(differences.contains("上海·旗舰方案（测试数据）－上海·基准方案（测试数据）"))
    let run = try #require(outputs["run-shanghai-flagship.html"])
    #expect(run.contains("<td>城市</td><td>上海</td>"))
    #expect(!run.contains(">shanghai<"), "the city is named, not given by id")
  }

  @Test func fanChartsAreIntervalChartsWithALegendLine() throws {
    let outputs = try Self.chineseOutputs()
    let run = try #require(outputs.first { $0.name == "run-shanghai-flagship.html" }?.text)
    #expect(run.contains("<h3>扇形区间图</h3>") && !run.contains("扇形图"))
    let fans = outputs.filter { $0.name.hasPrefix("fan-") }
    #expect(fans.count == 13)
    let legend = ">深色带为P25–P75，浅色带为P5–P95，线为中位数</text>"
    for fan in fans { #expect(fan.text.contains(legend), "\(fan.name)") }
    let english = try #require(FanChart.svg(for: "retail_sales", of: Fixtures.run(), language: .en))
    #expect(english.contains(">Dark band: P25–P75; light band: P5–P95; line: the median</text>"))
  }

  @Test func aComparisonWithoutTheBaseTitleShowsTheBaseID() throws {
    var comparison = try Fixtures.comparison()
    comparison.baseTitle = nil
    #expect(comparison.baseName(.zh) == "shanghai-baseline")
    let reread = try ResultCoding.decoder().decode(
      PlanComparison.self, from: try ResultCoding.encoder().encode(comparison))
    #expect(reread.baseTitle == nil && reread == comparison)
    #expect(try Fixtures.comparison().baseName(.en) == "Shanghai baseline (test fixture)")
  }
}
