import CityModel
import Simulation
import Stochastics
import Testing

/// Drawing estimated elasticities touches nothing but those elasticities: over generated
/// scenarios, adding an estimates set for a response R leaves every base-year output exactly as
/// it was (indicators constant at their base values) and every output that R does not drive —
/// directly or through the graph — bit-identical, summary by summary, in every year.
@Suite struct EstimatedElasticityIsolationTests {
  /// Responses of `PropertyTests.generated` and what each one's change reaches: itself and the
  /// responses it drives (retail sales is driven by tourism spending at lag 0).
  static let downstream: [String: Set<String>] = [
    "tourism_spending": ["tourism_spending", "retail_sales"],
    "retail_sales": ["retail_sales"],
    "consumer_satisfaction": ["consumer_satisfaction"],
  ]

  /// An estimates set for one of the generated scenario's responses, with drivers among the
  /// stocks (any lag; they cannot close a cycle) and a random positive-definite covariance.
  static func estimates(for caseNumber: Int) -> EstimateSet {
    let stream = RandomStream(seed: 99, run: UInt64(caseNumber), key: StreamKey("estimates-isolation"))
    var k: UInt64 = 0
    func u() -> Double { k += 1; return stream.uniform(k) }
    let response = ["tourism_spending", "retail_sales", "consumer_satisfaction"][caseNumber % 3]
    let terms = [
      EstimateSet.Term(driver: "metro_km", lag: Int(u() * 3)),
      EstimateSet.Term(driver: "landmark_districts", lag: Int(u() * 2)),
    ]
    let a = 0.01 + 0.05 * u(), b = 0.01 + 0.05 * u(), c = (u() - 0.5) * 0.8
    let covariance = [[a * a, c * a * b], [c * a * b, b * b]]
    return EstimateSet(
      response: response, terms: terms, coefficients: [0.2 * u(), 0.3 * u()], covariance: covariance,
      covarianceType: "cluster:city")
  }

  @Test(arguments: 0..<24) func estimatesTouchOnlyWhatTheirResponseDrives(caseNumber: Int) throws {
    let plain = PropertyTests.generated(caseNumber)
    var estimated = plain
    let set = Self.estimates(for: caseNumber)
    estimated.model.estimates = [set]
    let options = MonteCarloOptions(runs: 300, threads: 2)
    let before = MonteCarlo.run(try CompiledScenario(plain), options: options)
    let after = MonteCarlo.run(try CompiledScenario(estimated), options: options)

    let reached = Self.downstream[set.response] ?? []
    let catalogue = ScenarioBuilder.catalogue
    let reachedDimensions = Set(reached.compactMap { catalogue[$0]?.dimension.rawValue })
    func isReached(_ output: String) -> Bool {
      reached.contains(output) || reachedDimensions.contains(output) || (output == "index" && !reached.isEmpty)
    }
    #expect(before.series.count == after.series.count)
    for (old, new) in zip(before.series, after.series) {
      #expect(old.indicator == new.indicator && old.year == new.year)
      if new.year == plain.baseYear || !isReached(new.indicator) {
        #expect(old == new, "case \(caseNumber), R = \(set.response): \(new.indicator) \(new.year) moved")
      }
      if new.year == plain.baseYear, let base = plain.baseline[new.indicator] {
        #expect(new.p5 == base && new.p95 == base, "\(new.indicator) is not constant in the base year")
      }
    }
    #expect(before.cost == after.cost)
    // The estimated response itself does move once its driver has changed.
    let last = plain.baseYear + plain.horizon
    #expect(before.point(set.response, last) != after.point(set.response, last) || plain.horizon < 3)
  }
}
