import Foundation
import Testing

@testable import CityModel

/// Coverage of a tidy panel per city and series, and the source kinds judged from addresses.
@Suite("Panel coverage")
struct PanelCoverageTests {
  /// Writes `text` to a fresh temporary file and loads it as a city table.
  static func table(_ text: String) throws -> CityData {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-coverage-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("panel.csv")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return try CityData.load(from: file)
  }

  @Test func yearsAreWrittenAsRunsWithEachYearOnce() {
    #expect(PanelCoverage.ranges([2016, 2010, 2011, 2012, 2014, 2017, 2017]) == "2010–2012, 2014, 2016–2017")
    #expect(PanelCoverage.ranges([2023]) == "2023")
    #expect(PanelCoverage.ranges([]) == "")
  }

  @Test(arguments: [
    ("https://tjj.sh.gov.cn/ydsj56/20250120/x.html", SourceKind.official),
    ("https://github.com/long-yj/china-tourism-gdp-analysis/blob/main/data/x.xlsx", .nbs),
    ("https://github.com/zz14754/ex_Team01/blob/main/data_clean/city_budget_clean.csv", .secondary),
    ("LOWER BOUND — https://www.blhdazhe.com/shequ/120810.html", .spammyCopy),
    ("http://qc.idea-sf.com:99/info.php?UAG8=R.html", .spammyCopy),
    ("http://en.people.cn/n3/2024/0328/c90000-20150534.html", .media),
  ])
  func addressesAreClassifiedByDomainAndPath(source: String, kind: SourceKind) {
    #expect(SourceKind.classify(source) == kind)
  }

  @Test(arguments: [
    "ILLUSTRATIVE — not a real figure; replace", "https://github.com/someone-else/data.csv",
    "https://notgov.cn/page", "https://example.com/gov.cn",
  ])
  func unknownAddressesAreNotClassified(source: String) {
    #expect(SourceKind.classify(source) == nil)
  }

  @Test func seriesCountRowsFittedRowsReasonsAndSourceKinds() throws {
    let data = try Self.table(
      """
      city,indicator,year,value,unit,source,use
      tianjin,receipts,2016,35.6,亿美元,https://github.com/long-yj/a,break
      tianjin,receipts,2016,35.6,亿美元,http://86hh.com/m,break
      tianjin,receipts,2018,11.1,亿美元,https://github.com/long-yj/a,fit
      tianjin,receipts,2019,11.8,亿美元,https://github.com/long-yj/a,fit
      shanghai,gdp,2016,29887,亿元,https://github.com/long-yj/a,fit
      shanghai,gdp,2016,27466.15,亿元,https://sh.cri.cn/x,other-vintage
      shanghai,gdp_min,2023,47000,亿元,https://example.org/x,lower-bound

      """)
    let coverage = PanelCoverage(data)
    let names = coverage.series.map { "\($0.city)/\($0.indicator)" }
    #expect(names == ["tianjin/receipts", "shanghai/gdp", "shanghai/gdp_min"])
    let receipts = coverage.series[0]
    #expect(receipts.years == [2016, 2018, 2019] && receipts.rows == 4 && receipts.fitYears == [2018, 2019])
    #expect(receipts.leftOut == ["break": 2] && receipts.sourceKinds == ["nbs": 3, "spammy-copy": 1])
    #expect(coverage.series[1].leftOut == ["other-vintage": 1])
    #expect(coverage.series[1].sourceKinds == ["nbs": 1, "media": 1])
    #expect(coverage.series[2].sourceKinds == ["unclassified": 1] && coverage.series[2].fitYears.isEmpty)
    let page = coverage.markdown()
    #expect(page.contains("- Rows: 7 in 3 city series."))
    #expect(page.contains("- By use: fit 3, break 2, lower-bound 1, other-vintage 1."))
    #expect(
      page.contains(
        "| tianjin | `receipts` | 2016, 2018–2019 | 4 | 2 | 2018–2019 | break 2 | nbs 3, spammy-copy 1 |"))
    #expect(page.contains("| shanghai | `gdp_min` | 2023 | 1 | 0 |  | lower-bound 1 | unclassified 1 |"))
  }

  @Test func aTableWithoutAUseColumnFitsEveryRow() throws {
    let data = try Self.table(
      """
      city,indicator,year,value,unit,source
      beijing,retail_sales,2019,12270.1,亿元,http://48903.com/news
      beijing,retail_sales,2021,14867.7,亿元,https://beijing.shvoice.com/news

      """)
    let series = try #require(PanelCoverage(data).series.first)
    #expect(series.fitYears == [2019, 2021] && series.leftOut.isEmpty)
  }
}
