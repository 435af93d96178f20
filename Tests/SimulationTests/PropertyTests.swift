import CityModel
import Foundation
import Simulation
import Stochastics
import Testing

/// Invariants checked on many generated scenarios (seeded, so a failure is reproducible by its
/// case number): results do not depend on the thread count, block size or sharding; the index
/// and dimension scores stay in [0, 100]; paired differences are antisymmetric; validation of
/// mutated shipped files never crashes.
@Suite struct PropertyTests {
  /// A small random scenario: two stocks, three responses with random drifts, elasticities,
  /// shocks and lags, random goalposts and weights, one policy and one stock intervention.
  static func generated(_ caseNumber: Int, policyEffect: Double? = nil) -> Scenario {
    let stream = RandomStream(seed: 4242, run: UInt64(caseNumber), key: StreamKey("property-scenario"))
    var k: UInt64 = 0
    func u() -> Double { k += 1; return stream.uniform(k) }
    func between(_ a: Double, _ b: Double) -> Double { a + (b - a) * u() }
    let lag = Int(u() * 3)
    let horizon = 1 + Int(between(0, 12))
    return ScenarioBuilder.scenario(
      id: "case-\(caseNumber)",
      indicators: [
        ScenarioBuilder.stock("metro_km", addition: .normal(mean: between(0, 40), sd: between(0, 10))),
        ScenarioBuilder.stock("landmark_districts", addition: .poisson(mean: between(0, 1))),
        ScenarioBuilder.response(
          "tourism_spending", drift: .normal(mean: between(-0.05, 0.1), sd: between(0, 0.03)),
          sd: .fixed(between(0, 0.1)), ar: .fixed(between(0, 0.9)), exposure: .fixed(between(0, 1))),
        ScenarioBuilder.response(
          "retail_sales", drift: .uniform(min: -0.02, max: between(-0.01, 0.08)), sd: .fixed(between(0, 0.05)),
          drivers: [
            Driver(from: "metro_km", elasticity: .triangular(min: 0, mode: between(0, 0.2), max: 0.3), lag: lag),
            Driver(from: "tourism_spending", elasticity: .normal(mean: between(0, 0.4), sd: 0.05)),
          ]),
        ScenarioBuilder.response(
          "consumer_satisfaction", drift: .normal(mean: between(-0.1, 0.2), sd: 0.05), sd: .fixed(between(0, 0.2))),
      ],
      baseline: [
        "metro_km": between(0, 900), "landmark_districts": Double(Int(between(0, 20))),
        "tourism_spending": between(100, 5000),
        "retail_sales": between(1000, 20000), "consumer_satisfaction": between(5, 95),
      ],
      interventions: [
        Intervention(
          id: "refund", action: .policy("refund"), start: 2023 + Int(between(1, 6)), ramp: Int(between(1, 4)),
          delay: .poisson(mean: 0.5)),
        Intervention(
          id: "district", action: .addToStocks([StockAddition(indicator: "landmark_districts", amount: .fixed(2))]),
          start: 2025, ramp: 2, cost: .triangular(min: 10, mode: 20, max: 50)),
      ],
      targets: [Target(output: "index", year: 2023 + horizon, bound: .atLeast(between(20, 80)))],
      policies: [
        Policy(
          id: "refund", name: LocalizedText(zh: "退税", en: "refund"),
          effects: [
            PolicyEffect(indicator: "retail_sales", effect: .uniform(min: 0, max: policyEffect ?? between(0, 0.1)))
          ])
      ],
      disruption: Disruption(probability: .fixed(between(0, 0.2)), size: .normal(mean: -0.3, sd: 0.1)),
      index: IndexSpecification(
        aggregation: u() < 0.5 ? .arithmetic : .geometric,
        dimensionWeights: [.prosperity: .uniform(min: 0.5, max: 2), .vitality: .fixed(between(0.1, 3))],
        goalposts: [
          "retail_sales": Goalpost(low: between(100, 5000), high: between(6000, 60000)),
          "consumer_satisfaction": Goalpost(low: between(1, 40), high: between(50, 99)),
          "metro_km": Goalpost(low: 0, high: between(100, 2000)),
          "tourism_spending": Goalpost(low: between(50, 500), high: between(1000, 20000)),
        ]),
      horizon: horizon, seed: UInt64(caseNumber))
  }

  static func json(_ result: RunResult) throws -> Data { try ResultCoding.encoder().encode(result) }

  @Test(arguments: 0..<12) func resultIsIndependentOfThreadsBlocksAndShards(caseNumber: Int) throws {
    let compiled = try CompiledScenario(Self.generated(caseNumber))
    let runs = 700 + caseNumber * 37
    let reference = MonteCarlo.run(compiled, options: MonteCarloOptions(runs: runs, threads: 1, blockSize: 1024))
    let parallel = MonteCarlo.run(
      compiled, options: MonteCarloOptions(runs: runs, threads: 2, blockSize: 64 + caseNumber))
    #expect(try Self.json(reference) == Self.json(parallel))
    let shards = 1 + caseNumber % 5
    let parts = (1...shards).map { k in
      (
        name: "part-\(k)",
        part: MonteCarlo.accumulate(
          compiled, shard: Shard(index: k, count: shards)!, options: MonteCarloOptions(runs: runs, threads: 2))
      )
    }
    let merged = MonteCarlo.finalise(try PartialRun.merge(parts.reversed()), threads: 2)
    #expect(try Self.json(reference) == Self.json(merged), "\(shards) shards")
  }

  @Test(arguments: 0..<12) func scoresStayWithinZeroAndHundred(caseNumber: Int) throws {
    let result = MonteCarlo.run(try CompiledScenario(Self.generated(caseNumber)), options: MonteCarloOptions(runs: 400))
    let scores = result.series.filter { ["index", "prosperity", "vitality", "accessibility"].contains($0.indicator) }
    #expect(!scores.isEmpty)
    for point in scores {
      #expect(
        [point.p5, point.p50, point.p95, point.mean].allSatisfy { (0...100).contains($0) },
        "\(point.indicator) \(point.year)")
    }
    #expect(result.targets.allSatisfy { (0...1).contains($0.probability) })
  }

  @Test(arguments: 0..<8) func pairedDifferencesAreAntisymmetric(caseNumber: Int) throws {
    let a = try CompiledScenario(Self.generated(caseNumber, policyEffect: 0.01))
    var other = Self.generated(caseNumber, policyEffect: 0.08)
    other.id = "other"
    let b = try CompiledScenario(other)
    let options = MonteCarloOptions(runs: 300, threads: 2)
    let ab = try MonteCarlo.compare(base: a, alternatives: [b], options: options).comparisons[0].differences
    let ba = try MonteCarlo.compare(base: b, alternatives: [a], options: options).comparisons[0].differences
    #expect(ab.count == ba.count)
    for (x, y) in zip(ab, ba) {
      #expect(x.mean == -y.mean, "\(x.indicator) \(x.year)")
      #expect(abs(x.p50 + y.p50) <= 1e-9 * max(1, abs(x.p50)))
    }
  }

  /// Random byte-level edits of the shipped scenario and model files: validation reports or
  /// accepts, and never crashes.
  @Test func validationSurvivesMutatedShippedFiles() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let originals = [
      "scenarios/shanghai-policy-first.yaml", "scenarios/models/icc-default.yaml", "scenarios/shanghai-baseline.yaml",
    ]
    .map { root.appendingPathComponent($0) }
    let scratch = root.appendingPathComponent("scenarios/.property-\(getpid()).yaml")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let stream = RandomStream(seed: 7, run: 0, key: StreamKey("mutations"))
    var draw: UInt64 = 0
    func next(_ bound: Int) -> Int { draw += 1; return Int(stream.uniform(draw) * Double(bound)) }
    var outcomes = 0
    for original in originals {
      let bytes = try [UInt8](Data(contentsOf: original))
      for _ in 0..<60 {
        var mutated = bytes
        for _ in 0..<(1 + next(8)) {
          let position = next(mutated.count)
          switch next(4) {
          case 0: mutated[position] = UInt8(next(256))
          case 1: mutated.remove(at: position)
          case 2:
            let syntax = Array(":-[]{}#&*!|>'\"%@`\n ".utf8)
            mutated.insert(syntax[next(syntax.count)], at: position)
          default:
            mutated.insert(
              contentsOf: mutated[position..<min(mutated.count, position + next(40))], at: next(mutated.count))
          }
        }
        try Data(mutated).write(to: scratch)
        do {
          _ = try validate(file: scratch)
        } catch is InputError {}
        outcomes += 1
      }
    }
    #expect(outcomes == 180)
  }
}
