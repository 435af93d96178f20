import Foundation
import Testing
import _TestSupport

/// `iccsim sensitivity` explained to a colleague (issue 19, researchers): readable input names in
/// en and zh beside the stable paths, estimate sets in place of the elasticities they replace,
/// and `--groups` saying when there is only one group.
@Suite("sensitivity labels")
struct SensitivityLabelCommandTests {
  static let tornado = [
    "sensitivity", "scenarios/shanghai-baseline.yaml", "--method", "tornado", "--output", "retail_sales", "--wide",
  ]

  static func json(_ text: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
  }

  @Test(arguments: [
    (
      "en", "retail_sales.drivers.metro_km.elasticity",
      "Total retail sales of consumer goods ← Metro route length in operation, elasticity"
    ),
    ("en", "retail_sales.drift", "Total retail sales of consumer goods: trend growth"),
    ("en", "interventions.action-plan.delay", "Intervention action-plan: delay"),
    ("en", "inbound_tourists.shock.ar", "Inbound tourist arrivals: shock persistence (AR)"),
    (
      "zh", "retail_sales.drivers.metro_km.elasticity",
      "社会消费品零售总额 ← 地铁运营总里程，弹性"
    ),
    ("zh", "retail_sales.drift", "社会消费品零售总额：趋势增长率"),
    ("zh", "disruption.probability", "突发冲击概率"),
  ])
  func inputsHaveReadableLabelsInTablesAndJSONBesideTheirPaths(
    _ language: String, _ path: String, _ label: String
  ) throws {
    let table = try execute(Self.tornado + ["--lang", language])
    #expect(table.status == 0, "stderr: \(table.stderr)")
    #expect(table.stdout.contains(label))
    let json = try execute(Self.tornado + ["--lang", language, "--format", "json"])
    let inputs = try Self.json(json.stdout)["inputs"] as! [[String: Any]]
    let entry = try #require(inputs.first { $0["input"] as? String == path }, "the path stays the key")
    #expect(entry["label"] as? String == label)
  }

  /// The Shanghai baseline in a temporary folder whose model lists an estimate set for
  /// retail_sales ← metro_km (lag 1) and tourism_spending (lag 0), two of its edges.
  static func scenarioWithAnEstimateSet() throws -> URL {
    let root = repositoryRoot.appendingPathComponent("scenarios")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-labels-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("models"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
    let model = try String(contentsOf: root.appendingPathComponent("models/icc-default.yaml"), encoding: .utf8)
    try (model + "\nestimates: [retail.yaml]\n").write(
      to: folder.appendingPathComponent("models/icc-default.yaml"), atomically: true, encoding: .utf8)
    try """
    response: retail_sales
    covariance_type: cluster:city
    terms:
      - {driver: metro_km, lag: 1, estimate: 0.08}
      - {driver: tourism_spending, lag: 0, estimate: 0.17}
    covariance: [[0.0004, 0.00001], [0.00001, 0.0003]]

    """.write(to: folder.appendingPathComponent("models/retail.yaml"), atomically: true, encoding: .utf8)
    for file in ["data/cities.csv", "shanghai-baseline.yaml"] {
      try FileManager.default.copyItem(at: root.appendingPathComponent(file), to: folder.appendingPathComponent(file))
    }
    return folder
  }

  @Test func anEstimateSetReplacesTheElasticitiesItEstimatesAsInputs() throws {
    let folder = try Self.scenarioWithAnEstimateSet()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try execute(
      ["sensitivity", "shanghai-baseline.yaml", "--method", "tornado", "--output", "retail_sales", "--format", "json"],
      in: folder)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let inputs = (try Self.json(result.stdout)["inputs"] as! [[String: Any]]).map { $0["input"] as! String }
    #expect(!inputs.contains("retail_sales.drivers.metro_km.elasticity"), "replaced: no equation reads it")
    #expect(!inputs.contains("retail_sales.drivers.tourism_spending.elasticity"))
    #expect(inputs.contains("retail_sales.drivers.landmark_districts.elasticity"), "not estimated: still an input")
    #expect(inputs.contains("retail_sales.drivers.metro_km@1.estimate_z"))
  }

  @Test(arguments: ["tornado", "src"])
  func tornadoAndRegressionShowAnEstimateSetAsOneRow(_ method: String) throws {
    let folder = try Self.scenarioWithAnEstimateSet()
    defer { try? FileManager.default.removeItem(at: folder) }
    var arguments = ["sensitivity", "shanghai-baseline.yaml", "--method", method, "--output", "retail_sales"]
    if method == "src" { arguments += ["--samples", "256"] }
    let json = try execute(arguments + ["--format", "json"], in: folder)
    #expect(json.status == 0, "stderr: \(json.stderr)")
    let inputs = (try Self.json(json.stdout)["inputs"] as! [[String: Any]]).map { $0["input"] as! String }
    #expect(inputs.contains("retail_sales.drivers.metro_km@1.estimate_z"), "the coordinates stay the inputs drawn")
    let rows = try Self.json(json.stdout)["rows"] as! [[String: Any]]
    let sets = rows.filter { $0["input"] as? String == "retail_sales.estimates" }
    #expect(sets.count == 1)
    #expect(!rows.contains { ($0["input"] as! String).hasSuffix(".estimate_z") }, "not a row per coordinate")
    let measure = method == "tornado" ? "swing" : "src"
    #expect((sets.first?[measure] as? Double ?? 0) > 0, "the set moves the output")
    let table = try execute(arguments + ["--wide"], in: folder)
    #expect(
      table.stdout.contains("Total retail sales of consumer goods: estimated elasticities, drawn jointly (one group)"))
    #expect(!table.stdout.contains("estimated elasticity (standard-normal z)"))
  }

  @Test func sobolIndicesTreatAnEstimateSetAsOneJointFactor() throws {
    let folder = try Self.scenarioWithAnEstimateSet()
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = [
      "sensitivity", "shanghai-baseline.yaml", "--method", "sobol", "--samples", "16", "--noise", "zero",
      "--output", "retail_sales",
    ]
    let json = try execute(arguments + ["--format", "json"], in: folder)
    #expect(json.status == 0, "stderr: \(json.stderr)")
    let rows = (try Self.json(json.stdout)["rows"] as! [[String: Any]]).map { $0["input"] as! String }
    #expect(rows.filter { $0 == "retail_sales.estimates" }.count == 1)
    #expect(!rows.contains { $0.hasSuffix(".estimate_z") }, "the set's coordinates are not factors of their own")
    let table = try execute(arguments + ["--wide"], in: folder)
    #expect(
      table.stdout.contains("Total retail sales of consumer goods: estimated elasticities, drawn jointly (one group)"))
  }

  @Test func groupsSayWhenThereIsOnlyOneGroupAndWhy() throws {
    let result = try execute([
      "sensitivity", "scenarios/shanghai-baseline.yaml", "--method", "sobol", "--groups", "--samples", "16",
      "--noise", "zero", "--format", "json",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let warnings = try Self.json(result.stdout)["warnings"] as! [[String: Any]]
    let single = try #require(warnings.first { $0["kind"] as? String == "single_group" })
    let message = single["message"] as! String
    #expect(message.hasPrefix("--groups: only one group, model, among the"))
    #expect(message.contains("no index.* quantity (index weights or goalposts) has a distribution"))
  }
}
