import Foundation
import Testing
import _TestSupport

/// `iccsim sensitivity` through the built binary: the public JSON rows, the table, CSV and exit
/// statuses, and example 04.
@Suite("Sensitivity command")
struct SensitivityCommandTests {
  static let scenario = "scenarios/shanghai-baseline.yaml"

  static func rows(_ stdout: String) throws -> (document: [String: Any], rows: [[String: Any]]) {
    let document = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    return (document, try #require(document["rows"] as? [[String: Any]]))
  }

  @Test func sobolJsonRowsHaveThePublicShape() throws {
    let result = try execute([
      "sensitivity", Self.scenario, "--method", "sobol", "--samples", "64", "--year", "2030", "--format", "json",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let (document, rows) = try Self.rows(result.stdout)
    let inputs = try #require(document["inputs"] as? [[String: Any]])
    #expect(document["method"] as? String == "sobol" && document["noise"] as? String == "common")
    #expect(document["runs"] as? Int == 64 * (inputs.count + 2))
    #expect(rows.count == inputs.count)
    for row in rows {
      #expect(
        Set(row.keys) == ["input", "output", "year", "method", "s1", "s1_low", "s1_high", "st", "st_low", "st_high"])
      #expect(row["output"] as? String == "index" && row["year"] as? Int == 2030 && row["method"] as? String == "sobol")
    }
    // Inputs are named by their stable paths.
    #expect(rows.contains { $0["input"] as? String == "retail_sales.drift" })
    // 64 base samples is too few: the result says so.
    let warnings = try #require(document["warnings"] as? [[String: Any]])
    #expect(warnings.contains { $0["kind"] as? String == "small_sample" })
  }

  @Test func srcAndTornadoRowsHaveTheirFields() throws {
    let src = try execute([
      "sensitivity", Self.scenario, "--method", "src", "--samples", "300", "--output", "retail_sales", "--format",
      "json",
    ])
    #expect(src.status == 0, "stderr: \(src.stderr)")
    let srcRows = try Self.rows(src.stdout).rows
    #expect(
      srcRows.allSatisfy {
        Set($0.keys) == ["input", "output", "year", "method", "src", "prcc", "r_squared", "rank_r_squared"]
      })
    #expect(srcRows.allSatisfy { $0["year"] as? Int == 2033 && $0["output"] as? String == "retail_sales" })

    let tornado = try execute([
      "sensitivity", Self.scenario, "--method", "tornado", "--output", "cost", "--all-years", "--format", "json",
    ])
    #expect(tornado.status == 0, "stderr: \(tornado.stderr)")
    let tornadoRows = try Self.rows(tornado.stdout).rows
    #expect(Set(tornadoRows.compactMap { $0["year"] as? Int }) == Set(2024...2033))
    #expect(
      tornadoRows.allSatisfy {
        Set($0.keys) == [
          "input", "output", "year", "method", "low", "high", "swing", "base", "input_low", "input_high",
        ]
      })
    // The programme cost of a year depends on the interventions' costs (and delays), on nothing else.
    let costDrivers = Set(
      tornadoRows.filter { ($0["swing"] as? Double ?? 0) > 0 }.compactMap { $0["input"] as? String })
    #expect(!costDrivers.isEmpty && costDrivers.allSatisfy { $0.hasPrefix("interventions.") })
  }

  @Test func tableIsAlignedAndSortedByImportance() throws {
    let result = try execute(["sensitivity", Self.scenario, "--method", "tornado", "--wide"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines[0] == "Shanghai baseline — Tornado (each input at P5 and P95, the others at their medians)")
    let header = try #require(lines.firstIndex { $0.hasPrefix("input ") })
    let body = lines[(header + 1)...].prefix { !$0.isEmpty }
    #expect(body.count > 10)
    // Every line of the block has the header's width, and swings never increase down the table.
    #expect(body.allSatisfy { $0.count == lines[header].count })
    let swings = body.map { Double($0.split(separator: " ").last!)! }
    #expect(zip(swings, swings.dropFirst()).allSatisfy { $0 >= $1 })
  }

  @Test func csvHasAHeaderAndOneLinePerRow() throws {
    let result = try execute([
      "sensitivity", Self.scenario, "--method", "sobol", "--groups", "--samples", "32", "--format", "csv",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "input,output,year,method,s1,s1_low,s1_high,st,st_low,st_high")
    // The shipped model's index weights are fixed: one group, the model.
    #expect(lines.dropFirst().map { $0.split(separator: ",").first! } == ["model"])
    #expect(result.stderr.contains("only 32 base samples"))
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var status: Int32
    var message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  @Test(arguments: [
    ErrorCase(
      arguments: ["--method", "sobol", "--output", "gdp"], status: 64,
      message: "'gdp' is not an output of scenario 'shanghai-baseline'; expected one of: global_city_rank"),
    ErrorCase(
      arguments: ["--method", "tornado", "--year", "2050"], status: 64,
      message: "--year 2050 is outside the scenario's years 2023…2033"),
    ErrorCase(
      arguments: ["--method", "src", "--groups"], status: 64, message: "--groups applies to --method sobol only"),
    ErrorCase(
      arguments: ["--method", "tornado", "--samples", "10"], status: 64,
      message: "--samples does not apply to the tornado"),
    ErrorCase(arguments: ["--method", "anova"], status: 64, message: "anova"),
    ErrorCase(
      arguments: ["--method", "src", "--samples", "20"], status: 64,
      message: "a regression on 56 inputs needs at least 58 samples, got 20"),
  ])
  func errorsHaveTheirExitStatus(_ example: ErrorCase) throws {
    let result = try execute(["sensitivity", Self.scenario] + example.arguments)
    #expect(result.status == example.status)
    #expect(result.stderr.contains(example.message), "stderr: \(result.stderr)")
  }

  @Test func missingScenarioExits66() throws {
    let result = try execute(["sensitivity", "scenarios/no-such-file.yaml", "--method", "tornado"])
    #expect(result.status == 66)
  }

  @Test func example04Runs() throws {
    let script = repositoryRoot.appendingPathComponent("examples/04-what-drives-the-result.sh")
    let result = try execute([script.path], executable: URL(fileURLWithPath: "/bin/bash"))
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("largest total-order indices of the index in 2033"))
    #expect(result.stdout.contains("Index method: how the index is computed"), "the index_method group, by name")
  }
}
