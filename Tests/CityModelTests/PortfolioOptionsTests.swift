import Foundation
import Testing

@testable import CityModel

/// Options files of `iccsim optimise`: candidates read as scenario interventions with their
/// alternatives, the budget and the objectives, and every mistake at its file:line:column.
@Suite("portfolio options")
struct PortfolioOptionsTests {
  let base =
    Fixture.scenario + """
      interventions:
        - {id: existing, policy: refund, start: 2024}
      targets:
        - {indicator: retail_sales, year: 2030, at_least: 25000}
        - {indicator: index, year: 2033, at_least: 60}

      """

  func load(_ options: String) throws -> PortfolioOptions {
    let folder = try TestFolder(Fixture.files(["s.yaml": base, "options.yaml": options]))
    let scenario = try Scenario.load(from: folder.file("s.yaml"))
    return try PortfolioOptions.load(from: folder.file("options.yaml"), base: scenario)
  }

  func problems(_ options: String) -> [String] {
    do {
      _ = try load(options)
      return []
    } catch let error as InputError {
      return error.problems.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.message)" }
    } catch {
      return ["unexpected error: \(error)"]
    }
  }

  @Test func candidatesWithAlternativesBudgetAndTwoObjectives() throws {
    let options = try load(
      """
      candidates:
        - id: metro
          adds: {metro_km: {triangular: {min: 50, mode: 100, max: 120}}}
          starts: [2025, 2027]
          scales: [0.5, 1, 2]
          ramp: 3
          cost: {uniform: {min: 90, max: 110}}
        - {id: refund-2, policy: refund, start: 2026, cost: 2}
      budget: {limit: 300, measure: p90}
      objective:
        - {targets: all}
        - {quantile: 0.1, of: index, year: 2030}
      """)
    #expect(options.candidates.map(\.id) == ["metro", "refund-2"])
    let metro = options.candidates[0]
    #expect(metro.starts == [2025, 2027] && metro.scales == [0.5, 1, 2])
    #expect(metro.alternatives.count == 6 && options.candidates[1].alternatives.count == 1)
    let doubled = metro.intervention(PortfolioCandidate.Alternative(start: 2027, scale: 2))
    #expect(doubled.start == 2027 && doubled.ramp == 3)
    #expect(doubled.cost == .uniform(min: 180, max: 220))
    guard case .addToStocks(let additions) = doubled.action else {
      Issue.record("expected stock additions")
      return
    }
    #expect(additions[0].amount == .triangular(min: 100, mode: 200, max: 240))
    #expect(options.budget == PortfolioBudget(limit: 300, measure: .p90))
    #expect(
      options.objectives == [.targetsMet(ids: nil), .quantile(probability: 0.1, output: "index", year: 2030)])
  }

  @Test(arguments: [
    (
      "candidates:\n  - {id: a, policy: refund, start: 2025}\n  - {id: a, policy: refund, start: 2026}\n",
      "3:5: candidate id 'a' is used twice (first at line 2)"
    ),
    (
      "candidates:\n  - {id: existing, policy: refund, start: 2025}\n",
      "2:5: candidate id 'existing' is an intervention of the base scenario already"
    ),
    ("candidates:\n  - {id: a, adds: {metro_km: 5}, starts: [2025, 2040]}\n", "2:49: a start year must lie in"),
    ("candidates:\n  - {id: a, adds: {metro_km: 5}, starts: [2025, 2025]}\n", "2:49: start 2025 is listed twice"),
    ("candidates:\n  - {id: a, adds: {metro_kn: 5}, start: 2025}\n", "2:20: unknown indicator 'metro_kn'"),
    (
      "candidates:\n  - {id: a, policy: refund, start: 2025, scales: [1, 2]}\n",
      "2:54: candidate 'a' cannot be scaled: 'refund' is a policy"
    ),
    (
      "candidates:\n  - {id: a, adds: {metro_km: {poisson: {mean: 3}}}, start: 2025, scales: [2]}\n",
      "cannot be scaled: the amount added to metro_km is a Poisson distribution"
    ),
    (
      "candidates:\n  - {id: a, adds: {metro_km: 5}, start: 2025, starts: [2026]}\n",
      "a candidate has start or starts (the alternatives), not both"
    ),
    (
      "candidates:\n  - {id: a, adds: {metro_km: 5}, start: 2025}\nobjective: {targets: [index:2031]}\n",
      "3:12: unknown target 'index:2031'"
    ),
    (
      "candidates:\n  - {id: a, adds: {metro_km: 5}, start: 2025}\nobjective: {quantile: 0.1, of: gdp, year: 2030}\n",
      "unknown output 'gdp'"
    ),
    (
      "candidates:\n  - {id: a, adds: {metro_km: 5}, start: 2025}\nbudget: {limit: -3}\n",
      "3:17: a budget limit must be > 0"
    ),
    ("candidates:\n  - {id: a, adds: {metro_km: 5}, start: 2025, scale: 2}\n", "unknown key 'scale' in a candidate"),
  ])
  func mistakesAreReportedWhereTheyAre(options: String, expected: String) {
    let found = problems(options)
    #expect(found.contains { $0.contains(expected) }, "\(found)")
  }
}
