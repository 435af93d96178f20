import CityModel
import Foundation
import Reporting
import Testing

@testable import Estimation
@testable import Simulation

/// `--write`: the estimates file a model references under `estimates:`, read back by CityModel,
/// and drawn jointly from N(β̂, V̂).
@Suite("Estimates file")
struct EstimatesFileTests {
  static func fit() throws -> (PanelEquation, Regression) {
    let model = try Model.load(from: URL(fileURLWithPath: FixtureFiles.path("panel-model.yaml")))
    let equation = try PanelEquation(model: model, response: "retail_sales")
    let data = try DataTable.read(path: FixtureFiles.path("simulated-panel.csv"))
    let design = try equation.design(data: data, clusters: ["city"])
    return (equation, try Regression(fitting: design, covariance: .cluster(column: "city")))
  }

  /// A temporary folder holding a copy of the fixture model that lists `estimates/retail_sales.yaml`.
  static func modelFolder(estimates text: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-estimates-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("estimates"), withIntermediateDirectories: true)
    try EstimatesFile.write(text, to: folder.appendingPathComponent("estimates/retail_sales.yaml").path)
    let model = try String(contentsOfFile: FixtureFiles.path("panel-model.yaml"), encoding: .utf8)
    try (model + "estimates: [estimates/retail_sales.yaml]\n").write(
      to: folder.appendingPathComponent("model.yaml"), atomically: true, encoding: .utf8)
    return folder
  }

  @Test func writtenFileHasTheAgreedFormAndIsDeterministic() throws {
    let (equation, regression) = try Self.fit()
    let set = try EstimatesFile.estimateSet(equation: equation, regression: regression)
    let text = EstimatesFile.text(set, command: "iccsim estimate --data simulated-panel.csv", regression: regression)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[0] == "# iccsim estimate --data simulated-panel.csv")
    #expect(lines[1].hasPrefix("# n = 175 (34 dropped), R² = "))
    #expect(lines[1].hasSuffix("covariance cluster:city (15 clusters)"))
    #expect(Array(lines[2...4]) == ["response: retail_sales", "covariance_type: cluster:city", "terms:"])
    #expect(lines[5].hasPrefix("  - {driver: metro_km, lag: 1, estimate: 0.0869904369137"))
    #expect(lines[6].hasPrefix("  - {driver: tourism_spending, lag: 0, estimate: 0.17482906818846"))
    #expect(lines[7].hasPrefix("covariance: [["))
    #expect(lines.count == 8, "only driver terms: no intercept, no fixed effects")
    let again = try Self.fit()
    #expect(
      EstimatesFile.text(
        try EstimatesFile.estimateSet(equation: again.0, regression: again.1),
        command: "iccsim estimate --data simulated-panel.csv", regression: again.1) == text)
  }

  @Test func modelReadsBackExactlyWhatWasEstimated() throws {
    let (equation, regression) = try Self.fit()
    let set = try EstimatesFile.estimateSet(equation: equation, regression: regression)
    let folder = try Self.modelFolder(
      estimates: EstimatesFile.text(set, command: "iccsim estimate", regression: regression))
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = try Model.load(from: folder.appendingPathComponent("model.yaml"))
    let loaded = try #require(model.estimates.first)
    #expect(loaded.response == "retail_sales")
    #expect(loaded.terms == [.init(driver: "metro_km", lag: 1), .init(driver: "tourism_spending", lag: 0)])
    #expect(loaded.covarianceType == "cluster:city")
    // Shortest round-trip decimal text: the numbers come back bit for bit.
    #expect(loaded.coefficients == set.coefficients)
    #expect(loaded.covariance == set.covariance)
    #expect(loaded.coefficients[0] == regression.coefficient("LD.metro_km")!.estimate)
    #expect(
      loaded.covariance[1][1] == regression.coefficient("D.tourism_spending")!.standardError
        * regression.coefficient("D.tourism_spending")!.standardError
        || abs(loaded.covariance[1][1] - pow(regression.coefficient("D.tourism_spending")!.standardError, 2)) <= 1e-15
          * loaded.covariance[1][1]
    )
  }

  /// The simulation draws the written elasticities jointly from N(β̂, V̂). A model without
  /// drift or shocks, whose drivers move deterministically (metro +20 km a year, tourism +0.1 log
  /// points a year), lets each run's β be read back exactly from its retail path:
  /// Δz(1) = β_tourism·0.1 (metro's lag-1 change is 0 in year 1) and
  /// Δz(2) = β_metro·ln(121/101) + β_tourism·0.1. Over N = 20 000 runs the sample covariance
  /// entry (i, j) has standard error √((V_ii V_jj + V_ij²)/N) and the mean √(V_ii/N); both must
  /// lie within 5 of them (a false alarm has probability below 1e-5 per entry; the seed is pinned).
  @Test func simulationDrawsTheEstimatesJointly() throws {
    let (equation, regression) = try Self.fit()
    let set = try EstimatesFile.estimateSet(equation: equation, regression: regression)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-draws-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("models/estimates"), withIntermediateDirectories: true)
    try EstimatesFile.write(
      EstimatesFile.text(set, command: "iccsim estimate", regression: regression),
      to: folder.appendingPathComponent("models/estimates/retail_sales.yaml").path)
    try """
    model: engine-draws
    description: Deterministic drivers, so each run's elasticities can be read from its path
    indicators:
      metro_km: {kind: stock, offset: 1, annual_addition: 20}
      tourism_spending: {drift: 0.1}
      retail_sales:
        drift: 0
        drivers:
          - {from: metro_km, elasticity: 0.08, lag: 1}
          - {from: tourism_spending, elasticity: 0.2}
    estimates: [estimates/retail_sales.yaml]

    """.write(to: folder.appendingPathComponent("models/model.yaml"), atomically: true, encoding: .utf8)
    let runs = 20_000
    try """
    scenario: engine-draws
    city: testville
    base_year: 2023
    horizon: 2
    runs: \(runs)
    seed: 20261126
    model: models/model.yaml
    values: {metro_km: 100, tourism_spending: 1000, retail_sales: 10000}
    interventions: []

    """.write(to: folder.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)

    let compiled = try CompiledScenario(Scenario.load(from: folder.appendingPathComponent("scenario.yaml")))
    let block = compiled.project(runs: 0..<runs, sampler: MonteCarloSampler(seed: compiled.seed))
    let retail = try #require(compiled.outputs.firstIndex { $0.id == "retail_sales" })
    let metroStep = log(121.0) - log(101.0)
    var draws: [[Double]] = []
    for i in 0..<runs {
      let z = (0...2).map { log(block.value(series: retail, year: $0, run: i)) }
      let tourism = (z[1] - z[0]) / 0.1
      let metro = (z[2] - z[1] - tourism * 0.1) / metroStep
      draws.append([metro, tourism])
    }
    let n = Double(runs)
    let mean = (0..<2).map { j in draws.reduce(0) { $0 + $1[j] } / n }
    let v = set.covariance
    for i in 0..<2 {
      #expect(abs(mean[i] - set.coefficients[i]) <= 5 * (v[i][i] / n).squareRoot(), "mean of β\(i)")
      for j in 0..<2 {
        let sample = draws.reduce(0) { $0 + ($1[i] - mean[i]) * ($1[j] - mean[j]) } / (n - 1)
        let standardError = ((v[i][i] * v[j][j] + v[i][j] * v[i][j]) / n).squareRoot()
        #expect(abs(sample - v[i][j]) <= 5 * standardError, "covariance (\(i), \(j)): \(sample) vs \(v[i][j])")
      }
    }
  }

  @Test func aliasedDriverCannotBeWritten() throws {
    let model = try Model.load(from: URL(fileURLWithPath: FixtureFiles.path("panel-model.yaml")))
    let equation = try PanelEquation(
      model: model, response: "retail_sales", fixedEffects: .init(city: false, year: false))
    // Tourism spending never changes, so its difference is a column of zeros: not identified.
    var csv = "city,year,metro_km,tourism_spending,retail_sales\n"
    for (city, scale) in [("A", 1.0), ("B", 2.0)] {
      for year in 2015...2020 {
        let t = Double(year - 2014)
        csv += "\(city),\(year),\(scale * t * t),500,\(100 * t * t + scale)\n"
      }
    }
    let design = try equation.design(data: DataTable.parse(csv: csv))
    let regression = try Regression(fitting: design)
    #expect(regression.aliased == ["D.tourism_spending"])
    #expect(throws: EstimationError.self) {
      try EstimatesFile.estimateSet(equation: equation, regression: regression)
    }
  }
}
