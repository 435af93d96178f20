import Foundation
import Testing

@testable import Reporting

/// Charts are golden files (byte-identical for the same data) and well-formed, self-contained SVG.
@Suite struct ChartTests {
  static let tornadoBars = [
    TornadoBar(label: "零售额弹性 β(地铁)", low: 27_410, high: 30_980),
    TornadoBar(label: "Drift of retail sales", low: 25_100, high: 33_400),
    TornadoBar(label: "Disruption probability", low: 29_900, high: 27_200),
  ]
  static let sobolBars = [
    SobolBar(label: "Drift of retail sales", s1: 0.52, s1Low: 0.46, s1High: 0.58, st: 0.61, stLow: 0.55, stHigh: 0.68),
    SobolBar(label: "β metro → retail", s1: 0.18, s1Low: 0.13, s1High: 0.23, st: 0.22, stLow: 0.17, stHigh: 0.28),
    SobolBar(label: "Disruption size", s1: -0.01, s1Low: -0.04, s1High: 0.02, st: 0.05, stLow: 0.03, stHigh: 0.08),
  ]

  static func charts() throws -> [(String, String)] {
    let run = try Fixtures.run()
    let comparison = try Fixtures.comparison()
    return [
      ("fan-retail_sales-zh.svg", try #require(FanChart.svg(for: "retail_sales", of: run, language: .zh))),
      ("fan-global_city_rank-en.svg", try #require(FanChart.svg(for: "global_city_rank", of: run, language: .en))),
      ("dimensions-en.svg", try #require(DimensionChart.svg(of: run, language: .en))),
      ("differences-zh.svg", try #require(DifferenceChart.svg(for: comparison, language: .zh))),
      (
        "tornado-en.svg",
        BarChart.tornado(tornadoBars, baseline: 29_038, title: "Retail sales 2033", unit: "亿元", language: .en)
      ),
      ("sobol-zh.svg", BarChart.sobol(sobolBars, title: "社会消费品零售总额 2033", language: .zh)),
    ]
  }

  @Test func chartsMatchTheirGoldenFiles() throws {
    for (name, svg) in try Self.charts() { try assertSnapshot(svg, named: name) }
  }

  @Test func chartsAreWellFormedAndSelfContained() throws {
    for (name, svg) in try Self.charts() {
      #expect(isWellFormedXML(svg), "\(name) parses as XML")
      #expect(!svg.contains("href"), "\(name) references nothing outside itself")
      #expect(!svg.contains("<script"), "\(name) has no script")
      #expect(svg.contains("<title>"), "\(name) has an accessible title")
    }
  }

  @Test func fanChartDrawsBothBandsTheMedianAndTargets() throws {
    let svg = try #require(FanChart.svg(for: "retail_sales", of: Fixtures.run(), language: .en))
    #expect(svg.components(separatedBy: "<polygon").count - 1 == 2 + 1 + 1, "two bands, one target, one legend marker")
    #expect(svg.contains("<polyline"))
    #expect(svg.contains("≥ 25,000 (62%)"))
    #expect(FanChart.svg(for: "no_such_output", of: try Fixtures.run(), language: .en) == nil)
  }

  /// A label wider than the label column (at most 45 % of the chart) wraps onto a second line,
  /// and one that two lines cannot hold ends in an ellipsis; nothing runs past the column.
  @Test func longRowLabelsWrapOntoTwoLinesAtMost() {
    let long = "International brands present / China Time-honoured Brands: trend growth"
    let layout = RowChartLayout(labels: [long + long], marksPerRow: 1, values: [0, 1])
    let columns = Int((layout.left - 16) / (RowChartLayout.labelSize * 0.56))
    #expect(layout.labelLines("Disruption probability") == ["Disruption probability"])
    let two = layout.labelLines(long)
    #expect(two.count == 2 && two.joined().filter { !$0.isWhitespace } == long.filter { !$0.isWhitespace })
    let veryLong = Array(repeating: long, count: 3).joined(separator: " ")
    let cut = layout.labelLines(veryLong)
    #expect(cut.count == 2 && cut[1].hasSuffix("…"))
    #expect((two + cut).allSatisfy { displayWidth($0) <= columns }, "\(two + cut)")
    let chinese = layout.labelLines(String(repeating: "国内国际旅游花费", count: 12))
    #expect(chinese.count == 2 && chinese.allSatisfy { displayWidth($0) <= columns })
  }

  @Test func tornadoSortsBySwing() {
    let svg = BarChart.tornado(Self.tornadoBars, baseline: 29_038, title: "t", unit: "亿元", language: .en)
    let order = ["Drift of retail sales", "零售额弹性 β(地铁)", "Disruption probability"].map {
      svg.range(of: ">\($0)<")!.lowerBound
    }
    #expect(order == order.sorted(), "largest swing (8,300) first, then 3,570, then 2,700")
  }
}

@Suite struct HTMLReportTests {
  @Test func pageIsSelfContained() throws {
    let html = try HTMLReport.render(
      runs: [Fixtures.run()], comparison: Fixtures.comparison(),
      figures: [Figure(title: "Sobol", svg: BarChart.sobol(ChartTests.sobolBars, title: "S", language: .en))])
    #expect(!html.contains("<script"))
    #expect(!html.contains("src="))
    #expect(!html.contains("href="))
    let urls = html.components(separatedBy: "://").count - 1
    let namespaces = html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1
    #expect(urls == namespaces, "the only URLs are SVG namespace names, which are never fetched")
    #expect(html.components(separatedBy: "<svg").count - 1 == 13 + 1 + 1 + 1, "13 fans, dimensions, differences, Sobol")
    #expect(html.contains("sha256:"), "the manifest lists input hashes")
  }
}
