import CityModel
import Foundation
import Stochastics
import Testing

@testable import Simulation

/// Splitting a run into shards and merging them gives the single-process result: byte for byte
/// while quantiles are exact, within the sketch's proven rank error beyond.
@Suite struct ShardMergeTests {
  static let compiled = Result { try CompiledScenario(ReproducibilityTests.uncertainScenario()) }

  /// Every shard of `count`, each written to JSON and read back as `merge` reads it.
  static func parts(
    _ compiled: CompiledScenario, count: Int, options: MonteCarloOptions
  ) throws -> [(name: String, part: PartialRun)] {
    try (1...count).map { k in
      let part = MonteCarlo.accumulate(compiled, shard: Shard(index: k, count: count)!, options: options)
      let decoded = try ResultCoding.decoder().decode(PartialRun.self, from: try part.encoded())
      return (name: "part-\(k).json", part: decoded)
    }
  }

  /// A fixed shuffle, so merging cannot depend on the parts arriving in shard order.
  static func shuffled<T>(_ items: [T]) -> [T] {
    var generator = SplitMix(seed: 42)
    return items.shuffled(using: &generator)
  }

  @Test func shardRangesPartitionTheRunsContiguously() throws {
    for (runs, count) in [(100_000, 16), (8000, 16), (17, 16), (1001, 7), (5, 5), (1, 1)] {
      let ranges = (1...count).map { Shard(index: $0, count: count)!.runs(of: runs) }
      #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == runs)
      #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
      let sizes = ranges.map(\.count)
      #expect(sizes.max()! - sizes.min()! <= 1, "\(runs)/\(count): \(sizes)")
    }
    // The formula ⌊(K−1)·R/N⌋ ..< ⌊K·R/N⌋ on the example of docs/clusters-and-shards.md.
    #expect(Shard(index: 2, count: 16)!.runs(of: 100_000) == 6250..<12500)
    #expect(Shard(index: 3, count: 7)!.runs(of: 1001) == 286..<429)
  }

  @Test func shardSpecificationsParse() {
    #expect(Shard("3/16") == Shard(index: 3, count: 16))
    for bad in ["0/16", "17/16", "3", "3/", "/16", "a/b", "3/16/2", "-1/4", "1/0"] {
      #expect(Shard(bad) == nil, "\(bad)")
    }
  }

  @Test func sixteenShardsMergeToTheSingleRunByteForByte() throws {
    let compiled = try Self.compiled.get()
    // 8,000 runs: below the exact-quantile limit (50,000); blocks of 256 so shard edges fall
    // inside blocks.
    let options = MonteCarloOptions(runs: 8000, threads: 2, blockSize: 256)
    let single = MonteCarlo.run(compiled, options: options)
    let parts = try Self.parts(compiled, count: 16, options: options)
    let merged = MonteCarlo.finalise(try PartialRun.merge(Self.shuffled(parts)), threads: 2)
    #expect(try ReproducibilityTests.json(merged) == ReproducibilityTests.json(single))
    // The merged state keeps the single pass's values in run order (its moments may differ in
    // the last bits; they are recomputed from these values).
    let whole = MonteCarlo.accumulate(compiled, shard: .whole, options: options)
    #expect(try PartialRun.merge(parts).summaries.map(\.quantiles) == whole.summaries.map(\.quantiles))
  }

  /// Beyond the exact limit every shard holds a sketch; the merged quantiles must have a true
  /// rank within the merged sketch's proven bound, the means and sds agree to rounding, and
  /// target counts are exact.
  @Test func sketchedShardsMergeWithinTheRankErrorBound() throws {
    let compiled = try Self.compiled.get()
    let runs = 60_000
    // Limit 1,000: each of the 8 shards (7,500 runs) exceeds it and the sketch's capacity of
    // 4,096 values per level, so shards compact and merged sketches differ from one pass.
    let options = MonteCarloOptions(runs: runs, threads: 2, exactQuantileLimit: 1000)
    let merged = try PartialRun.merge(Self.shuffled(try Self.parts(compiled, count: 8, options: options)))
    let exact = MonteCarlo.accumulate(
      compiled, shard: .whole, options: MonteCarloOptions(runs: runs, threads: 2, exactQuantileLimit: runs))
    let single = MonteCarlo.run(compiled, options: options)
    let result = MonteCarlo.finalise(merged, threads: 2)
    #expect(result.targets == single.targets)

    var largestBound = 0.0
    for (k, summary) in merged.summaries.enumerated() {
      let bound = summary.rankErrorBound
      largestBound = max(largestBound, bound)
      let sorted = exact.summaries[k].quantiles.exactValuesInOrder!.sorted()
      let statistics = summary.statistics()
      for (p, value) in zip(SeriesStatistics.probabilities, statistics.quantiles) {
        let rank = Double(runs - 1) * p
        let lowest = sorted[max(0, Int((rank - bound).rounded(.down)))]
        let highest = sorted[min(runs - 1, Int((rank + bound).rounded(.up)))]
        #expect(
          lowest <= value && value <= highest,
          "series \(k) p\(p): \(value) outside [\(lowest), \(highest)] (bound \(bound))")
      }
      // Mean and sd: Chan's merge against the moments of all the values at once. Each of the
      // 7 merges adds a relative rounding error of a few ulps (~1e-16); 1e-12 leaves room for
      // cancellation in the sd of nearly constant series, scaled by the series' magnitude.
      let reference = exact.summaries[k].statistics()
      let scale = max(abs(reference.mean), reference.sd, 1)
      #expect(abs(statistics.mean - reference.mean) <= 1e-12 * scale, "series \(k) mean")
      #expect(abs(statistics.sd - reference.sd) <= 1e-12 * scale, "series \(k) sd")
    }
    // The bound is real (shards did compact) and small: QuantileSummary documents about
    // (levels)·n/(k − 1), here well under 1 % of the runs.
    #expect(largestBound > 0 && largestBound < 0.01 * Double(runs), "bound \(largestBound)")
    // The result reports that largest bound as a fraction of the runs; exact results report 0.
    #expect(result.quantileRankError == largestBound / Double(runs))
    #expect(MonteCarlo.finalise(exact, threads: 2).quantileRankError == 0)
  }

  // MARK: - Parts that do not belong together

  static func smallParts(
    seed: UInt64? = nil, runs: Int = 400, count: Int = 4
  ) throws -> [(name: String, part: PartialRun)] {
    var scenario = ReproducibilityTests.uncertainScenario()
    if let seed { scenario.seed = seed }
    return try parts(try CompiledScenario(scenario), count: count, options: MonteCarloOptions(runs: runs, threads: 2))
  }

  static func mergeError(_ parts: [(name: String, part: PartialRun)]) -> String? {
    do {
      _ = try PartialRun.merge(parts)
      return nil
    } catch {
      return (error as? SimulationError)?.description
    }
  }

  @Test func missingShardsAreNamedByTheirRuns() throws {
    let parts = try Self.smallParts()
    #expect(Self.mergeError([parts[0], parts[2], parts[3]]) == "runs 100..<200 (shard 2/4) are missing")
    #expect(
      Self.mergeError([parts[2]])
        == "runs 0..<100 (shard 1/4), 100..<200 (shard 2/4), 300..<400 (shard 4/4) are missing")
  }

  @Test func aDuplicatedShardNamesBothParts() throws {
    let parts = try Self.smallParts()
    let copy = (name: "copy-of-part-3.json", part: parts[2].part)
    #expect(
      Self.mergeError(parts + [copy]) == "part-3.json and copy-of-part-3.json both hold shard 3/4 (runs 200..<300)")
  }

  @Test func aForeignPartIsNamed() throws {
    let parts = try Self.smallParts()
    let otherSeed = (name: "other-seed.json", part: try Self.smallParts(seed: 99)[1].part)
    #expect(
      Self.mergeError([parts[0], otherSeed, parts[2], parts[3]])
        == "other-seed.json is not a part of the same job as part-1.json: seed 99 differs from 20261126")
    let otherRuns = (name: "other-runs.json", part: try Self.smallParts(runs: 800)[1].part)
    #expect(
      Self.mergeError([parts[0], otherRuns, parts[2], parts[3]])
        == "other-runs.json is not a part of the same job as part-1.json: run count 800 differs from 400")
    let otherSplit = (name: "of-five.json", part: try Self.smallParts(count: 5)[1].part)
    #expect(
      Self.mergeError([parts[0], otherSplit])
        == "of-five.json is not a part of the same job as part-1.json: shard count 5 differs from 4")

    let compiled = try CompiledScenario(ReproducibilityTests.uncertainScenario())
    let otherLimit = (
      name: "other-limit.json",
      part: try Self.parts(
        compiled, count: 4, options: MonteCarloOptions(runs: 400, threads: 2, exactQuantileLimit: 50))[1].part
    )
    #expect(
      Self.mergeError([parts[0], otherLimit, parts[2], parts[3]])
        == "other-limit.json is not a part of the same job as part-1.json: outputs, goalposts, years, targets or "
        + "quantile limits differ"
    )

    var renamed = parts[3]
    renamed.name = "renamed.json"
    renamed.part.scenario = "alt"
    #expect(
      Self.mergeError([parts[0], parts[1], parts[2], renamed])
        == "renamed.json is not a part of the same job as part-1.json: scenario 'alt' differs from 'base'")
  }

  /// The streaming merge checks every header before loading any part, then loads the parts one
  /// at a time in shard order, whatever order the files were named in.
  @Test func headersAreCheckedFirstAndPartsLoadedInShardOrder() throws {
    let parts = Self.shuffled(try Self.smallParts(count: 6))
    var loaded: [Int] = []
    let merged = try PartialRun.merge(headers: parts.map { ($0.name, $0.part.header) }) { i in
      loaded.append(parts[i].part.shard.index)
      return parts[i].part
    }
    #expect(loaded == Array(1...6))
    #expect(merged == (try PartialRun.merge(parts)))
    var foreign = parts
    foreign[3].part.seed = 99
    loaded = []
    #expect(throws: SimulationError.self) {
      try PartialRun.merge(headers: foreign.map { ($0.name, $0.part.header) }) { i in
        loaded.append(i)
        return foreign[i].part
      }
    }
    #expect(loaded.isEmpty)
  }

  @Test func partsWithOtherInputsAreForeign() throws {
    var parts = try Self.smallParts()
    func manifest(_ hash: String) -> RunManifest {
      RunManifest(
        version: "0.1.0", command: ["iccsim"], seed: 20261126, inputs: [InputFile(path: "scenario.yaml", sha256: hash)],
        threads: 2, elapsedSeconds: 0, host: "h", date: "d")
    }
    for k in parts.indices { parts[k].part.meta = manifest(String(repeating: "a", count: 64)) }
    #expect(Self.mergeError(parts) == nil)
    parts[2].part.meta = manifest(String(repeating: "b", count: 64))
    #expect(
      Self.mergeError(parts)
        == "part-3.json is not a part of the same job as part-1.json: input scenario.yaml has SHA-256 "
        + "bbbbbbbbbbbb…, scenario.yaml there has aaaaaaaaaaaa…"
    )
  }

  @Test func aPartWhoseRangeContradictsItsShardIsRejected() throws {
    var parts = try Self.smallParts()
    parts[1].part.shard.runs = 150..<250
    #expect(
      Self.mergeError(parts) == "part-2.json: shard 2/4 of 400 runs should hold runs 100..<200 but holds 150..<250")
    var truncated = try Self.smallParts()
    truncated[3].part.targets[0].met = 1000
    #expect(
      Self.mergeError(truncated)
        == "part-4.json: the summaries do not match the 100 runs of shard 4/4 (a damaged file?)")
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator for reproducible shuffles.
private struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Kept exact values are bounded for the whole job: 512 MiB over all series.
@Suite struct ExactValueBudgetTests {
  @Test func theExactLimitShrinksOnlyForJobsWithManySeries() {
    // The default model: 30 outputs and the cost over 11 years.
    #expect(SummaryBank.exactLimit(50_000, series: 341) == 50_000)
    // compare with five alternatives of the default model: 5 × 341 series.
    #expect(SummaryBank.exactLimit(50_000, series: 1705) == (512 << 20) / (8 * 1705))
    #expect(SummaryBank.exactLimit(50_000, series: 1705) * 1705 * 8 <= 512 << 20)
    #expect(SummaryBank.exactLimit(1_000, series: 1705) == 1_000, "a smaller request stands")
    let bank = SummaryBank(count: 1705)
    #expect(bank.all().allSatisfy { $0.limits == [SummaryBank.exactLimit(50_000, series: 1705), 4096] })
  }
}
