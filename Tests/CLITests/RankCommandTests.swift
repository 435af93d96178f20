import Foundation
import Testing
import _TestSupport

/// `iccsim rank` from the command line: the JSON it writes, the file it refuses to overwrite,
/// and its usage errors.
@Suite("rank command")
struct RankCommandTests {
  static let cities = [
    "scenarios/shanghai-baseline.yaml", "scenarios/beijing-baseline.yaml", "scenarios/chongqing-baseline.yaml",
  ]

  @Test func jsonHasOneRowPerCityAndYearWithTheRankDistribution() throws {
    let result = try execute(["rank"] + Self.cities + ["--runs", "300", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(Set(document.keys) == ["indicator", "better", "runs", "seed", "ties", "ranks", "meta"])
    #expect(document["indicator"] as? String == "index")
    let meta = try #require(document["meta"] as? [String: String])
    #expect(Set(meta.keys) == ["version", "command"])
    #expect(meta["command"]?.hasPrefix("iccsim rank scenarios/shanghai-baseline.yaml") == true)
    let ranks = try #require(document["ranks"] as? [[String: Any]])
    #expect(ranks.count == 3 * 11)
    let keys: Set<String> = [
      "scenario", "city", "year", "p50", "rank_p5", "rank_p50", "rank_p95", "probability_first",
    ]
    #expect(ranks.allSatisfy { Set($0.keys) == keys })
    #expect(Set(ranks.compactMap { $0["city"] as? String }) == ["shanghai", "beijing", "chongqing"])
    for year in 2023...2033 {
      let first = ranks.filter { $0["year"] as? Int == year }.compactMap { $0["probability_first"] as? Double }
      #expect(first.count == 3)
      #expect(abs(first.reduce(0, +) - 1) < 1e-9, "\(year)")
    }
  }

  @Test func tableGoesToAFileThatIsNotOverwrittenWithoutForce() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-rank-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("rank.txt").path
    let arguments = ["rank"] + Self.cities + ["--runs", "100", "--indicator", "global_city_rank", "--out", path]
    let written = try execute(arguments)
    #expect(written.status == 0, "\(written.stderr)")
    #expect(written.stdout == "")
    let table = try String(contentsOfFile: path, encoding: .utf8)
    #expect(table.hasPrefix("Rank of Global city competitiveness rank (global_city_rank) among 3 cities"))
    #expect(table.contains("Rank 1 is the lowest value"))
    let refused = try execute(arguments)
    #expect(refused.status == 73)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == table)
    #expect(try execute(arguments + ["--force"]).status == 0)
  }

  @Test(arguments: [
    (["scenarios/shanghai-baseline.yaml"], "rank needs at least two scenarios, one per city"),
    (cities + ["--indicator", "no_such_indicator"], "--indicator 'no_such_indicator' is not an indicator"),
    (
      ["scenarios/shanghai-baseline.yaml", "scenarios/shanghai-policy-first.yaml"],
      "are both scenarios of city 'shanghai'"
    ),
  ])
  func usageErrorsExit64WithoutOutput(arguments: [String], message: String) throws {
    let result = try execute(["rank"] + arguments + ["--runs", "10"])
    #expect(result.status == 64)
    #expect(result.stdout == "")
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func example09Runs() throws {
    let script = repositoryRoot.appendingPathComponent("examples/09-rank-cities.sh")
    let result = try execute([script.path], executable: URL(fileURLWithPath: "/bin/bash"))
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("Rank of"))
    #expect(result.stdout.contains("retail_sales: 11 years; chances of ranking first sum to 1.000–1.000"))
    #expect(result.stdout.contains("most likely first in 2033: "))
  }
}
