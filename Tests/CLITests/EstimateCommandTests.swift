import Foundation
import Testing

/// `iccsim estimate` end to end: the built binary on the committed fixtures and shipped data.
@Suite("estimate command")
struct EstimateCommandTests {
  static let fixtures = "Tests/EstimationTests/Fixtures"

  @Test func jsonHasTheDesignKeysAndIsDeterministic() throws {
    let arguments = ["estimate", "--data", "\(Self.fixtures)/synthetic-panel.csv", "--formula", "y ~ x1 + log(x2) + C(city)",
                     "--se", "hc1", "--format", "json"]
    let first = try execute(arguments)
    let second = try execute(arguments)
    #expect(first.status == 0, "stderr: \(first.stderr)")
    #expect(first.stdout == second.stdout, "identical fits give identical bytes")
    let json = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as! [String: Any]
    for key in ["n_obs", "df_resid", "rank", "coefficients", "r_squared", "adj_r_squared", "residual_std_error",
                "f_statistic", "condition_number", "covariance", "n_dropped", "aliased", "f_p_value", "df_model"] {
      #expect(json[key] != nil, "missing key \(key)")
    }
    #expect(json["n_obs"] as? Int == 177)
    #expect(json["n_dropped"] as? Int == 3)
    let coefficient = (json["coefficients"] as! [[String: Any]])[1]
    #expect(Set(coefficient.keys).isSuperset(of: ["term", "estimate", "std_error", "t", "p_value", "ci_low", "ci_high"]))
    let covariance = json["covariance"] as! [String: Any]
    #expect(covariance["type"] as? String == "HC1")
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var status: Int32
    var message: String
    var testDescription: String { name }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(name: "formula syntax", arguments: ["--formula", "y ~ x1 +"], status: 64, message: "formula: expected a column"),
    ErrorCase(name: "unknown column", arguments: ["--formula", "y ~ x11"], status: 65,
              message: "synthetic-panel.csv: no column named `x11`; did you mean `x1`?"),
    ErrorCase(name: "unknown covariance", arguments: ["--formula", "y ~ x1", "--se", "hc4"], status: 64,
              message: "unknown covariance `hc4`"),
    ErrorCase(name: "formula and model", arguments: ["--formula", "y ~ x1", "--model", "m.yaml"], status: 64,
              message: "give either --formula or --model"),
  ]

  @Test(arguments: errorCases)
  func errorsHaveTheirExitStatus(_ example: ErrorCase) throws {
    let result = try execute(["estimate", "--data", "\(Self.fixtures)/synthetic-panel.csv"] + example.arguments)
    #expect(result.status == example.status)
    #expect(result.stderr.contains(example.message), "stderr: \(result.stderr)")
  }

  @Test func missingDataFileIsNoInput() throws {
    let result = try execute(["estimate", "--data", "no-such-panel.csv", "--formula", "y ~ x"])
    #expect(result.status == 66)
    #expect(result.stderr.contains("no-such-panel.csv: cannot read"))
  }

  @Test func nonNumericCellIsReportedAtItsLineAndColumn() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-estimate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("panel.csv")
    try "city,y,x\nA,1,2\nB,2,3\nC,3,four\nD,5,6\n".write(to: file, atomically: true, encoding: .utf8)
    let result = try execute(["estimate", "--data", file.path, "--formula", "y ~ x"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("\(file.path):4:3: \"four\" in column x is not a number"))
  }

  @Test func example03Runs() throws {
    let script = repositoryRoot.appendingPathComponent("examples/03-estimate-sensitivities.sh")
    let result = try execute([script.path], executable: URL(fileURLWithPath: "/bin/bash"))
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("log(inbound_overnight_tourists)"))
    #expect(result.stdout.contains("\"n_obs\" : 29"), "rows marked use=break are left out")
    #expect(result.stdout.contains("  - {driver: metro_km, lag: 1, estimate: 0.0869904369137"))
    #expect(result.stdout.contains("model retail-estimated: 3 indicators, 0 policies, 1 estimate set"))
  }
}
