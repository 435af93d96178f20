import Analysis
import Foundation
import Testing

/// `ForecastScore` against properscoring's `crps_ensemble` and numpy's percentiles
/// (`Fixtures/forecast_scores_reference.py` wrote the JSON), and Wilson intervals against
/// their closed form.
@Suite struct ForecastScoreTests {
  struct Case: Decodable {
    var ensemble: [Double]
    var observed: Double
    var crps: Double
    var pit: Double
    var quantiles: [Double]
  }

  static func cases() throws -> [Case] {
    let url = try #require(
      Bundle.module.url(forResource: "forecast_scores_reference", withExtension: "json", subdirectory: "Fixtures"))
    struct File: Decodable { var cases: [Case] }
    return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
  }

  @Test func agreesWithProperscoringAndNumpy() throws {
    for reference in try Self.cases() {
      let score = ForecastScore(runs: reference.ensemble.reversed(), observed: reference.observed)
      // Sums of up to 1,000 terms: agreement to 1e-12 relative to the scale of the values.
      let scale = max(1, reference.ensemble.map(abs).max() ?? 1)
      #expect(abs(score.crps - reference.crps) <= 1e-12 * scale, "n = \(reference.ensemble.count)")
      #expect(score.pit == reference.pit)
      let quantiles = [score.p5, score.p25, score.p50, score.p75, score.p95]
      for (mine, theirs) in zip(quantiles, reference.quantiles) { #expect(abs(mine - theirs) <= 1e-12 * scale) }
    }
  }

  /// Wilson (1927): for 45 of 50 at z = 1.96, (0.7863, 0.9565) (centre (p + z²/2n)/(1 + z²/n)).
  @Test func wilsonIntervalMatchesTheClosedForm() {
    let interval = WilsonInterval(successes: 45, of: 50)
    #expect(abs(interval.low - 0.786_3) < 1e-4 && abs(interval.high - 0.956_5) < 1e-4)
    let all = WilsonInterval(successes: 20, of: 20)
    #expect(all.high == 1 && abs(all.low - 0.838_9) < 1e-4)
  }
}
