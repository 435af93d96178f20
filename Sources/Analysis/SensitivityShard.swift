import ErrorCategories
import Foundation
import Simulation

/// One shard of a Sobol design, as `sensitivity --shard K/N` writes it and `--merge` reads it:
/// the values of the design rows of its base samples, and what must match for parts to belong
/// together (scenario, inputs by hash, seed, samples, grouping, noise, outputs).
///
/// The Sobol counterpart of `PartialRun`: in JSON it is an object with
/// `"kind": "iccsim-partial-sensitivity"`.
public struct SensitivityShard: Codable, Sendable, Equatable {
  public static let kindTag = "iccsim-partial-sensitivity"

  /// Always `kindTag`.
  public var kind: String
  public var scenario: String
  public var seed: UInt64
  public var samples: Int
  public var grouped: Bool
  /// The analysis's `DesignSampler.NoisePolicy`, by name.
  public var noise: String
  /// The analysed outputs as `<id>@<year>`.
  public var outputs: [String]
  public var shard: Shard
  /// Design rows [lower, upper) of this shard, and the design's total.
  public var rows: [Int]
  public var totalRows: Int
  /// One array of output values per design row.
  public var values: [[Double]]
  /// The scenario's input files with their SHA-256 (`ManifestBuilder.inputs(of:)`).
  public var inputs: [InputFile]

  /// Evaluates shard `shard` (by base samples) of the Sobol design of `analysis` on `scenario`,
  /// whose input files are `inputs`. Returns the part and the projection's warnings; a
  /// projection that overflows throws `SensitivityError.projectionFailed`.
  public static func evaluate(
    _ shard: Shard, of analysis: ScenarioAnalysis, on scenario: CompiledScenario, inputs: [InputFile]
  ) throws -> (part: SensitivityShard, diagnostics: [NumericalDiagnostic]) {
    let evaluated = try analysis.evaluateSobolShard(shard.runs(of: analysis.samples), on: scenario)
    let part = SensitivityShard(
      kind: kindTag, scenario: scenario.id, seed: analysis.seed, samples: analysis.samples,
      grouped: analysis.grouped, noise: analysis.noise.rawValue, outputs: outputNames(analysis.outputs),
      shard: shard, rows: [evaluated.rows.lowerBound, evaluated.rows.upperBound], totalRows: evaluated.totalRows,
      values: evaluated.values, inputs: inputs)
    return (part, evaluated.diagnostics)
  }

  /// The shard file: the results' encoding with sorted keys, compact, and a final newline.
  public func encoded() throws -> Data {
    let encoder = ResultCoding.encoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(self) + Data("\n".utf8)
  }

  /// Decodes the shard file `file`; bytes that are not a shard throw `ShardMismatch`.
  public static func decode(_ data: Data, file: String) throws -> SensitivityShard {
    do {
      return try ResultCoding.decoder().decode(SensitivityShard.self, from: data)
    } catch {
      throw ShardMismatch("\(file) is not a sensitivity shard written by `sensitivity --shard`")
    }
  }

  /// Every design row's values, in order, from the parts of the design that `analysis` asks
  /// for on `scenario` (read from `scenarioFile`, whose input files are `inputs`).
  ///
  /// Checks, naming the part: it was computed from the same scenario and input files (by
  /// SHA-256), with the same seed, samples, grouping, noise and outputs as `analysis`; then
  /// that the parts are the shards 1…N of one design, each exactly once.
  public static func values(
    merging parts: [(name: String, part: SensitivityShard)], for analysis: ScenarioAnalysis,
    on scenario: CompiledScenario, inputs: [InputFile], scenarioFile: String
  ) throws -> [[Double]] {
    let hashes = inputs.map(\.sha256)
    let foreign = parts.first { $0.part.inputs.map(\.sha256) != hashes || $0.part.scenario != scenario.id }
    if let (name, _) = foreign {
      throw ShardMismatch("\(name) was computed from other input files than \(scenarioFile) and its model and data")
    }
    let expected = Identity(analysis)
    if let (name, part) = parts.first(where: { Identity($0.part) != expected }) {
      throw ShardMismatch(
        "\(name) was computed with \(Identity(part).description); this command asks for \(expected.description)")
    }
    return try combine(parts)
  }

  /// Every part's values in design-row order, after checking that the parts are the shards
  /// 1…N of one design (each problem names the file).
  static func combine(_ parts: [(name: String, part: SensitivityShard)]) throws -> [[Double]] {
    guard let (firstName, first) = parts.first else { throw ShardMismatch("--merge needs the parts") }
    for (name, part) in parts {
      guard part.kind == kindTag else {
        throw ShardMismatch("\(name) is not a sensitivity shard (kind '\(part.kind)')")
      }
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
      guard part.rows.count == 2, part.rows[0] == values.count, part.values.count == part.rows[1] - part.rows[0]
      else {
        throw ShardMismatch("shard \(part.shard) does not hold design rows \(values.count)..< as expected")
      }
      values += part.values
    }
    guard values.count == first.totalRows else {
      throw ShardMismatch("the shards hold \(values.count) of \(first.totalRows) design rows")
    }
    return values
  }

  private static func outputNames(_ outputs: [SensitivityOutput]) -> [String] {
    outputs.map { "\($0.id)@\($0.year.map(String.init) ?? "")" }
  }

  /// What a part and the analysis that reads it must agree on.
  private struct Identity: Equatable, CustomStringConvertible {
    var seed: UInt64
    var samples: Int
    var grouped: Bool
    var noise: String
    var outputs: [String]

    init(_ analysis: ScenarioAnalysis) {
      self.init(
        seed: analysis.seed, samples: analysis.samples, grouped: analysis.grouped, noise: analysis.noise.rawValue,
        outputs: SensitivityShard.outputNames(analysis.outputs))
    }

    init(_ part: SensitivityShard) {
      self.init(
        seed: part.seed, samples: part.samples, grouped: part.grouped, noise: part.noise, outputs: part.outputs)
    }

    private init(seed: UInt64, samples: Int, grouped: Bool, noise: String, outputs: [String]) {
      self.seed = seed
      self.samples = samples
      self.grouped = grouped
      self.noise = noise
      self.outputs = outputs
    }

    var description: String {
      "seed \(seed), \(samples) samples, \(grouped ? "grouped" : "per-input") factors, noise \(noise) and outputs "
        + outputs.joined(separator: " ")
    }
  }
}

/// Parts of a sharded Sobol design that do not fit together, or do not fit the analysis that
/// reads them (exit 65).
public struct ShardMismatch: CategorisedError, CustomStringConvertible {
  public var category: ErrorCategory { .data }

  public let description: String

  public init(_ description: String) { self.description = description }
}
