import Foundation
import Simulation
import Testing
import _TestSupport

/// `run`, `compare`, `report` and the bundled demo, through the built binary.
@Suite("Simulation commands")
struct SimulationCommandTests {
  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-sim-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func runWritesTheResultSchemaOfTheDesign() throws {
    let result = try execute([
      "run", "scenarios/shanghai-baseline.yaml", "--runs", "500", "--seed", "3", "--format", "json",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    for key in ["scenario", "city", "base_year", "horizon", "runs", "seed", "series", "targets", "cost", "meta"] {
      #expect(object[key] != nil, "missing \(key)")
    }
    #expect(object["runs"] as? Int == 500 && object["seed"] as? Int == 3)
    #expect(object["sampling"] as? String == "independent")
    let series = try #require(object["series"] as? [[String: Any]])
    // 24 indicators, the 5 dimensions and the index, each for 2023…2033.
    #expect(series.count == 30 * 11)
    #expect(
      Set(series.compactMap { $0["indicator"] as? String }).isSuperset(of: [
        "index", "renown", "policy", "retail_sales",
      ]))
    let point = try #require(series.first)
    #expect(Set(point.keys) == ["indicator", "year", "mean", "sd", "p5", "p25", "p50", "p75", "p95"])
    let meta = try #require(object["meta"] as? [String: Any])
    let inputs = try #require(meta["inputs"] as? [[String: String]])
    #expect(inputs.map { $0["path"]! }.contains("scenarios/models/icc-default.yaml"))
    #expect(inputs.allSatisfy { $0["sha256"]!.count == 64 })
  }

  /// `--sampling latin-hypercube` is recorded in the result, and a compare under it is still
  /// paired: a plan compared with itself differs by exactly zero everywhere.
  @Test func latinHypercubeSamplingIsRecordedAndPaired() throws {
    let run = try execute([
      "run", "scenarios/shanghai-baseline.yaml", "--runs", "300", "--sampling", "latin-hypercube", "--format", "json",
    ])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(try ResultCoding.decoder().decode(RunResult.self, from: Data(run.stdout.utf8)).sampling == .latinHypercube)
    let compare = try execute([
      "compare", "scenarios/shanghai-baseline.yaml", "scenarios/shanghai-baseline.yaml", "--runs", "300",
      "--sampling", "latin-hypercube", "--format", "json",
    ])
    #expect(compare.status == 0, "stderr: \(compare.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])
    let differences = try #require(
      (object["comparisons"] as? [[String: Any]])?.first?["differences"] as? [[String: Any]])
    #expect(!differences.isEmpty)
    #expect(
      differences.allSatisfy { row in ["mean", "sd", "p5", "p50", "p95"].allSatisfy { row[$0] as? Double == 0 } })
  }

  @Test func resultsAreTheSameAtAnyThreadCountExceptTheManifest() throws {
    let one = try execute([
      "run", "scenarios/shanghai-policy-first.yaml", "--runs", "700", "--threads", "1", "--format", "json",
    ])
    let two = try execute([
      "run", "scenarios/shanghai-policy-first.yaml", "--runs", "700", "--threads", "2", "--format", "json",
    ])
    let decoder = ResultCoding.decoder()
    var a = try decoder.decode(RunResult.self, from: Data(one.stdout.utf8))
    var b = try decoder.decode(RunResult.self, from: Data(two.stdout.utf8))
    #expect(a.meta?.threads == 1 && b.meta?.threads == 2)
    a.meta = nil
    b.meta = nil
    #expect(a == b)
  }

  @Test func compareWritesPairedDifferences() throws {
    let result = try execute([
      "compare", "scenarios/shanghai-baseline.yaml", "scenarios/shanghai-policy-first.yaml", "--runs", "400",
      "--format", "json",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let comparison = try ResultCoding.decoder().decode(PlanComparison.self, from: Data(result.stdout.utf8))
    #expect(comparison.base == "shanghai-baseline")
    #expect(comparison.comparisons.map(\.scenario) == ["shanghai-policy-first"])
    // In the base year both plans stand on the same observed values.
    let baseYear = comparison.comparisons[0].differences.filter { $0.year == 2023 }
    #expect(!baseYear.isEmpty && baseYear.allSatisfy { $0.mean == 0 && $0.probabilityHigher == 0 })
    // The base's title and each output's direction travel with the result, and the shares of
    // runs above and below the base, so a rank's "better" (lower) can be read.
    #expect(comparison.baseTitle?.en == "Shanghai baseline")
    #expect(comparison.outputs.first { $0.id == "global_city_rank" }?.better == .lower)
    #expect(comparison.outputs.first { $0.id == "index" }?.better == .higher)
    let shares = comparison.comparisons[0].differences.compactMap { difference in
      difference.probabilityLower.map { (difference, $0) }
    }
    #expect(shares.count == comparison.comparisons[0].differences.count)
    #expect(shares.allSatisfy { $0.0.probabilityHigher + $0.1 <= 1 })
    #expect(baseYear.allSatisfy { $0.probabilityLower == 0 })
    let rank = try #require(
      comparison.comparisons[0].differences.first { $0.indicator == "global_city_rank" && $0.year == 2033 })
    #expect(rank.p50 < 0 && (rank.probabilityLower ?? 0) > 0.5, "the plan improves the rank in most runs")
  }

  /// compare shows each plan's programme cost and what the difference buys per 100 亿元, in
  /// JSON (the index's change at the horizon over the mean paired total-cost difference) and
  /// in the table in both languages.
  @Test func compareShowsCostAndCostEffectiveness() throws {
    let arguments = [
      "compare", "scenarios/shanghai-baseline.yaml", "scenarios/shanghai-policy-first.yaml", "--runs", "300",
    ]
    let json = try execute(arguments + ["--format", "json"])
    #expect(json.status == 0, "stderr: \(json.stderr)")
    let comparison = try ResultCoding.decoder().decode(PlanComparison.self, from: Data(json.stdout.utf8)).comparisons[0]
    let cost = try #require(comparison.cost)
    let effectiveness = try #require(comparison.costEffectiveness)
    #expect(cost.difference.total.mean > 0)
    #expect(abs(cost.plan.total.mean - cost.base.total.mean - cost.difference.total.mean) < 1e-6)
    #expect(cost.plan.byYear.map(\.year) == Array(2023...2033))
    let indexChange = try #require(comparison.differences.first { $0.indicator == "index" && $0.year == 2033 }).mean
    let indexPer100 = try #require(effectiveness.indexPer100)
    #expect(abs(indexPer100 - 100 * indexChange / cost.difference.total.mean) < 1e-9)
    #expect(!effectiveness.targets.isEmpty)
    for target in effectiveness.targets {
      #expect(target.probabilityChange == target.planProbability - target.baseProbability)
    }
    #expect(json.stdout.contains("\"cost_effectiveness\""))

    let english = try execute(arguments)
    #expect(english.status == 0)
    #expect(
      english.stdout.contains("Shanghai policy-first plan − Shanghai baseline — Programme cost (CNY 100 million)"))
    #expect(english.stdout.contains("— Cost-effectiveness"))
    #expect(english.stdout.contains("Per 100 亿元"))
    let chinese = try execute(arguments + ["--lang", "zh"])
    #expect(chinese.status == 0)
    #expect(chinese.stdout.contains("－上海·基准方案——项目成本（亿元）"))
    #expect(chinese.stdout.contains("每百亿元变化"))
    #expect(chinese.stdout.contains("目标达成概率变化"))
  }

  @Test func tableIsTheDefaultAndNamesTheStatistic() throws {
    let result = try execute(["run", "scenarios/shanghai-baseline.yaml", "--runs", "300"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Shanghai baseline — Projection"))
    #expect(result.stdout.contains("* Cells: median [P5–P95] over Monte Carlo runs"))
  }

  @Test func outDirectoryWritesEveryFormatAndRefusesToOverwrite() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = [
      "run", "scenarios/shanghai-baseline.yaml", "--runs", "300", "--format", "json,csv,md,xlsx", "--out", folder.path,
    ]
    #expect(try execute(arguments).status == 0)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(
      names == ["csv", "json", "md", "xlsx"].map { "run-shanghai-baseline.\($0)" })
    let again = try execute(arguments)
    #expect(again.status == 73)
    #expect(again.stderr.contains("it exists; pass --force to replace it"))
    #expect(try execute(arguments + ["--force"]).status == 0)
  }

  @Test func badInputExitsWithSysexitsStatuses() throws {
    #expect(try execute(["run", "scenarios/missing.yaml"]).status == 66)
    #expect(try execute(["run", "scenarios/shanghai-baseline.yaml", "--runs", "0"]).status == 64)
    #expect(try execute(["run", "scenarios/shanghai-baseline.yaml", "--format", "xlsx"]).status == 64)
    #expect(try execute(["compare", "scenarios/shanghai-baseline.yaml"]).status == 64)
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let broken = folder.appendingPathComponent("broken.yaml")
    try Data("scenario: broken\ncity: shanghai\nhorizon: 99\n".utf8).write(to: broken)
    let result = try execute(["run", broken.path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("broken.yaml:3:10:"))
  }

  @Test func numericallyUnusableProjectionIsRefusedWithItsPlace() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = try String(
      contentsOf: repositoryRoot.appendingPathComponent("scenarios/models/icc-default.yaml"), encoding: .utf8)
    let drift = try #require(
      model.range(of: #"retail_sales:\n(    .*\n)*?    drift: [^\n]*"#, options: .regularExpression))
    let broken = model.replacingCharacters(
      in: drift,
      with: String(model[drift]).replacingOccurrences(
        of: #"drift: [^\n]*"#, with: "drift: 150", options: .regularExpression))
    try Data(broken.utf8).write(to: folder.appendingPathComponent("model.yaml"))
    let scenario = try String(
      contentsOf: repositoryRoot.appendingPathComponent("scenarios/shanghai-baseline.yaml"), encoding: .utf8
    )
    .replacingOccurrences(of: "model: models/icc-default.yaml", with: "model: model.yaml")
    .replacingOccurrences(
      of: "baseline: data/cities.csv", with: "baseline: \(repositoryRoot.path)/scenarios/data/cities.csv")
    try Data(scenario.utf8).write(to: folder.appendingPathComponent("scenario.yaml"))
    let out = folder.appendingPathComponent("out")
    let result = try execute([
      "run", folder.appendingPathComponent("scenario.yaml").path, "--runs", "200", "--format", "json", "--out",
      out.path,
    ])
    #expect(result.status == 65)
    #expect(
      result.stderr.contains(
        "shanghai-baseline: retail_sales overflowed or became undefined in 2028 of run 0 (200 runs affected)"),
      "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("run-shanghai-baseline.json").path))
  }

  @Test func reportWritesOneSelfContainedPage() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("report.html")
    let result = try execute([
      "report", "scenarios/shanghai-baseline.yaml", "scenarios/shanghai-districts-first.yaml",
      "--runs", "300", "--out", page.path,
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let html = try String(contentsOf: page, encoding: .utf8)
    // Self-contained: inline SVG, no scripts, and no address but the SVG namespace.
    let addresses = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
    #expect(html.contains("<svg") && !html.contains("<script"))
    #expect(!addresses.contains("http://") && !addresses.contains("https://") && !html.contains("src="))
    #expect(html.contains("Shanghai districts first") || html.contains("shanghai-districts-first"))
    #expect(
      try execute(["report", "scenarios/shanghai-baseline.yaml", "--runs", "300", "--out", page.path]).status == 73)
  }

  @Test func withoutArgumentsTheDemoComparisonRuns() throws {
    let result = try execute([])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("iccsim demo"))
    #expect(result.stdout.contains("Shanghai baseline — Projection"))
    #expect(result.stdout.contains("Paired differences under common random numbers"))
  }
}

@Suite("Simulation examples")
struct SimulationExampleTests {
  @Test func comparePlansRuns() throws {
    let script = repositoryRoot.appendingPathComponent("examples/02-compare-plans.sh")
    let result = try execute([script.path], executable: URL(fileURLWithPath: "/bin/bash"))
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("identical results at 1 and 2 threads"))
  }

  @Test func exportForSlidesRuns() throws {
    let script = repositoryRoot.appendingPathComponent("examples/05-export-for-slides.sh")
    let result = try execute([script.path], executable: URL(fileURLWithPath: "/bin/bash"))
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("exit status: 73"))
  }
}
