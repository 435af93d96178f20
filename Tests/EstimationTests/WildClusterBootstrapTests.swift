import Foundation
import Testing

@testable import Estimation

/// The wild cluster bootstrap against the reference package wildboottest 0.3.2 on committed
/// fixtures (Fixtures/make_wild_bootstrap_fixtures.py). Tolerances: with 8 clusters every
/// Rademacher sign vector is enumerated by both, so t, the p-value and the interval ends (jumps
/// of the p-value found by bisection) agree to rounding: 1e-10 relative for t, exactly for p (a
/// multiple of 1/256), 1e-8 of the standard error for the ends. With 20 clusters and 9,999
/// random draws each side uses its own draws: the p-values agree within 0.02 (the standard
/// deviation of the difference of two estimates is at most 0.007) and the ends within 5 % of
/// the interval's half-width (the Monte Carlo error of a 95 % bootstrap-t end is about 1 %).
@Suite("Wild cluster bootstrap")
struct WildClusterBootstrapTests {
  static func bootstrap(
    _ name: String, weights: WildClusterBootstrap.Weights, seed: UInt64 = 1
  ) throws -> (
    WildClusterBootstrap, [[String: Any]], Regression
  ) {
    let reference = try FixtureFiles.json("wild-bootstrap.json")[name] as! [String: Any]
    let data = try DataTable.read(path: FixtureFiles.path(reference["file"] as! String))
    let design = try Design(formula: Formula(parsing: "y ~ x + z"), data: data, clusters: ["city"])
    let regression = try Regression(fitting: design, covariance: .cluster(column: "city"))
    let result = try WildClusterBootstrap(design: design, weights: weights, draws: 9_999, seed: seed)
    return (result, reference["tests"] as! [[String: Any]], regression)
  }

  @Test func enumeratedRademacherMatchesTheReferenceToRounding() throws {
    let (result, reference, regression) = try Self.bootstrap("rademacher_enumerated", weights: .rademacher)
    #expect(result.enumerated && result.draws == 256 && result.clusterCount == 8)
    #expect(result.tests.map(\.term) == ["x", "z"])
    for (test, expected) in zip(result.tests, reference) {
      let se = expected["cluster_se"] as! Double
      #expect(abs(regression.coefficient(test.term)!.standardError - se) <= 1e-10 * se)
      #expect(abs(test.t - (expected["t"] as! Double)) <= 1e-10 * abs(test.t), "\(test.term)")
      #expect(test.pValue == expected["p_value"] as! Double, "\(test.term)")
      #expect(abs(test.confidenceLow - (expected["ci_low"] as! Double)) <= 1e-8 * se, "\(test.term)")
      #expect(abs(test.confidenceHigh - (expected["ci_high"] as! Double)) <= 1e-8 * se, "\(test.term)")
    }
  }

  @Test(arguments: [("rademacher_random", WildClusterBootstrap.Weights.rademacher), ("webb_random", .webb)])
  func randomWeightsMatchTheReferenceWithinMonteCarloError(
    _ name: String, _ weights: WildClusterBootstrap.Weights
  )
    throws
  {
    let (result, reference, _) = try Self.bootstrap(name, weights: weights)
    #expect(!result.enumerated && result.draws == 9_999 && result.clusterCount == 20)
    for (test, expected) in zip(result.tests, reference) {
      let low = expected["ci_low"] as! Double, high = expected["ci_high"] as! Double
      let halfWidth = (high - low) / 2
      #expect(abs(test.t - (expected["t"] as! Double)) <= 1e-10 * abs(test.t), "\(test.term)")
      #expect(abs(test.pValue - (expected["p_value"] as! Double)) <= 0.02, "\(test.term)")
      #expect(abs(test.confidenceLow - low) <= 0.05 * halfWidth, "\(test.term)")
      #expect(abs(test.confidenceHigh - high) <= 0.05 * halfWidth, "\(test.term)")
    }
  }

  @Test func theSeedMakesRandomDrawsReproducible() throws {
    let first = try Self.bootstrap("webb_random", weights: .webb, seed: 7).0
    let again = try Self.bootstrap("webb_random", weights: .webb, seed: 7).0
    let other = try Self.bootstrap("webb_random", weights: .webb, seed: 8).0
    #expect(first.tests == again.tests)
    #expect(first.tests != other.tests)
  }

  @Test func webbWeightsTakeSixEquallyLikelyValuesOfMeanZeroAndVarianceOne() {
    let v = WildClusterBootstrap.drawn(.webb, groups: 10, draws: 6_000, seed: 3)
    let values = v.elements
    #expect(Set(values.map { ($0 * 1e6).rounded() }).count == 6)
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.reduce(0) { $0 + $1 * $1 } / Double(values.count)
    #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.03)
  }

  @Test func theBootstrapNeedsOneWayClustering() throws {
    let data = try DataTable.read(path: FixtureFiles.path("wild-bootstrap-enumerated.csv"))
    let design = try Design(formula: Formula(parsing: "y ~ x"), data: data)
    #expect(throws: EstimationError.self) {
      try WildClusterBootstrap(design: design, weights: .rademacher, draws: 99, seed: 1)
    }
  }
}
