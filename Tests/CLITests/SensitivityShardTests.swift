import Foundation
import Testing
import _TestSupport

/// A Sobol design split into shards (`sensitivity --shard K/N`) and analysed from them
/// (`--merge`) gives the same result as one process; parts that do not fit are named.
@Suite("Sensitivity shards")
struct SensitivityShardTests {
  static let common = [
    "sensitivity", "scenarios/shanghai-baseline.yaml", "--method", "sobol", "--samples", "48", "--all-years",
  ]

  @Test func mergedShardsEqualOneProcess() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-sobol-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let parts = (1...4).map { folder.appendingPathComponent("part-\($0).json").path }
    for (k, part) in parts.enumerated() {
      let result = try execute(Self.common + ["--shard", "\(k + 1)/4", "--out", part])
      #expect(result.status == 0, "stderr: \(result.stderr)")
    }
    let single = try execute(Self.common + ["--format", "json"])
    let merged = try execute(Self.common + ["--format", "json", "--merge"] + parts.reversed())
    #expect(single.status == 0 && merged.status == 0, "stderr: \(merged.stderr)")
    #expect(single.stdout == merged.stdout)
    #expect(single.stdout.contains("\"s1_low\""))

    let missing = try execute(Self.common + ["--merge", parts[0], parts[1], parts[3]])
    #expect(missing.status == 65)
    #expect(missing.stderr.contains("shard 3/4 of the design is missing"))
    let duplicate = try execute(Self.common + ["--merge", parts[0], parts[1], parts[1], parts[2], parts[3]])
    #expect(duplicate.status == 65 && duplicate.stderr.contains("both hold shard 2/4"))
    let otherSeed = try execute(Self.common + ["--seed", "99", "--merge"] + parts)
    #expect(otherSeed.status == 65)
    #expect(
      otherSeed.stderr.contains("was computed with seed 20231231")
        && otherSeed.stderr.contains("this command asks for seed 99"))
  }

  @Test func shardingIsForSobolOnly() throws {
    let result = try execute([
      "sensitivity", "scenarios/shanghai-baseline.yaml", "--method", "tornado", "--shard", "1/2",
    ])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--shard and --merge split Sobol designs"))
  }
}
