import Foundation
import Stochastics
import Testing

@testable import CityModel

@Suite("Reading values")
struct ReadingTests {
  /// Reads `yaml` (a one-key mapping `x: …`) as a distribution.
  func distribution(_ yaml: String) -> (Distribution?, [String]) {
    let diagnostics = Diagnostics()
    let file = SourceFile(url: URL(fileURLWithPath: "/t.yaml"))
    guard let tree = YAMLTree.parse("x: \(yaml)", file: file, diagnostics: diagnostics),
      case .mapping(let mapping) = tree
    else { return (nil, diagnostics.problems.map(\.message)) }
    return (diagnostics.distribution(mapping["x"]!, what: "x"), diagnostics.problems.map(\.message))
  }

  @Test(arguments: [
    ("0.05", Distribution.fixed(0.05)),
    ("10_000", .fixed(10_000)),
    ("{normal: {mean: 0.05, sd: 0.01}}", .normal(mean: 0.05, sd: 0.01)),
    ("{lognormal: {median: 50, sd_log: 0.2}}", .lognormal(median: 50, sdLog: 0.2)),
    ("{uniform: {min: 0, max: 1}}", .uniform(min: 0, max: 1)),
    ("{triangular: {min: 40, mode: 50, max: 80}}", .triangular(min: 40, mode: 50, max: 80)),
    ("{pert: {min: 40, mode: 50, max: 80}}", .pert(min: 40, mode: 50, max: 80)),
    ("{beta: {alpha: 2, beta: 5, min: 0, max: 1}}", .beta(alpha: 2, beta: 5, min: 0, max: 1)),
    ("{beta: {alpha: 2, beta: 5}}", .beta(alpha: 2, beta: 5, min: 0, max: 1)),
    ("{poisson: {mean: 0.5}}", .poisson(mean: 0.5)),
    (
      "{discrete: {values: [0, 1, 2], weights: [0.6, 0.3, 0.1]}}",
      .discrete(values: [0, 1, 2], weights: [0.6, 0.3, 0.1])
    ),
    ("{discrete: {values: [1, 2]}}", .discrete(values: [1, 2], weights: [1, 1])),
  ])
  func everyFamilyOfTheDesignReads(_ text: String, _ expected: Distribution) {
    let (value, problems) = distribution(text)
    #expect(problems == [])
    #expect(value == expected)
  }

  @Test(arguments: [
    ("{lognormal: {median: 0, sd_log: 0.2}}", "x: lognormal median must be > 0 (got 0)"),
    (
      "{triangular: {min: 1, mode: 5, max: 3}}",
      "x: triangular mode must lie between min and max (got 5 outside 1…3)"
    ),
    ("{beta: {alpha: 0, beta: 1}}", "x: beta alpha must be > 0 (got 0)"),
    ("{poisson: {mean: -1}}", "x: poisson mean must be ≥ 0 (got -1)"),
    (
      "{discrete: {values: [1, 2], weights: [1]}}",
      "x: discrete weights must have one entry per value (got 1 weights for 2 values)"
    ),
    ("{normal: {mean: 1}}", "missing key 'sd' in a normal distribution"),
    (
      "{normal: {mean: 1, sd: 1}, uniform: {min: 0, max: 1}}",
      "expected x as a number or one distribution family ({normal: {mean: …, sd: …}}), found a mapping"
    ),
    (".nan", "expected x (a number or a distribution), found '.nan'"),
  ])
  func impossibleParametersAreReported(_ text: String, _ message: String) {
    let (value, problems) = distribution(text)
    #expect(value == nil)
    #expect(problems == [message])
  }

  @Test func yaml11BooleansStayText() throws {
    // `no`, `on`, `yes` and `off` would be booleans in YAML 1.1; ids and texts keep them as written.
    let model = Fixture.model.replacingOccurrences(of: "  refund:\n", with: "  on:\n") + "  # trailing comment\n"
    let data = Fixture.data.replacingOccurrences(of: "shanghai,", with: "no,")
    let scenario =
      Fixture.scenario.replacingOccurrences(of: "city: shanghai", with: "city: no")
      + "title: {zh: yes, en: off}\ninterventions:\n  - {id: yes, policy: on, start: 2024}\n"
    let folder = try TestFolder(Fixture.files(["model.yaml": model, "data.csv": data, "s.yaml": scenario]))
    let loaded = try Scenario.load(from: folder.file("s.yaml"))
    #expect(loaded.city == "no")
    #expect(loaded.title == LocalizedText(zh: "yes", en: "off"))
    #expect(loaded.interventions.first?.id == "yes")
    guard case .policy(let policy)? = loaded.interventions.first?.action else {
      Issue.record("expected a policy intervention")
      return
    }
    #expect(policy == "on")
    #expect(loaded.model.policies.map(\.id) == ["on"])
  }

  @Test func aScenarioReadsBackWhatTheFileSays() throws {
    let scenario =
      Fixture.scenario + """
        title: 测试
        horizon: 7
        runs: 123
        seed: 42
        values: {retail_sales: 18500.5}
        interventions:
          - id: build
            name: {zh: 建设, en: Build}
            adds: {metro_km: {normal: {mean: 60, sd: 10}}}
            start: 2025
            ramp: 3
            delay: {poisson: {mean: 0.5}}
            cost: {triangular: {min: 40, mode: 50, max: 80}}
        targets:
          - {indicator: retail_sales, year: 2030, at_least: 25000}
          - {indicator: vitality, year: 2030, at_most: 90}

        """
    let folder = try TestFolder(Fixture.files(["s.yaml": scenario]))
    let loaded = try Scenario.load(from: folder.file("s.yaml"))
    #expect(loaded.id == "s" && loaded.city == "shanghai" && loaded.baseYear == 2023)
    #expect(loaded.title == LocalizedText(zh: "测试", en: "测试"))
    #expect(loaded.horizon == 7 && loaded.runs == 123 && loaded.seed == 42)
    #expect(
      loaded.baseline == [
        "metro_km": 800, "retail_sales": 18500.5, "tourism_spending": 3700, "consumer_satisfaction": 80,
      ],
      "table rows for the city and year, with values: on top")
    let build = try #require(loaded.interventions.first)
    #expect(build.name == LocalizedText(zh: "建设", en: "Build"))
    #expect(build.start == 2025 && build.ramp == 3)
    #expect(build.delay == .poisson(mean: 0.5) && build.cost == .triangular(min: 40, mode: 50, max: 80))
    guard case .addToStocks(let additions) = build.action else {
      Issue.record("expected a stock intervention")
      return
    }
    #expect(additions.map(\.indicator) == ["metro_km"] && additions.map(\.amount) == [.normal(mean: 60, sd: 10)])
    #expect(
      loaded.targets == [
        Target(output: "retail_sales", year: 2030, bound: .atLeast(25000)),
        Target(output: "vitality", year: 2030, bound: .atMost(90)),
      ])
    #expect(
      loaded.model.id == "tiny"
        && loaded.model.indicators.map(\.id) == [
          "metro_km", "retail_sales", "tourism_spending", "consumer_satisfaction",
        ])
  }

  @Test func aModelReadsBackWhatTheFileSays() throws {
    let folder = try TestFolder(
      Fixture.files([
        "model.yaml": Fixture.model + """
          shock_correlation:
            - [retail_sales, tourism_spending, 0.6]
          disruption: {probability: {beta: {alpha: 1, beta: 30}}, size: {normal: {mean: -0.4, sd: 0.15}}}
          estimates: [est/retail.yaml]

          """,
        "est/retail.yaml": """
        response: retail_sales
        covariance_type: cluster:city
        terms:
          - {driver: metro_km, lag: 1, estimate: 0.081}
          - {driver: tourism_spending, lag: 0, estimate: 0.21}
        covariance: [[0.0009, 0.0001], [0.0001, 0.0016]]

        """,
      ]))
    let model = try Model.load(from: folder.file("model.yaml"))
    #expect(model.shockCorrelations.map(\.correlation) == [0.6])
    #expect(model.disruption?.probability == .beta(alpha: 1, beta: 30, min: 0, max: 1))
    let estimates = try #require(model.estimates.first)
    #expect(estimates.response == "retail_sales" && estimates.covarianceType == "cluster:city")
    #expect(estimates.terms == [.init(driver: "metro_km", lag: 1), .init(driver: "tourism_spending", lag: 0)])
    #expect(estimates.coefficients == [0.081, 0.21])
    #expect(estimates.covariance == [[0.0009, 0.0001], [0.0001, 0.0016]])
    #expect(model.index.goalposts["retail_sales"] == Goalpost(low: 5000, high: 25000))
    guard case .response(let retail) = model.indicators[1].role else {
      Issue.record("retail_sales should be a response")
      return
    }
    #expect(retail.drivers.map(\.from) == ["metro_km", "tourism_spending"] && retail.drivers.map(\.lag) == [1, 0])
    #expect(model.sourceFiles.map(\.lastPathComponent) == ["model.yaml", "retail.yaml"])
  }

  @Test func aSingularButSemidefiniteCovarianceIsAccepted() throws {
    // Two perfectly collinear estimates: V = [[1, 1], [1, 1]] has eigenvalues 2 and 0.
    let folder = try TestFolder([
      "est.yaml":
        "response: retail_sales\nterms: [{driver: a, estimate: 1}, {driver: b, estimate: 2}]\ncovariance: [[1, "
        + "1], [1, 1]]\n"
    ])
    #expect(folder.problems(validating: "est.yaml") == [])
    let indefinite = try TestFolder([
      "est.yaml":
        "response: retail_sales\nterms: [{driver: a, estimate: 1}, {driver: b, estimate: 2}]\ncovariance: [[1, "
        + "2], [2, 1]]\n"
    ])
    #expect(
      indefinite.problems(validating: "est.yaml") == [
        "est.yaml:3:13: the covariance matrix is not positive semi-definite: it cannot be the covariance of any "
          + "estimates"
      ])
  }

  @Test func missingGoalpostsAreNotedNotRefused() throws {
    let folder = try TestFolder(
      Fixture.files([
        "model.yaml": Fixture.model.replacingOccurrences(of: "    metro_km: {low: 100, high: 1000}\n", with: "")
      ]))
    let model = try Model.load(from: folder.file("model.yaml"))
    #expect(model.notes.map(\.message) == ["'metro_km' has no goalposts and does not enter the index"])
    #expect(model.notes.first?.line == 3)
  }

  @Test func goalpostsMayBeBoundedDistributions() throws {
    let folder = try TestFolder(
      Fixture.files([
        "model.yaml": Fixture.model.replacingOccurrences(
          of: "tourism_spending: {low: 1000, high: 8000}",
          with:
            "tourism_spending: {low: {triangular: {min: 800, mode: 1000, max: 1500}}, high: {uniform: {min: "
            + "7000, max: 9000}}}"
        )
      ]))
    let model = try Model.load(from: folder.file("model.yaml"))
    #expect(
      model.index.goalposts["tourism_spending"]
        == Goalpost(low: .triangular(min: 800, mode: 1000, max: 1500), high: .uniform(min: 7000, max: 9000)))
  }
}

@Suite("CSV")
struct CSVTests {
  @Test func readsQuotedFieldsLineBreaksAndByteOrderMark() throws {
    let text = "\u{FEFF}a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n\n3,,\"\"\n"
    let records = try CSVReader.records(text, options: .cityTable)
    #expect(
      records.map(\.fields) == [
        ["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", ""], ["3", "", ""],
      ])
    #expect(records.map(\.line) == [1, 2, 3, 6], "each record keeps the line it starts on")
  }

  @Test func reportsAnUnclosedQuote() {
    #expect(throws: CSVReader.SyntaxError.self) { try CSVReader.records("a,b\n1,\"open\n", options: .cityTable) }
    let afterQuote = CSVReader.SyntaxError(
      kind: .textAfterClosingQuote, line: 2, recordLine: 2, fieldLine: 2, column: 2)
    #expect(throws: afterQuote) {
      try CSVReader.records("a,b\n1,\"x\"y\n", options: .cityTable)
    }
  }

  /// The rules on which city tables and estimation panels differ, each an option of the one reader.
  @Test func optionsExpressEachCallersRules() throws {
    let text = " a ,b\r\n\"\"\nc\rd\n"
    let city = try CSVReader.records(text, options: .cityTable)
    #expect(
      city == [
        .init(line: 1, fields: [" a ", "b"]), .init(line: 2, fields: [""]),
        .init(line: 3, fields: ["c"]), .init(line: 4, fields: ["d"]),
      ])
    let panel = CSVReader.Options(
      trimsBlanks: true, carriageReturnEndsRecord: false, skipsQuotedEmptyLines: true, refusesNulBytes: true)
    #expect(
      try CSVReader.records(text, options: panel)
        == [.init(line: 1, fields: ["a", "b"]), .init(line: 3, fields: ["c\rd"])])
    #expect(try CSVReader.records("x\na\u{0}\n", options: .cityTable).map(\.fields) == [["x"], ["a\u{0}"]])
    #expect(throws: CSVReader.SyntaxError(kind: .nulByte, line: 2, recordLine: 2, fieldLine: 2, column: 1)) {
      try CSVReader.records("x\na\u{0}\n", options: panel)
    }
  }

  @Test func cityTableCSVFaultsCarryTheirLine() throws {
    let header = "city,indicator,year,value,unit,source\n"
    let folder = try TestFolder([
      "quote.csv": header + "shanghai,metro_km,2023,1,km,\"x\"y\n",
      "open.csv": header + "shanghai,metro_km,2023,1,km,x\nbeijing,metro_km,2023,1,\"km\n,x\n",
    ])
    #expect(
      folder.problems(validating: "quote.csv")
        == ["quote.csv:2: malformed CSV: expected a comma or the end of the line after a closing quote"])
    #expect(
      folder.problems(validating: "open.csv")
        == ["open.csv:3: malformed CSV: a quoted field is not closed before the end of the file"])
  }

  @Test func cityTableProblemsCarryTheirLine() throws {
    let folder = try TestFolder([
      "t.csv":
        "city,indicator,year,value,unit,source\nshanghai,retail_sales,2023,abc,亿元,x\n"
        + "shanghai,metro_km,2023,-5,km,x\nshanghai,retail_sales,20x3,1,亿元,x\nbeijing,metro_km,2023\n"
    ])
    #expect(
      folder.problems(validating: "t.csv") == [
        "t.csv:2: value must be a finite number (got 'abc')",
        "t.csv:4: year must be a whole number (got '20x3')",
        "t.csv:5: expected 6 fields as in the header, found 3",
        "t.csv:3: metro_km is a count and must be ≥ 0 (got -5)",
      ])
    let noSource = try TestFolder(["t.csv": "city,indicator,year,value,unit\n"])
    #expect(
      noSource.problems(validating: "t.csv") == [
        "t.csv:1: the header lacks the column source (a city table has city, indicator, year, value, unit, source)"
      ])
  }
}

@Suite("Driver graph")
struct DriverGraphTests {
  func response(_ drivers: [(String, Int)]) -> ModelIndicator.Role {
    .response(
      Response(drift: .fixed(0), drivers: drivers.map { Driver(from: $0.0, elasticity: .fixed(0.1), lag: $0.1) }))
  }

  @Test func ordersResponsesAfterTheirLagZeroDrivers() {
    let graph = DriverGraph([
      ModelIndicator(id: "retail", role: response([("brands", 0), ("tourism", 0)])),
      ModelIndicator(id: "brands", role: response([("retail", 1)])),  // lagged feedback is allowed
      ModelIndicator(id: "tourism", role: response([("metro", 1)])),
      ModelIndicator(id: "metro", role: .stock(Stock(annualAddition: .fixed(10)))),
    ])
    #expect(graph.lagZeroCycles() == [])
    #expect(graph.responseOrder == ["brands", "tourism", "retail"])
  }

  @Test func namesEachLagZeroCycleAlongTheArrows() {
    let graph = DriverGraph([
      ModelIndicator(id: "a", role: response([("c", 0)])),
      ModelIndicator(id: "b", role: response([("a", 0)])),
      ModelIndicator(id: "c", role: response([("b", 0)])),
      ModelIndicator(id: "d", role: response([("d", 0)])),
    ])
    // c drives a, a drives b, b drives c: the walk from a back through its drivers finds it.
    #expect(graph.lagZeroCycles() == [["b", "c", "a", "b"], ["d", "d"]])
    #expect(graph.responseOrder == nil)
  }

  @Test func theDefaultModelHasAnOrder() throws {
    let model = try Model.load(from: repositoryRoot.appendingPathComponent("scenarios/models/icc-default.yaml"))
    let order = try #require(model.driverGraph.responseOrder)
    let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    for indicator in model.indicators {
      guard case .response(let response) = indicator.role else { continue }
      for driver in response.drivers where driver.lag == 0 && position[driver.from] != nil {
        #expect(position[driver.from]! < position[indicator.id]!, "\(driver.from) before \(indicator.id)")
      }
    }
  }
}

@Suite("Suggestions")
struct SuggestionTests {
  @Test func suggestsOnlyCloseNames() {
    #expect(editDistance("horizn", "horizon") == 1)
    #expect(editDistance("kitten", "sitting") == 3)
    #expect(editDistance("sede", "seed") == 1, "a swap of neighbours is one edit")
    #expect(closestMatch(to: "retail_sale", among: IndicatorCatalogue.bundled.ids) == "retail_sales")
    #expect(closestMatch(to: "population", among: IndicatorCatalogue.bundled.ids) == nil)
  }
}
