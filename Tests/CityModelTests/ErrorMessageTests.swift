import Foundation
import Testing

@testable import CityModel

/// One way to get an input wrong, and exactly what validation must say about it.
struct ErrorCase: CustomTestStringConvertible, Sendable {
  var name: String
  /// Files replacing or adding to the fixture's model.yaml, data.csv and s.yaml.
  var files: [String: String]
  /// The file validated.
  var entry: String = "s.yaml"
  /// Every expected problem, `file:line:column: message`, in order.
  var expected: [String]

  var testDescription: String { name }
}

private let m = Fixture.model
private let s = Fixture.scenario

let errorCases: [ErrorCase] = [
  ErrorCase(
    name: "malformed YAML", files: ["s.yaml": s + "targets: [{indicator: index\n"],
    expected: ["s.yaml:7:1: malformed YAML: did not find expected ',' or '}' while parsing a flow mapping at line 6"]),
  ErrorCase(
    name: "nesting beyond 64 levels", files: ["s.yaml": s + "values: " + String(repeating: "[", count: 70) + "\n"],
    expected: ["s.yaml:6:72: mappings and lists are nested more than 64 levels deep"]),
  ErrorCase(
    name: "aliases expanding past a million values",
    files: [
      "s.yaml": s + "a0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
        + (1...6).map {
          "a\($0): &a\($0) [" + Array(repeating: "*a\($0 - 1)", count: 10).joined(separator: ", ") + "]\n"
        }.joined()
    ],
    expected: ["s.yaml:11:45: the document expands to more than 1000000 values (aliases included)"]),
  ErrorCase(
    name: "duplicate key", files: ["s.yaml": s + "city: beijing\n"],
    expected: ["s.yaml:2:1: duplicate key 'city' in a mapping: each key may appear once"]),
  ErrorCase(
    name: "duplicate key written once quoted", files: ["s.yaml": s + "values: {2023: 1, \"2023\": 2}\n"],
    expected: ["s.yaml:6:10: duplicate key '2023' in a mapping: each key may appear once"]),
  ErrorCase(
    name: "unknown key with a suggestion", files: ["s.yaml": s + "horizn: 10\n"],
    expected: ["s.yaml:6:1: unknown key 'horizn' in a scenario file; did you mean 'horizon'?"]),
  ErrorCase(
    name: "unknown key without a suggestion", files: ["s.yaml": s.replacingOccurrences(of: "city:", with: "town:")],
    expected: [
      "s.yaml:2:1: unknown key 'town' in a scenario file (expected one of: scenario, extends, title, city, "
        + "base_year, horizon, runs, seed, model, baseline, values, interventions, targets)",
      "s.yaml:1:1: missing key 'city' in a scenario file",
    ]),
  ErrorCase(
    name: "quoted number", files: ["s.yaml": s + "horizon: \"10\"\n"],
    expected: [
      "s.yaml:6:10: expected a horizon in years, found the quoted text '10' (numbers are written without quotes)"
    ]),
  ErrorCase(
    name: "horizon outside 1…30", files: ["s.yaml": s + "horizon: 31\n"],
    expected: ["s.yaml:6:10: a horizon in years must lie in 1…30 (got 31)"]),
  ErrorCase(
    name: "runs below 1", files: ["s.yaml": s + "runs: 0\n"],
    expected: ["s.yaml:6:7: a number of runs must lie in 1…100000000 (got 0)"]),
  ErrorCase(
    name: "unknown indicator id",
    files: ["model.yaml": m.replacingOccurrences(of: "from: metro_km", with: "from: metro_kms")],
    expected: ["model.yaml:8:16: unknown indicator 'metro_kms'; did you mean 'metro_km'?"]),
  ErrorCase(
    name: "driver not in play",
    files: ["model.yaml": m.replacingOccurrences(of: "from: metro_km", with: "from: hotel_beds")],
    expected: [
      "model.yaml:8:16: 'hotel_beds' is not in play in this model: add it under indicators to use it in the "
        + "drivers of retail_sales"
    ]),
  ErrorCase(
    name: "negative lag", files: ["model.yaml": m.replacingOccurrences(of: "lag: 1}", with: "lag: -1}")],
    expected: ["model.yaml:8:48: a lag must be ≥ 0 years (got -1)"]),
  ErrorCase(
    name: "lag-0 cycle",
    files: [
      "model.yaml": m.replacingOccurrences(
        of: "    drift: 0.03\n", with: "    drift: 0.03\n    drivers: [{from: retail_sales, elasticity: 0.1}]\n")
    ],
    expected: [
      "model.yaml:9:9: a cycle through lag-0 drivers: tourism_spending → retail_sales → tourism_spending; give "
        + "one of its edges a lag ≥ 1"
    ]),
  ErrorCase(
    name: "negative sd",
    files: ["model.yaml": m.replacingOccurrences(of: "drift: 0.05", with: "drift: {normal: {mean: 0.05, sd: -1}}")],
    expected: ["model.yaml:6:21: a drift: normal sd must be ≥ 0 (got -1)"]),
  ErrorCase(
    name: "unknown yearly variation",
    files: [
      "model.yaml": m.replacingOccurrences(of: "annual_addition: 10", with: "annual_addition: 10\n    yearly: poison")
    ],
    expected: [
      "model.yaml:5:13: expected a yearly variation: none, poisson or {sd: s}, found 'poison'; did you mean 'poisson'?"
    ]),
  ErrorCase(
    name: "negative yearly sd",
    files: [
      "model.yaml": m.replacingOccurrences(of: "annual_addition: 10", with: "annual_addition: 10\n    yearly: {sd: -2}")
    ],
    expected: ["model.yaml:5:18: a yearly sd must be ≥ 0 (got -2)"]),
  ErrorCase(
    name: "yearly variation on a response",
    files: ["model.yaml": m.replacingOccurrences(of: "drift: 0.03", with: "drift: 0.03\n    yearly: poisson")],
    expected: [
      "model.yaml:12:5: unknown key 'yearly' in tourism_spending (a response) (expected one of: kind, offset, "
        + "drift, shock, exposure, drivers, rubric)"
    ]),
  ErrorCase(
    name: "min above max",
    files: ["s.yaml": s + "interventions:\n  - {id: x, adds: {metro_km: {uniform: {min: 5, max: 1}}}, start: 2024}\n"],
    expected: ["s.yaml:7:40: an amount: uniform min must be ≤ max (got min 5 > max 1)"]),
  ErrorCase(
    name: "unknown distribution",
    files: ["model.yaml": m.replacingOccurrences(of: "drift: 0.05", with: "drift: {normall: {mean: 0.05, sd: 1}}")],
    expected: ["model.yaml:6:13: unknown distribution 'normall'; did you mean 'normal'?"]),
  ErrorCase(
    name: "ramp below 1", files: ["s.yaml": s + "interventions:\n  - {id: x, policy: refund, start: 2024, ramp: 0}\n"],
    expected: ["s.yaml:7:48: ramp must be ≥ 1 year (got 0)"]),
  ErrorCase(
    name: "unknown policy", files: ["s.yaml": s + "interventions:\n  - {id: x, policy: refnd, start: 2024}\n"],
    expected: ["s.yaml:7:21: unknown policy 'refnd'; did you mean 'refund'?"]),
  ErrorCase(
    name: "delay that is not whole years",
    files: [
      "s.yaml": s + "interventions:\n  - {id: x, policy: refund, start: 2024, delay: {uniform: {min: 0, max: 2}}}\n"
    ],
    expected: [
      "s.yaml:7:49: a delay is a whole number of years: use a whole number, a poisson or a discrete distribution"
    ]),
  ErrorCase(
    name: "probability outside [0, 1]", files: ["model.yaml": m + "disruption: {probability: 1.5, size: -0.3}\n"],
    expected: ["model.yaml:24:27: a probability must lie in [0, 1] (got 1.5)"]),
  ErrorCase(
    name: "score outside (0, 100)", files: ["s.yaml": s + "values: {consumer_satisfaction: 100}\n"],
    expected: [
      "s.yaml:6:33: consumer_satisfaction is a 0–100 score and must lie strictly between 0 and 100 (got "
        + "100)"
    ]),
  ErrorCase(
    name: "index target above 100", files: ["s.yaml": s + "targets: [{indicator: index, year: 2030, at_least: 120}]\n"],
    expected: ["s.yaml:6:52: index is a score from 0 to 100 (got 120)"]),
  ErrorCase(
    name: "goalposts low = high",
    files: ["model.yaml": m.replacingOccurrences(of: "{low: 100, high: 1000}", with: "{low: 100, high: 100}")],
    expected: [
      "model.yaml:20:15: goalposts need low < high in every draw (got low 100, high 100); for an indicator where "
        + "lower is better, keep low < high: the index reverses it"
    ]),
  ErrorCase(
    name: "uncertain goalposts that can cross",
    files: [
      "model.yaml": m.replacingOccurrences(
        of: "{low: 100, high: 1000}",
        with: "{low: {uniform: {min: 100, max: 600}}, high: {uniform: {min: 500, max: 1000}}}")
    ],
    expected: [
      "model.yaml:20:15: goalposts need low < high in every draw (low reaches 600, high starts at 500); for an "
        + "indicator where lower is better, keep low < high: the index reverses it"
    ]),
  ErrorCase(
    name: "an unbounded goalpost",
    files: [
      "model.yaml": m.replacingOccurrences(
        of: "{low: 100, high: 1000}", with: "{low: {normal: {mean: 100, sd: 10}}, high: 1000}")
    ],
    expected: [
      "model.yaml:20:21: goalpost low: an uncertain goalpost needs a bounded distribution (uniform, triangular, "
        + "pert, beta or discrete), so that every draw is a valid bound"
    ]),
  ErrorCase(
    name: "missing base-year value",
    files: [
      "data.csv": Fixture.data.replacingOccurrences(of: "shanghai,tourism_spending,2023,3700,亿元,test\n", with: "")
    ],
    expected: [
      "s.yaml:5:1: no base-year (2023) value for shanghai of tourism_spending: the baseline table lacks it; add "
        + "rows or set it under values:"
    ]),
  ErrorCase(
    name: "non-positive-definite shock correlations",
    files: [
      "model.yaml": m
        + "shock_correlation:\n  - [retail_sales, tourism_spending, 0.9]\n  - [retail_sales, "
        + "consumer_satisfaction, 0.9]\n  - [tourism_spending, consumer_satisfaction, -0.9]\n"
    ],
    expected: [
      "model.yaml:25:3: the shock correlations are not positive definite (over retail_sales, tourism_spending, "
        + "consumer_satisfaction): no set of shocks can have them; iccsim does not repair this — lower some "
        + "correlations or remove one"
    ]),
  ErrorCase(
    name: "extends loop", files: ["a.yaml": "extends: b.yaml\nscenario: a\n", "b.yaml": s + "extends: a.yaml\n"],
    entry: "a.yaml",
    expected: ["b.yaml:6:10: an extends loop: a.yaml → b.yaml → a.yaml"]),
  ErrorCase(
    name: "a referenced file that cannot be read",
    files: ["s.yaml": s.replacingOccurrences(of: "model.yaml", with: "missing.yaml")],
    expected: ["s.yaml:4:8: cannot read missing.yaml: no such file"]),
  ErrorCase(
    name: "estimate covariance not symmetric",
    files: [
      "model.yaml": m + "estimates: [est.yaml]\n",
      "est.yaml":
        "response: retail_sales\nterms:\n  - {driver: metro_km, lag: 1, estimate: 0.08}\n  - {driver: "
        + "tourism_spending, estimate: 0.2}\ncovariance: [[0.01, 0.002], [0.003, 0.02]]\n",
    ],
    expected: ["est.yaml:5:29: the covariance matrix is not symmetric: entry (2, 1) is 0.003 but (1, 2) is 0.002"]),
  ErrorCase(
    name: "estimate term that is not a driver",
    files: [
      "model.yaml": m + "estimates: [est.yaml]\n",
      "est.yaml":
        "response: retail_sales\nterms:\n  - {driver: metro_km, lag: 0, estimate: 0.08}\ncovariance: [[0.01]]\n",
    ],
    expected: [
      "est.yaml:3:5: metro_km at lag 0 is not a driver of retail_sales in the model: add it to the response's "
        + "drivers (the estimate replaces its elasticity)"
    ]),
  ErrorCase(
    name: "unknown normalisation",
    files: [
      "model.yaml": m.replacingOccurrences(
        of: "metro_km: {low: 100, high: 1000}", with: "metro_km: {low: 100, high: 1000, normalisation: lineal}")
    ],
    expected: [
      "model.yaml:20:53: normalisation must be linear (min–max on natural units) or transformed (min–max in the "
        + "modelling space) (got 'lineal'); did you mean 'linear'?"
    ]),
  ErrorCase(
    name: "every problem at once",
    files: ["s.yaml": s + "horizon: 0\nruns: -5\ninterventions:\n  - {id: x, adds: {retail_sales: 1}, start: 2020}\n"],
    expected: [
      "s.yaml:6:10: a horizon in years must lie in 1…30 (got 0)",
      "s.yaml:7:7: a number of runs must lie in 1…100000000 (got -5)",
      "s.yaml:9:20: 'retail_sales' is a response, but interventions that add need a stock",
      "s.yaml:9:45: an intervention starts after the base year 2023 (got 2020): the base year is what the "
        + "baseline already holds",
    ]),
]

@Suite("Error messages")
struct ErrorMessageTests {
  @Test(arguments: errorCases)
  func reportsLocatedMessages(_ errorCase: ErrorCase) throws {
    let folder = try TestFolder(Fixture.files(errorCase.files))
    #expect(folder.problems(validating: errorCase.entry) == errorCase.expected)
  }

  @Test func fixtureIsValid() throws {
    let folder = try TestFolder(Fixture.files())
    #expect(folder.problems(validating: "s.yaml") == [])
    #expect(folder.problems(validating: "model.yaml") == [])
  }

  @Test func unreadableTopFileIsItsOwnKind() throws {
    let folder = try TestFolder([:])
    do {
      _ = try validate(file: folder.file("absent.yaml"))
      Issue.record("validating a missing file succeeded")
    } catch let error as InputError {
      #expect(error.isUnreadableFile)
      #expect(error.problems.map(\.message) == ["cannot read file: no such file"])
    }
  }

  @Test func contentErrorsAreNotUnreadableFiles() throws {
    let folder = try TestFolder(Fixture.files(["s.yaml": s + "horizon: 0\n"]))
    #expect(throws: InputError.self) { try Scenario.load(from: folder.file("s.yaml")) }
    do {
      _ = try Scenario.load(from: folder.file("s.yaml"))
    } catch let error as InputError {
      #expect(!error.isUnreadableFile)
    }
  }
}
