import CityModel
import Foundation

/// The mergeable state of a Monte Carlo run over one shard's runs: per output and year the
/// moments and the quantile summary (exact values up to the exact limit, the sketch beyond), the
/// target counters and first-met histograms, and what is needed to finalise a `RunResult`
/// without the scenario. `iccsim run --shard K/N` writes it; `iccsim merge` combines all N.
///
/// In JSON it is an object with `"kind": "iccsim-partial-run"`, never mistaken for a result.
public struct PartialRun: Codable, Sendable, Equatable {
  public static let kindTag = "iccsim-partial-run"

  /// Always `kindTag`.
  public var kind: String
  public var scenario: String
  public var title: LocalizedText
  public var city: String
  public var baseYear: Int
  public var horizon: Int
  public var seed: UInt64
  /// Runs of the whole job, over all shards.
  public var runs: Int
  public var sampling: Sampling
  public var shard: ShardRuns
  public var outputs: [OutputInfo]
  /// Each target with the number of this shard's runs that meet it and the first-met histogram.
  public var targets: [TargetCount]
  /// Series in result order: for each output (then the programme cost), each year.
  var summaries: [SeriesSummary]
  /// Numerical problems met in this shard's runs (see `RunResult.diagnostics`).
  public var diagnostics: [NumericalDiagnostic]
  /// The manifest of the shard's run (its input files' SHA-256 let `merge` check they match).
  public var meta: RunManifest?
  /// The goalposts of the indicators in the index, to tell when a median passes one; nil in
  /// partial results written before they were recorded.
  public var goalposts: [IndexGoalpost]?

  /// The JSON of a partial result: the results' encoding, compact, since a shard keeps every
  /// value while quantiles are exact.
  public func encoded() throws -> Data {
    let encoder = ResultCoding.encoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }

  /// The number of years per series: base year … base year + horizon.
  var years: Int { horizon + 1 }
}

/// Which shard a partial result holds, and that shard's runs.
public struct ShardRuns: Codable, Sendable, Equatable {
  public var index: Int
  public var count: Int
  /// Runs lo..<hi of the job (JSON: `[lo, hi]`).
  public var runs: Range<Int>

  init(_ shard: Shard, totalRuns: Int) {
    index = shard.index
    count = shard.count
    runs = shard.runs(of: totalRuns)
  }

  var shard: Shard? { Shard(index: index, count: count) }
}

/// A target and how many runs meet it: in its year, and first in each year.
public struct TargetCount: Codable, Sendable, Equatable {
  public var indicator: String
  public var year: Int
  public var atLeast: Double?
  public var atMost: Double?
  /// Runs meeting the bound in the target year.
  public var met: Int
  /// Runs first meeting the bound in year offset t (0…horizon); the last entry counts runs that
  /// never meet it.
  public var firstMet: [Int]

  /// The same target, ignoring the counts.
  func sameTarget(as other: TargetCount) -> Bool {
    indicator == other.indicator && year == other.year && atLeast == other.atLeast
      && atMost == other.atMost && firstMet.count == other.firstMet.count
  }
}
