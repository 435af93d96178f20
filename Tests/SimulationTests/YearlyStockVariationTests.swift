import CityModel
import Foundation
import LinearAlgebra
import Simulation
import Stochastics
import Testing

/// A stock's yearly variation around its rate (`yearly:`), against closed forms: with a fixed
/// rate r and no interventions, X(H) − X(0) is H·r exactly (`none`), Poisson(H·r) (`poisson`, a
/// sum of H independent Poisson(r) additions) or N(H·r, H·s²) (`{sd: s}`, while X stays > 0).
@Suite struct YearlyStockVariationTests {
  static func run(_ yearly: YearlyVariation, rate: Double, base: Double, runs: Int) throws -> RunResult {
    let scenario = ScenarioBuilder.scenario(
      indicators: [ScenarioBuilder.stock("landmark_districts", addition: .fixed(rate), yearly: yearly)],
      baseline: ["landmark_districts": base])
    return try ScenarioBuilder.run(scenario, runs: runs)
  }

  @Test func withoutVariationTheRateIsAddedEveryYear() throws {
    let result = try Self.run(.none, rate: 1.0 / 3, base: 5, runs: 50)
    let end = result.point("landmark_districts", 2033)
    #expect(abs(end.p5 - (5 + 10.0 / 3)) < 1e-12 && end.sd < 1e-12)
  }

  /// "One district every three years": a median of 3 added over ten years, not zero, and the
  /// Poisson(10/3) law — mean and variance 10/3, P(none added) = e^(−10/3) — within 5 standard errors.
  @Test func poissonAddsWholeUnitsAtTheRate() throws {
    let runs = 40_000
    let result = try Self.run(.poisson, rate: 1.0 / 3, base: 5, runs: runs)
    let lambda = 10.0 / 3
    let end = result.point("landmark_districts", 2033)
    #expect(end.p50 == 5 + 3)
    #expect(abs(end.mean - (5 + lambda)) < 5 * (lambda / Double(runs)).squareRoot())
    // Var of the sample variance of a Poisson: (λ + 2λ²)/n approximately (fourth central moment λ + 3λ²).
    #expect(abs(end.sd * end.sd - lambda) < 5 * ((lambda + 2 * lambda * lambda) / Double(runs)).squareRoot())
    #expect(end.p5 == 5 + 1 && end.p95 == 5 + Distribution.poisson(mean: lambda).quantile(0.95))
    for year in 2023...2033 {
      let point = result.point("landmark_districts", year)
      #expect([point.p5, point.p25, point.p50, point.p75, point.p95].allSatisfy { $0 == $0.rounded() })
    }
  }

  @Test func normalVariationAccumulatesVariance() throws {
    let (rate, sd, runs) = (20.0, 8.0, 40_000)
    let result = try Self.run(.normal(sd: .fixed(sd)), rate: rate, base: 800, runs: runs)
    for h in [1, 4, 10] {
      let point = result.point("landmark_districts", 2023 + h)
      let exactSD = sd * Double(h).squareRoot()
      #expect(abs(point.mean - (800 + rate * Double(h))) < 5 * exactSD / Double(runs).squareRoot(), "h=\(h)")
      #expect(abs(point.sd / exactSD - 1) < 5 / Double(2 * runs).squareRoot(), "h=\(h)")
    }
  }

  /// Yearly variation is noise: the same path for a stock whatever else the scenario holds, and
  /// switched off (every year adds its rate) under the sensitivity methods' zero-noise policy.
  @Test func zeroNoiseDesignAddsTheRate() throws {
    let scenario = ScenarioBuilder.scenario(
      indicators: [ScenarioBuilder.stock("landmark_districts", addition: .uniform(min: 0, max: 1), yearly: .poisson)],
      baseline: ["landmark_districts": 2])
    let compiled = try CompiledScenario(scenario)
    let points = Matrix(rowMajor: [[0.2], [0.5], [0.9]])
    let path = "landmark_districts.annual_addition"
    let zero = try DesignSampler(scenario: compiled, paths: [path], points: points, noise: .zero)
    let end = [OutputYear(output: "landmark_districts", year: 2033)]
    let values = try compiled.evaluate(zero, values: end, threads: 2).values
    for (row, rate) in [0.2, 0.5, 0.9].enumerated() {
      #expect(abs(values[row, 0] - (2 + 10 * rate)) < 1e-12)
    }
    // With common noise, the additions are whole numbers again.
    let common = try DesignSampler(scenario: compiled, paths: [path], points: points, noise: .common)
    let drawn = try compiled.evaluate(common, values: end, threads: 2).values
    #expect((0..<3).allSatisfy { drawn[$0, 0] == drawn[$0, 0].rounded() })
  }
}
