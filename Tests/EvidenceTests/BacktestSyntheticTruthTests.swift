import Analysis
import CityModel
import Estimation
import Testing

/// A backtest on panels simulated from a known model: with the true model the 90 % fans cover
/// about 90 % of over a thousand held-out points, and a model whose shocks are too small (σ
/// halved) is shown to under-cover.
@Suite struct BacktestSyntheticTruthTests {
  static let truth = SyntheticPanel.Truth()

  static func backtest(_ model: Model, conditional: Bool = false, originState: Bool = true) throws -> Backtest {
    let data = try SyntheticPanel.table(Self.truth, replicate: 7, cities: 40, years: 15, firstYear: 2010, burnIn: 10)
    return try Backtest(
      model: model, data: data,
      options: .init(
        origins: 2015...2019, horizons: 1...5, runs: 400, seed: 3, conditional: conditional,
        originState: originState, threads: 2))
  }

  static func overall(_ backtest: Backtest, _ indicator: String) throws -> Backtest.Summary {
    try #require(backtest.summary.first { $0.indicator == indicator && $0.horizon == nil })
  }

  @Test func trueModelCoversNinetyPercent() throws {
    let result = try Self.backtest(SyntheticPanel.model(Self.truth))
    let retail = try Self.overall(result, "retail_sales")
    #expect(retail.n == 40 * 5 * 5)
    #expect((0.86...0.94).contains(retail.coverage90), "retail P5–P95 coverage \(retail.coverage90) over \(retail.n)")
    #expect((0.43...0.57).contains(retail.coverage50), "retail P25–P75 coverage \(retail.coverage50)")
    let metro = try Self.overall(result, "metro_km")
    #expect((0.86...0.94).contains(metro.coverage90), "metro P5–P95 coverage \(metro.coverage90)")
    // Conditional on the observed metro paths the response equation alone is tested.
    let conditional = try Self.overall(
      try Self.backtest(SyntheticPanel.model(Self.truth), conditional: true), "retail_sales")
    #expect((0.86...0.94).contains(conditional.coverage90), "conditional coverage \(conditional.coverage90)")
    #expect(
      try Self.backtest(SyntheticPanel.model(Self.truth), conditional: true).points.allSatisfy {
        $0.indicator == "retail_sales"
      })
  }

  /// Starting every response at its path (ε(0) = 0) ignores where the AR(1) deviation stood at
  /// the origin: the fans are then too narrow by construction (about 78 % instead of 90 %).
  @Test func ignoringTheOriginStateUnderCovers() throws {
    let stateless = try Self.overall(
      try Self.backtest(SyntheticPanel.model(Self.truth), originState: false), "retail_sales")
    #expect(stateless.coverage90Interval.high < 0.86, "coverage \(stateless.coverage90) without the origin state")
  }

  @Test func overconfidentModelIsFlaggedAsUnderCovering() throws {
    var narrow = Self.truth
    narrow.sigma /= 2
    let retail = try Self.overall(try Self.backtest(SyntheticPanel.model(narrow)), "retail_sales")
    #expect(
      retail.coverage90Interval.high < 0.86, "σ halved: coverage \(retail.coverage90) (\(retail.coverage90Interval))")
  }
}
