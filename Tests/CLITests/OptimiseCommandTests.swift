import Foundation
import Testing
import _TestSupport

/// `iccsim optimise` end to end: a problem whose optimum is known in closed form, plan files that
/// `run` reproduces, and refusals that leave nothing behind.
@Suite("optimise command")
struct OptimiseCommandTests {
  /// Four stocks (base + offset 1 = 100, 10, 50, 20) drive retail sales with fixed elasticities
  /// and no noise; each candidate doubles one stock's X + 1 at a fixed cost, so candidate k
  /// raises ln(retail sales) by βₖ·ln 2 and the effects add.
  static let model = """
    model: synthetic-portfolio
    indicators:
      metro_km: {annual_addition: 0}
      expressways: {annual_addition: 0}
      flight_routes: {annual_addition: 0}
      hsr_connections: {annual_addition: 0}
      retail_sales:
        drift: 0
        drivers:
          - {from: metro_km, elasticity: 0.2}
          - {from: expressways, elasticity: 0.1}
          - {from: flight_routes, elasticity: 0.3}
          - {from: hsr_connections, elasticity: 0.15}
    index:
      goalposts:
        retail_sales: {low: 5000, high: 25000}
        metro_km: {low: 0, high: 1000}

    """
  static let data = """
    city,indicator,year,value,unit,source
    testville,metro_km,2023,99,km,test
    testville,expressways,2023,9,count,test
    testville,flight_routes,2023,49,count,test
    testville,hsr_connections,2023,19,count,test
    testville,retail_sales,2023,10000,亿元,test

    """
  static let base = """
    scenario: synthetic-base
    city: testville
    base_year: 2023
    horizon: 5
    runs: 40
    seed: 7
    model: model.yaml
    baseline: data.csv
    targets:
      - {indicator: retail_sales, year: 2028, at_least: 13000}

    """
  /// (id, stock, amount, β, cost): amounts double X + 1.
  static let candidates: [(id: String, stock: String, amount: Int, beta: Double, cost: Double)] = [
    ("metro", "metro_km", 100, 0.2, 100), ("roads", "expressways", 10, 0.1, 20),
    ("routes", "flight_routes", 50, 0.3, 150), ("rail", "hsr_connections", 20, 0.15, 60),
  ]
  static var options: String {
    "candidates:\n"
      + candidates.map { "  - {id: \($0.id), adds: {\($0.stock): \($0.amount)}, start: 2024, cost: \(Int($0.cost))}" }
      .joined(separator: "\n")
      + "\nbudget: {limit: 200}\nobjective: {quantile: 0.5, of: retail_sales, year: 2028}\n"
  }

  static func folder(_ extra: [String: String] = [:]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-optimise-\(UUID().uuidString)")
    let files = ["model.yaml": model, "data.csv": data, "base.yaml": base, "options.yaml": options].merging(extra) {
      $1
    }
    for (name, text) in files {
      let url = folder.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return folder
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func findsTheClosedFormOptimumAndItsPlanReproducesIt() throws {
    let folder = try Self.folder(["plans/notes.txt": "the plan goes beside this file\n"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try execute(
      ["optimise", "base.yaml", "--options", "options.yaml", "--format", "json", "--out-plan", "plans/best.yaml"],
      in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let document = try Self.json(result.stdout)
    #expect(document["evaluated"] as? Int == 16)

    // The optimum by enumeration of the closed form: effect Σ βₖ ln 2 of the chosen, cost Σ costₖ ≤ 200.
    var bestEffect = -1.0
    var bestSet: [String] = []
    for mask in 0..<16 {
      let chosen = Self.candidates.indices.filter { mask & (1 << $0) != 0 }
      let cost = chosen.reduce(0) { $0 + Self.candidates[$1].cost }
      let effect = chosen.reduce(0) { $0 + Self.candidates[$1].beta * log(2) }
      if cost <= 200 && effect > bestEffect { (bestEffect, bestSet) = (effect, chosen.map { Self.candidates[$0].id }) }
    }
    #expect(bestSet == ["metro", "roads", "rail"])
    let front = try #require(document["front"] as? [[String: Any]])
    let best = try #require(front[try #require(document["best"] as? Int)])
    let plan = try #require(best["plan"] as? [[String: Any]])
    #expect(plan.compactMap { $0["id"] as? String } == bestSet)
    let objective = try #require((best["objective"] as? [Double])?.first)
    #expect(abs(objective / (10_000 * exp(bestEffect)) - 1) < 1e-9, "\(objective)")
    #expect(best["cost_mean"] as? Double == 180)
    let again = try #require(best["reevaluated"] as? [String: Any])
    #expect(again["objective"] as? [Double] == [objective], "no noise: fresh runs give the same figure")
    // Every front entry within the budget, by cost, and none dominated by another.
    let costs = front.compactMap { $0["cost_mean"] as? Double }
    #expect(costs == costs.sorted() && costs.allSatisfy { $0 <= 200 })

    let planText = try String(contentsOf: folder.appendingPathComponent("plans/best.yaml"), encoding: .utf8)
    #expect(planText.contains("extends: \"../base.yaml\""))
    #expect(planText.contains("seed: 7") && planText.contains("runs: 40"))
    let run = try execute(["run", "plans/best.yaml", "--format", "json"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    let series = try #require(try Self.json(run.stdout)["series"] as? [[String: Any]])
    let point = try #require(
      series.first { $0["indicator"] as? String == "retail_sales" && $0["year"] as? Int == 2028 })
    #expect(point["p50"] as? Double == objective)
  }

  @Test func planReproducesTheSearchFiguresOnTheShippedModel() throws {
    let folder = try Self.folder([
      "options.yaml": """
      candidates:
        - id: districts
          adds: {landmark_districts: 2}
          start: 2025
          ramp: 3
          cost: {triangular: {min: 80, mode: 100, max: 160}}
          scales: [1, 2]
        - {id: night, policy: night_economy, starts: [2024, 2026], ramp: 2, cost: {uniform: {min: 2, max: 5}}}

      """
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = repositoryRoot.appendingPathComponent("scenarios/shanghai-baseline.yaml").path
    let result = try execute(
      [
        "optimise", base, "--options", "options.yaml", "--runs", "300", "--objective", "targets:retail_sales:2030",
        "--objective", "quantile:0.05:index:2033", "--format", "json", "--out-plan", "plan.yaml",
      ], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let document = try Self.json(result.stdout)
    #expect(document["evaluated"] as? Int == 9)
    let front = try #require(document["front"] as? [[String: Any]])
    let best = front[try #require(document["best"] as? Int)]
    let objectives = try #require(best["objective"] as? [Double])
    let run = try Self.json(try execute(["run", "plan.yaml", "--format", "json"], in: folder).stdout)
    let targets = try #require(run["targets"] as? [[String: Any]])
    let retail = try #require(targets.first { $0["indicator"] as? String == "retail_sales" })
    #expect(retail["probability"] as? Double == objectives[0])
    let series = try #require(run["series"] as? [[String: Any]])
    let index = try #require(series.first { $0["indicator"] as? String == "index" && $0["year"] as? Int == 2033 })
    #expect(index["p5"] as? Double == objectives[1])
  }

  @Test func htmlDrawsTheFrontWithEveryPlanLabelled() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try execute(["optimise", "base.yaml", "--options", "options.yaml", "--format", "html"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("<!DOCTYPE html>") && result.stdout.contains("<svg"))
    #expect(result.stdout.contains("metro + roads + rail") && !result.stdout.contains("<script"))
  }

  @Test func refusalsWriteNothing() throws {
    let folder = try Self.folder([
      "duplicate.yaml": "candidates:\n  - {id: a, adds: {metro_km: 5}, start: 2024}\n"
        + "  - {id: a, adds: {metro_km: 5}, start: 2025}\n",
      "plan.yaml": "already here\n",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let duplicate = try execute(
      ["optimise", "base.yaml", "--options", "duplicate.yaml", "--out", "report.txt"], in: folder)
    #expect(duplicate.status == 65)
    #expect(duplicate.stderr.contains("duplicate.yaml:3:5: candidate id 'a' is used twice"), "\(duplicate.stderr)")
    let usage = try execute(["optimise", "base.yaml", "--options", "options.yaml", "--objective", "best"], in: folder)
    #expect(usage.status == 64 && usage.stdout.isEmpty)
    let exists = try execute(
      ["optimise", "base.yaml", "--options", "options.yaml", "--out", "report.txt", "--out-plan", "plan.yaml"],
      in: folder)
    #expect(exists.status == 73)
    let pastFront = try execute(
      [
        "optimise", "base.yaml", "--options", "options.yaml", "--out", "report.txt", "--out-plan", "new.yaml",
        "--plan", "99",
      ], in: folder)
    #expect(pastFront.status == 64)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.txt").path))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new.yaml").path))
    #expect(try String(contentsOf: folder.appendingPathComponent("plan.yaml"), encoding: .utf8) == "already here\n")
  }

  @Test func exampleRuns() throws {
    let script = repositoryRoot.appendingPathComponent("examples/07-optimise-plan.sh")
    let result = try execute([script.path], executable: URL(fileURLWithPath: "/bin/bash"))
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("1024 of 1024 portfolios evaluated (exhaustive)"))
    #expect(result.stdout.contains("extends: \""), "the plan file is shown")
    #expect(result.stdout.contains("labels and ticks on the front chart: "))
  }

  @Test func aSpaceBeyondTheExhaustiveLimitIsSearchedByNSGA2ReproduciblyFromTheSeed() throws {
    // 13 optional candidates: 8,192 portfolios, more than the 4,096 searched exhaustively.
    let candidates = (1...13).map { k in
      "  - {id: c\(k), adds: {\(Self.candidates[k % 4].stock): \(k)}, start: 2024, cost: \(10 * k)}"
    }
    let options =
      "candidates:\n" + candidates.joined(separator: "\n")
      + "\nbudget: {limit: 200}\nobjective: {quantile: 0.5, of: retail_sales, year: 2028}\n"
    let folder = try Self.folder(["large.yaml": options])
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = ["optimise", "base.yaml", "--options", "large.yaml", "--runs", "4", "--format", "json"]
    let first = try execute(arguments, in: folder)
    #expect(first.status == 0, "\(first.stderr)")
    let document = try Self.json(first.stdout)
    let method = try #require(document["method"] as? [String: Any])
    #expect(method["kind"] as? String == "evolutionary" && method["seed"] as? Int == 7)
    #expect(document["portfolios"] as? Int == 8192)
    let front = try #require(document["front"] as? [[String: Any]])
    #expect(!front.isEmpty && front.allSatisfy { ($0["cost_mean"] as? Double ?? .infinity) <= 200 })
    let again = try Self.json(try execute(arguments, in: folder).stdout)
    #expect(
      (again["front"] as? [[String: Any]])?.compactMap { $0["label"] as? String }
        == front.compactMap { $0["label"] as? String }, "the same seed gives the same front")
    // The search's effort is the user's to set: 10 × (2 + 1) evaluations at the most.
    let small = try execute(arguments + ["--population", "9", "--generations", "2"], in: folder)
    #expect(small.status == 0, "\(small.stderr)")
    let smallDocument = try Self.json(small.stdout)
    let smallMethod = try #require(smallDocument["method"] as? [String: Any])
    #expect(smallMethod["population"] as? Int == 10 && smallMethod["generations"] as? Int == 2)
    #expect((smallDocument["evaluated"] as? Int).map { (10...30).contains($0) } == true)
    #expect(method["population"] as? Int == 64 && method["generations"] as? Int == 60, "the defaults")
  }

  @Test(arguments: [["--population", "1"], ["--population", "100001"], ["--generations", "-1"]])
  func searchEffortOutOfRangeIsAUsageError(_ option: [String]) throws {
    let result = try execute(
      ["optimise", "scenarios/shanghai-baseline.yaml", "--options", "scenarios/shanghai-options.yaml"] + option,
      in: repositoryRoot)
    #expect(result.status == 64)
    #expect(result.stderr.contains(option[0]) && result.stdout.isEmpty)
  }
}
