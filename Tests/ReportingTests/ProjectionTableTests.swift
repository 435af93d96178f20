import CityModel
import Simulation
import Testing

@testable import Reporting

@Suite struct ProjectionTableTests {
  @Test func rowsAreIndicatorsByDimensionThenScoresThenIndex() throws {
    let table = try ReportTable.projection(of: Fixtures.run(), options: ReportOptions(language: .en))
    #expect(
      table.sections.map(\.heading) == [
        "International renown", "Consumption prosperity", "Commercial vitality", "Accessibility", "Policy leadership",
        "Dimension scores and index",
      ])
    let ids = table.sections.flatMap { $0.rows.map { $0[0] } }
    #expect(
      ids
        == [
          "global_city_rank", "inbound_tourists", "retail_sales", "landmark_districts", "consumer_satisfaction",
          "metro_km",
          "policy_innovation", "renown", "prosperity", "vitality", "accessibility", "policy", "index",
        ].map(ReportTable.Cell.text))
  }

  @Test(arguments: [
    (10, [2023, 2024, 2026, 2028, 2033]),
    (7, [2023, 2024, 2026, 2028, 2030]),
    (3, [2023, 2024, 2026]),
    (12, [2023, 2024, 2026, 2028, 2033, 2035]),
  ])
  func milestonesAreBasePlusOneThreeFiveTenAndTheLastYear(horizon: Int, expected: [Int]) throws {
    #expect(try YearSelection.milestones.resolve(baseYear: 2023, horizon: horizon) == expected)
  }

  /// Exact quantiles need no remark; sketched ones say their proven rank error.
  @Test func sketchedQuantilesCarryTheirRankError() throws {
    var run = try Fixtures.run()
    #expect(
      try ReportTable.projection(of: run, options: ReportOptions(language: .en)).notes == [
        "Cells: median [P5–P95] over Monte Carlo runs"
      ])
    run.quantileRankError = 0.0014
    #expect(
      try ReportTable.projection(of: run, options: ReportOptions(language: .en)).notes.last
        == "Quantiles from the mergeable sketch: rank error at most 0.14% of the runs")
    #expect(
      try ReportTable.projection(of: run, options: ReportOptions(language: .zh)).notes.last
        == "分位数来自可合并摘要，秩误差上限为模拟次数的 0.14%")
  }

  @Test func everyYearAndExplicitYears() throws {
    #expect(try YearSelection.every.resolve(baseYear: 2023, horizon: 10).count == 11)
    #expect(try YearSelection.years([2030, 2025]).resolve(baseYear: 2023, horizon: 10) == [2030, 2025])
    #expect(throws: ReportingError.yearOutsideResult(2040, first: 2023, last: 2033)) {
      try YearSelection.years([2030, 2040]).resolve(baseYear: 2023, horizon: 10)
    }
  }

  @Test func cellsCarryTheResultsNumbersUnchanged() throws {
    let run = try Fixtures.run()
    let table = try ReportTable.projection(of: run)
    let retail = try #require(table.sections.flatMap(\.rows).first { $0[0] == .text("retail_sales") })
    let point = try #require(run.series.first { $0.indicator == "retail_sales" && $0.year == 2033 })
    guard case .estimate(let value, let low, let high, _) = retail[retail.count - 1] else {
      Issue.record("expected an estimate cell")
      return
    }
    #expect((value, low, high) == (point.p50, point.p5, point.p95))
    #expect(retail[retail.count - 1].displayText == "29,038 [25,497–33,071]")
    #expect(retail[3].displayText == "18,516", "the base year's point interval is shown as the value alone")
  }

  @Test func aSingleStatisticGivesPlainNumbers() throws {
    let run = try Fixtures.run()
    let options = ReportOptions(language: .zh, years: .years([2033]), statistic: .single(.mean))
    let table = try ReportTable.projection(of: run, options: options)
    let index = try #require(table.sections.flatMap(\.rows).first { $0[0] == .text("index") })
    let mean = try #require(run.series.first { $0.indicator == "index" && $0.year == 2033 }?.mean)
    #expect(index[3] == .number(mean, NumberFormat(style: .score, decimals: 1)))
    #expect(table.columns[3].statistics == ["均值"])
  }

  @Test func aMissingValueIsReportedByOutputAndYear() throws {
    var run = try Fixtures.run()
    run.series.removeAll { $0.indicator == "metro_km" && $0.year == 2028 }
    #expect(throws: ReportingError.missingValue(output: "metro_km", year: 2028)) {
      try ReportTable.projection(of: run)
    }
  }

  @Test func comparisonTablesHaveOneTablePerAlternativeWithSignedDifferences() throws {
    let comparison = try Fixtures.comparison()
    let tables = try ReportTable.comparisons(of: comparison, options: ReportOptions(language: .en))
    #expect(
      tables.map(\.name) == [
        "shanghai-flagship", "shanghai-flagship-Programme cost", "shanghai-flagship-Cost-effectiveness",
        "shanghai-lean", "shanghai-lean-Programme cost", "shanghai-lean-Cost-effectiveness",
      ])
    let index = try #require(tables[3].sections.flatMap(\.rows).first { $0[0] == .text("index") })
    let difference = try #require(
      comparison.comparisons[1].differences.first { $0.indicator == "index" && $0.year == 2033 })
    #expect(index[index.count - 2].displayText == "-1.0 [-1.4 – -0.6]")
    #expect(index[index.count - 1] == .number(difference.probabilityHigher, NumberFormat(style: .percent, decimals: 1)))
    // Headed by titles only; the base year, where every difference is zero, left out.
    #expect(tables[0].title == "Shanghai flagship plan (test fixture) − Shanghai baseline (test fixture)")
    #expect(
      tables[0].displayColumns.map(\.column.title).dropFirst(2)
        == ["2024", "2026", "2028", "2033", "P(better than base) 2033"])
    let named = try ReportTable.comparisons(of: comparison, options: ReportOptions(years: .years([2023, 2030])))
    #expect(named[0].columns.map(\.title).contains("2023"), "a base year named in --years is shown")
    #expect(throws: ReportingError.statisticUnavailable("p25")) {
      try ReportTable.comparisons(of: comparison, options: ReportOptions(statistic: .single(.p25)))
    }
  }
}

/// The cost tables of a comparison: the totals beside each other, and the change per 100 亿元
/// as the fixture's figures give it (100 · mean change / mean cost difference), or "undefined"
/// when the plans cost the same.
@Suite struct ComparisonCostTableTests {
  @Test func costAndCostEffectivenessFollowEachAlternative() throws {
    let comparison = try Fixtures.comparison()
    let tables = try ReportTable.comparisons(of: comparison, options: ReportOptions(language: .en))
    let cost = tables[1].sections.flatMap(\.rows)
    #expect(
      cost[0].map(\.displayText) == ["Total", "6.5 [5.2–7.9]", "640.2 [512.2–774.6]", "633.7 [507.0–766.8]"])
    let flagship = tables[2].sections.flatMap(\.rows)
    let index = try #require(flagship.first { $0[0] == .text("index") })
    let change = try #require(
      comparison.comparisons[0].differences.first { $0.indicator == "index" && $0.year == 2033 })
    #expect(
      index[6] == .number(100 * change.mean / 633.7, NumberFormat.fitting([2.3, 0.36], unit: "score", signed: true)))
    let lean = tables[5].sections.flatMap(\.rows)
    #expect(lean.first { $0[0] == .text("index") }?[6] == .text("undefined"))
    #expect(tables[5].notes.contains("The plans cost the same: the change per 100 亿元 is undefined"))
    let chinese = try ReportTable.comparisons(of: comparison, options: ReportOptions(language: .zh))
    let plans = "上海·旗舰方案（测试数据）－上海·基准方案（测试数据）"
    let title = plans + "——项目成本（亿元）"
    #expect(chinese[1].title == title)
    #expect(chinese[5].sections.flatMap(\.rows).first { $0[0] == .text("index") }?[6] == .text("无定义"))
  }
}

/// CSV holds one rectangle per comparison, so the paired cost difference is its last section.
@Suite struct ComparisonCostInCSVTests {
  @Test func aRunsCostByYearIsTheLastSectionOfItsProjection() throws {
    let run = try Fixtures.run()
    let tables = try Exporter.tables(
      of: .run(run), for: .csv, options: ReportOptions(language: .en, statistic: .single(.p50)))
    #expect(tables.count == 1, "CSV holds one rectangle")
    let section = try #require(tables[0].sections.last)
    #expect(section.heading == "Programme cost" && section.rows[0][0] == .text("programme_cost"))
    let years = tables[0].columns.compactMap { Int($0.title) }
    #expect(!years.isEmpty && run.cost.contains { $0.p50 != 0 })
    for (k, year) in years.enumerated() {
      let point = try #require(run.cost.first { $0.year == year })
      guard case .number(let value, _) = section.rows[0][3 + k] else {
        Issue.record("year \(year): \(section.rows[0][3 + k])")
        continue
      }
      #expect(value == point.p50)
    }
  }

  @Test func theCostDifferenceByYearIsTheLastSectionOfEachAlternative() throws {
    let comparison = try Fixtures.comparison()
    let tables = try Exporter.tables(
      of: .comparison(comparison), for: .csv, options: ReportOptions(language: .en, statistic: .single(.p50)))
    #expect(tables.count == comparison.comparisons.count, "no separate cost tables in CSV")
    for (table, alternative) in zip(tables, comparison.comparisons) {
      let section = try #require(table.sections.last)
      #expect(section.heading == "Programme cost")
      let row = section.rows[0]
      #expect(row[0] == .text("programme_cost"))
      let cost = try #require(alternative.cost)
      let years = table.columns.compactMap { Int($0.title) }
      #expect(!years.isEmpty)
      for (k, year) in years.enumerated() {
        let point = try #require(cost.difference.byYear.first { $0.year == year })
        guard case .number(let value, _) = row[3 + k] else {
          Issue.record("year \(year): \(row[3 + k])")
          continue
        }
        #expect(value == point.p50)
      }
    }
  }
}

/// "Better than the base" follows the output's direction: for a rank, lower is better.
@Suite struct ProbabilityBetterTests {
  @Test func aRankIsBetterWhenLower() throws {
    var comparison = try Fixtures.comparison()
    let last = 2033
    func cell(_ id: String, in comparison: PlanComparison) throws -> ReportTable.Cell {
      let table = try ReportTable.comparisons(of: comparison, options: ReportOptions(language: .en))[0]
      let row = try #require(table.sections.flatMap(\.rows).first { $0[0] == .text(id) })
      return row[row.count - 1]
    }
    let rank = try #require(
      comparison.comparisons[0].differences.first { $0.indicator == "global_city_rank" && $0.year == last })
    #expect(rank.p50 < 0, "the flagship plan improves (lowers) the rank")
    #expect(try cell("global_city_rank", in: comparison).displayText == "99.9%")
    #expect(try cell("retail_sales", in: comparison).displayText == "99.9%")
    // The same numbers with the rank's direction unrecorded (an older result): no guess is shown.
    comparison.outputs = comparison.outputs.map {
      var output = $0; output.better = nil; return output
    }
    #expect(try cell("global_city_rank", in: comparison) == .empty)
  }

  @Test func differencesCarryBothShares() {
    let difference = Difference(
      indicator: "global_city_rank", year: 2033, mean: -1, sd: 0.2, p5: -1.3, p50: -1, p95: -0.7,
      probabilityHigher: 0.01, probabilityLower: 0.97)
    #expect(difference.probabilityBetter(.lower) == 0.97)
    #expect(difference.probabilityBetter(.higher) == 0.01)
    #expect(difference.probabilityBetter(nil) == nil)
  }
}
