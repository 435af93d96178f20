import Foundation
import Testing
import _TestSupport

/// `iccsim calibrate` end to end: a panel generated from a known equation, the calibrated model
/// written, validated and run; thin data keeping priors; a mapping; an existing output.
@Suite("calibrate command")
struct CalibrateCommandTests {
  static let model = """
    # a two-indicator model
    model: tiny
    description: metro drives retail
    indicators:
      metro_km:
        annual_addition: {normal: {mean: 10, sd: 5}}   # prior
      retail_sales:
        drift: {normal: {mean: 0.05, sd: 0.02}}         # prior
        shock: {sd: 0.02, ar: 0.3}
        drivers:
          - {from: metro_km, elasticity: {normal: {mean: 0.1, sd: 0.1}}, lag: 1}   # prior
    index:
      goalposts:
        retail_sales: {low: 1000, high: 100000}

    """

  /// 12 cities × 12 years: metro adds 15 ± 6 km a year, ln retail grows 0.04 + 0.25·Δln(metro + 1)
  /// one year later, plus noise; the retail column is named `sales` (for the mapping case).
  static func panel() -> String {
    var state: UInt64 = 12345
    func uniform() -> Double {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 11) / Double(1 << 53)
    }
    func normal() -> Double { (-2 * log(max(uniform(), 1e-300))).squareRoot() * cos(2 * .pi * uniform()) }
    var lines = ["city,year,metro_km,sales"]
    for c in 0..<12 {
      var metro = 50 + 30 * Double(c), lnRetail = log(4000 + 500 * Double(c))
      var previousLogMetro = log(metro + 1), previousChange = 0.0
      for year in 2010..<2022 {
        if year > 2010 {
          metro += 15 + 6 * normal()
          let change = log(metro + 1) - previousLogMetro
          previousLogMetro = log(metro + 1)
          lnRetail += 0.04 + 0.25 * previousChange + 0.02 * normal()
          previousChange = change
        }
        lines.append("city\(c),\(year),\(metro),\(exp(lnRetail))")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calibrate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Self.model.write(to: folder.appendingPathComponent("model.yaml"), atomically: true, encoding: .utf8)
    try Self.panel().write(to: folder.appendingPathComponent("panel.csv"), atomically: true, encoding: .utf8)
    try "retail_sales: sales\n".write(to: folder.appendingPathComponent("map.yaml"), atomically: true, encoding: .utf8)
    let scenario = """
      scenario: tiny-run
      city: somewhere
      base_year: 2023
      horizon: 5
      runs: 200
      seed: 1
      model: calibrated.yaml
      values: {metro_km: 300, retail_sales: 9000}

      """
    try scenario.write(to: folder.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
    return folder
  }

  @Test func calibratedModelValidatesAndRuns() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = { folder.appendingPathComponent($0).path }
    let result = try execute([
      "calibrate", "--data", path("panel.csv"), "--model", path("model.yaml"), "--map", path("map.yaml"),
      "--out", path("calibrated.yaml"), "--format", "json",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let parameters = json["parameters"] as! [[String: Any]]
    let decisions = Dictionary(
      uniqueKeysWithValues: parameters.map { ($0["path"] as! String, $0["decision"] as! String) })
    #expect(
      decisions == [
        "metro_km.annual_addition": "fitted", "retail_sales.drift": "fitted",
        "retail_sales.drivers.metro_km.elasticity": "fitted", "retail_sales.shock.sd": "fitted",
        "retail_sales.shock.ar": "fitted",
      ])
    let estimates = Dictionary(
      uniqueKeysWithValues: parameters.compactMap { p in
        (p["fitted"] as? [String: Any]).map { (p["path"] as! String, ($0["estimate"] as! Double, $0["se"] as! Double)) }
      })
    // The generating values, within 4 standard errors.
    for (key, truth) in [
      ("retail_sales.drift", 0.04), ("retail_sales.drivers.metro_km.elasticity", 0.25),
      ("metro_km.annual_addition", 15),
    ] {
      let (estimate, se) = try #require(estimates[key])
      #expect(abs(estimate - truth) < 4 * se, "\(key): \(estimate) ± \(se) for \(truth)")
    }
    let written = try String(contentsOf: folder.appendingPathComponent("calibrated.yaml"), encoding: .utf8)
    #expect(written.contains("# a two-indicator model"), "the author's comments are kept")
    #expect(written.components(separatedBy: "  # [fitted]").count - 1 == 5)
    #expect(written.contains("yearly: {sd: "))
    #expect(try execute(["validate", path("calibrated.yaml")]).status == 0)
    let run = try execute(["run", path("s.yaml"), "--format", "json", "--no-meta"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
  }

  @Test func thinDataKeepsThePriorsWithTheReason() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = { folder.appendingPathComponent($0).path }
    let result = try execute([
      "calibrate", "--data", path("panel.csv"), "--model", path("model.yaml"), "--map", path("map.yaml"),
      "--min-obs", "500", "--out", path("calibrated.yaml"),
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("n = 120 observations with every driver (need ≥ 500)"))
    #expect(result.stdout.contains("132 consecutive-year additions in the panel (need ≥ 500)"))
    #expect(result.stdout.contains("0 of 5 parameters fitted"))
    let written = try String(contentsOf: folder.appendingPathComponent("calibrated.yaml"), encoding: .utf8)
    #expect(written.hasSuffix(Self.model), "nothing fitted: the model below the header is unchanged")
  }

  @Test func mappingToAMissingColumnIsNamed() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = { folder.appendingPathComponent($0).path }
    try "retail_sales: sale\n".write(to: folder.appendingPathComponent("map.yaml"), atomically: true, encoding: .utf8)
    let result = try execute([
      "calibrate", "--data", path("panel.csv"), "--model", path("model.yaml"), "--map", path("map.yaml"),
    ])
    #expect(result.status == 65)
    #expect(result.stderr.contains("no column named `sale`; did you mean `sales`?"), "stderr: \(result.stderr)")
    try "retail_sale: sales\n".write(to: folder.appendingPathComponent("map.yaml"), atomically: true, encoding: .utf8)
    let unknown = try execute([
      "calibrate", "--data", path("panel.csv"), "--model", path("model.yaml"), "--map", path("map.yaml"),
    ])
    #expect(unknown.status == 65)
    #expect(
      unknown.stderr.contains("map.yaml:1:1: unknown indicator 'retail_sale'; did you mean 'retail_sales'?"),
      "stderr: \(unknown.stderr)")
  }

  @Test func anExistingOutputIsKeptWithoutForce() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = { folder.appendingPathComponent($0).path }
    try "mine\n".write(to: folder.appendingPathComponent("calibrated.yaml"), atomically: true, encoding: .utf8)
    let arguments = [
      "calibrate", "--data", path("panel.csv"), "--model", path("model.yaml"), "--map", path("map.yaml"),
      "--out", path("calibrated.yaml"),
    ]
    let refused = try execute(arguments)
    #expect(refused.status == 73, "stderr: \(refused.stderr)")
    #expect(try String(contentsOf: folder.appendingPathComponent("calibrated.yaml"), encoding: .utf8) == "mine\n")
    #expect(try execute(arguments + ["--force"]).status == 0)
    #expect(
      try String(contentsOf: folder.appendingPathComponent("calibrated.yaml"), encoding: .utf8).contains("[fitted]"))
  }

  /// The shipped default model is the calibration of the shipped panel through the shipped
  /// mapping: calibrating it again changes nothing but the header's command line.
  @Test func shippedModelIsTheCalibrationOfTheShippedPanel() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calibrate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("icc-default.yaml").path
    let result = try execute([
      "calibrate", "--data", "scenarios/data/city-panel.csv", "--model", "scenarios/models/icc-default.yaml",
      "--map", "scenarios/data/panel-map.yaml", "--duplicates", "first", "--out", out,
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let shipped = try String(
      contentsOf: repositoryRoot.appendingPathComponent("scenarios/models/icc-default.yaml"), encoding: .utf8)
    let again = try String(contentsOfFile: out, encoding: .utf8)
    #expect(shipped.components(separatedBy: "\n").dropFirst() == again.components(separatedBy: "\n").dropFirst())
    #expect(shipped.components(separatedBy: "  # [fitted]").count - 1 == 2)
  }

  /// Two processes (each with its own hash seed) write the same bytes: city-by-city sums run in
  /// sorted order, not in a dictionary's.
  @Test func calibrationIsTheSameInEveryProcess() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = { folder.appendingPathComponent($0).path }
    let arguments = [
      "calibrate", "--data", path("panel.csv"), "--model", path("model.yaml"), "--map", path("map.yaml"),
      "--disruption-years", "2015", "--format", "json",
    ]
    let runs = try (0..<4).map { _ in try execute(arguments) }
    #expect(runs.allSatisfy { $0.status == 0 })
    #expect(Set(runs.map(\.stdout)).count == 1)
  }
}
