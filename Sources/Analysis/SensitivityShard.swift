import ArgumentParser
import Foundation
import Simulation

/// One shard of a Sobol design, as `sensitivity --shard K/N` writes it and `--merge` reads it:
/// the values of the design rows of its base samples, and what must match for parts to belong
/// together (scenario, inputs by hash, seed, samples, grouping, noise, outputs).
struct SensitivityShard: Codable, Equatable {
  static let kindTag = "iccsim-partial-sensitivity"

  var kind: String
  var scenario: String
  var seed: UInt64
  var samples: Int
  var grouped: Bool
  var noise: String
  var outputs: [String]
  var shard: Shard
  /// Design rows [lower, upper) of this shard, and the design's total.
  var rows: [Int]
  var totalRows: Int
  var values: [[Double]]
  var inputs: [InputFile]

  /// Every part's values in design-row order, after checking that the parts are the shards
  /// 1…N of one design (each problem names the file).
  static func combine(_ parts: [(name: String, part: SensitivityShard)]) throws -> [[Double]] {
    guard let (firstName, first) = parts.first else { throw ValidationError("--merge needs the parts") }
    for (name, part) in parts {
      guard part.kind == kindTag else { throw ShardMismatch("\(name) is not a sensitivity shard (kind '\(part.kind)')") }
      let same: [(String, Bool)] = [
        ("scenario", part.scenario == first.scenario), ("seed", part.seed == first.seed),
        ("samples", part.samples == first.samples), ("grouping", part.grouped == first.grouped),
        ("noise", part.noise == first.noise), ("outputs", part.outputs == first.outputs),
        ("shard count", part.shard.count == first.shard.count), ("design size", part.totalRows == first.totalRows),
        ("input files (SHA-256)", part.inputs.map(\.sha256) == first.inputs.map(\.sha256)),
      ]
      if let (what, _) = same.first(where: { !$0.1 }) {
        throw ShardMismatch("\(name) is not a shard of the same design as \(firstName): its \(what) differs")
      }
    }
    var byIndex: [Int: (String, SensitivityShard)] = [:]
    for (name, part) in parts {
      if let (other, _) = byIndex[part.shard.index] {
        throw ShardMismatch("\(other) and \(name) both hold shard \(part.shard)")
      }
      byIndex[part.shard.index] = (name, part)
    }
    var values: [[Double]] = []
    for index in 1...first.shard.count {
      guard let (_, part) = byIndex[index] else {
        throw ShardMismatch("shard \(index)/\(first.shard.count) of the design is missing")
      }
      guard part.rows.count == 2, part.rows[0] == values.count, part.values.count == part.rows[1] - part.rows[0] else {
        throw ShardMismatch("shard \(part.shard) does not hold design rows \(values.count)..< as expected")
      }
      values += part.values
    }
    guard values.count == first.totalRows else { throw ShardMismatch("the shards hold \(values.count) of \(first.totalRows) design rows") }
    return values
  }
}

/// Parts of a sharded design that do not fit together (exit 65).
struct ShardMismatch: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
