import Foundation
import Simulation
import Testing
import _TestSupport

/// `run --shard K/N` and `merge`, through the built binary.
@Suite("Shard and merge commands")
struct ShardCommandTests {
  static let scenario = "scenarios/shanghai-baseline.yaml"

  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-shard-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Writes shards 1…count of 800 runs (seed `seed`) into `folder` and returns their paths.
  static func writeParts(in folder: URL, count: Int = 4, seed: String = "5", prefix: String = "part") throws -> [String]
  {
    try (1...count).map { k in
      let path = folder.appendingPathComponent("\(prefix)-\(k).json").path
      let run = try execute([
        "run", scenario, "--runs", "800", "--seed", seed, "--threads", "1", "--shard", "\(k)/\(count)", "--out", path,
      ])
      #expect(run.status == 0, "stderr: \(run.stderr)")
      return path
    }
  }

  @Test func mergedShardsEqualTheSingleRunByteForByte() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let parts = try Self.writeParts(in: folder)
    let partial = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: parts[1]))) as? [String: Any])
    #expect(partial["kind"] as? String == "iccsim-partial-run")
    let shard = try #require(partial["shard"] as? [String: Any])
    #expect(shard["index"] as? Int == 2 && shard["count"] as? Int == 4 && shard["runs"] as? [Int] == [200, 400])

    let merged = folder.appendingPathComponent("merged.json").path
    // Parts in a scrambled order: merge sorts them by shard.
    let merge = try execute(["merge", parts[2], parts[0], parts[3], parts[1], "--no-meta", "--out", merged])
    #expect(merge.status == 0, "stderr: \(merge.stderr)")
    let single = try execute(["run", Self.scenario, "--runs", "800", "--seed", "5", "--format", "json", "--no-meta"])
    #expect(single.status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: merged)) == Data(single.stdout.utf8))
  }

  @Test func theMergedManifestIsTheMergesWithThePartsInputs() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let parts = try Self.writeParts(in: folder, count: 2)
    let merge = try execute(["merge"] + parts)
    #expect(merge.status == 0, "stderr: \(merge.stderr)")
    let result = try ResultCoding.decoder().decode(RunResult.self, from: Data(merge.stdout.utf8))
    let part = try ResultCoding.decoder().decode(
      PartialRun.self, from: Data(contentsOf: URL(fileURLWithPath: parts[0])))
    let meta = try #require(result.meta)
    #expect(meta.command.dropFirst().first == "merge")
    #expect(meta.inputs == part.meta?.inputs && meta.inputs.contains { $0.path == Self.scenario })
    #expect(meta.seed == 5 && result.runs == 800)
    // An existing output is kept unless --force.
    let out = folder.appendingPathComponent("result.json").path
    #expect(try execute(["merge"] + parts + ["--out", out]).status == 0)
    #expect(try execute(["merge"] + parts + ["--out", out]).status == 73)
    #expect(try execute(["merge"] + parts + ["--out", out, "--force"]).status == 0)
  }

  @Test func missingDuplicatedAndForeignPartsAreDataErrorsNamingThem() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let parts = try Self.writeParts(in: folder)
    let foreign = try Self.writeParts(in: folder, count: 4, seed: "6", prefix: "other")

    let missing = try execute(["merge", parts[0], parts[1], parts[3]])
    #expect(missing.status == 65)
    #expect(missing.stderr == "iccsim: runs 400..<600 (shard 3/4) are missing\n")

    let duplicated = try execute(["merge"] + parts + [parts[2]])
    #expect(duplicated.status == 65)
    #expect(duplicated.stderr == "iccsim: \(parts[2]) and \(parts[2]) both hold shard 3/4 (runs 400..<600)\n")

    let mixed = try execute(["merge", parts[0], foreign[1], parts[2], parts[3]])
    #expect(mixed.status == 65)
    #expect(
      mixed.stderr == "iccsim: \(foreign[1]) is not a part of the same job as \(parts[0]): seed 6 differs from 5\n")

    let unreadable = try execute(["merge", parts[0], folder.appendingPathComponent("absent.json").path])
    #expect(unreadable.status == 66)
    #expect(unreadable.stderr.contains("absent.json: cannot read file: no such file"))

    let result = folder.appendingPathComponent("result.json").path
    #expect(try execute(["merge"] + parts + ["--out", result]).status == 0)
    let notAPart = try execute(["merge", result])
    #expect(notAPart.status == 65)
    #expect(notAPart.stderr.contains("result.json: not a partial result"))
  }

  @Test func badShardOptionsAreUsageErrors() throws {
    for arguments in [
      ["run", Self.scenario, "--shard", "0/4"],
      ["run", Self.scenario, "--shard", "5/4"],
      ["run", Self.scenario, "--shard", "1of4"],
      ["run", Self.scenario, "scenarios/beijing-baseline.yaml", "--shard", "1/2"],
      ["run", Self.scenario, "--shard", "1/2", "--format", "csv"],
      ["run", Self.scenario, "--shard", "1/8", "--runs", "4"],
    ] {
      let result = try execute(arguments)
      #expect(result.status == 64, "\(arguments): \(result.stderr)")
    }
  }
}
