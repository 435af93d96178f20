import Foundation
import Testing
import _TestSupport

/// `iccsim estimate` end to end: the built binary on the committed fixtures and shipped data.
@Suite("estimate command")
struct EstimateCommandTests {
  static let fixtures = "Tests/EstimationTests/Fixtures"

  @Test func jsonHasTheDesignKeysAndIsDeterministic() throws {
    let arguments = [
      "estimate", "--data", "\(Self.fixtures)/synthetic-panel.csv", "--formula", "y ~ x1 + log(x2) + C(city)",
      "--se", "hc1", "--format", "json",
    ]
    let first = try execute(arguments)
    let second = try execute(arguments)
    #expect(first.status == 0, "stderr: \(first.stderr)")
    #expect(first.stdout == second.stdout, "identical fits give identical bytes")
    let json = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as! [String: Any]
    for key in [
      "n_obs", "df_resid", "rank", "coefficients", "r_squared", "adj_r_squared", "residual_std_error",
      "f_statistic", "condition_number", "covariance", "n_dropped", "aliased", "f_p_value", "df_model",
    ] {
      #expect(json[key] != nil, "missing key \(key)")
    }
    #expect(json["n_obs"] as? Int == 177)
    #expect(json["n_dropped"] as? Int == 3)
    let coefficient = (json["coefficients"] as! [[String: Any]])[1]
    #expect(
      Set(coefficient.keys).isSuperset(of: ["term", "estimate", "std_error", "t", "p_value", "ci_low", "ci_high"]))
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
    ErrorCase(
      name: "formula syntax", arguments: ["--formula", "y ~ x1 +"], status: 64, message: "formula: expected a column"),
    ErrorCase(
      name: "unknown column", arguments: ["--formula", "y ~ x11"], status: 65,
      message: "synthetic-panel.csv: no column named `x11`; did you mean `x1`?"),
    ErrorCase(
      name: "unknown covariance", arguments: ["--formula", "y ~ x1", "--se", "hc4"], status: 64,
      message: "unknown covariance `hc4`"),
    ErrorCase(
      name: "formula and model", arguments: ["--formula", "y ~ x1", "--model", "m.yaml"], status: 64,
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

  /// A column both in C() and as a number (issue formulas): fitted, the duplicate aliased.
  @Test(arguments: [
    ("AVGEXP ~ C(OWNRENT) + OWNRENT + INCOME", "OWNRENT"), ("invest ~ value + C(year):capital + year", ""),
    ("invest ~ year + C(year)", "year"), ("invest ~ log(year) + C(year)", "log(year)"),
  ])
  func columnInCategoricalAndNumericTermsFits(_ formula: String, _ aliased: String) throws {
    let result = try execute(
      ["estimate", "--data", "\(Self.fixtures)/mixed-terms.csv", "--formula", formula, "--se", "hc1"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let note = "Aliased (linearly dependent on earlier terms, not estimated): \(aliased)."
    #expect(aliased.isEmpty != result.stdout.contains(note))
  }

  /// Two-way clustering with fixed effects gives negative variances (NaN standard errors, as in
  /// statsmodels): JSON and YAML write null with the reason, and exit 0.
  @Test(arguments: ["json", "yaml"])
  func undefinedStandardErrorsAreNullWithTheirReason(_ format: String) throws {
    let result = try execute([
      "estimate", "--data", "\(Self.fixtures)/synthetic-panel.csv", "--formula", "y ~ x1 + log(x2) + C(city) + C(year)",
      "--se", "cluster:city,year", "--format", format,
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("its estimated variance is negative"))
    if format == "json" {
      let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      let undefined = (json["coefficients"] as? [[String: Any]] ?? []).filter { $0["std_error"] is NSNull }
      #expect(!undefined.isEmpty)
      #expect(undefined.allSatisfy { ($0["undefined"] as? [String: String])?["std_error"] != nil })
    } else {
      let values = result.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").last?.lowercased() }
      #expect(!values.contains { ["nan", "-nan", ".nan", "inf", "-inf", ".inf", "-.inf"].contains($0) })
      #expect(result.stdout.contains("std_error: null"))
    }
  }

  /// A dummy that is 1 on one row: HC2/HC3 report its standard error as undefined, name the
  /// row, and give the others; the table shows "—".
  @Test(arguments: ["hc2", "hc3"])
  func leverageOneIsNamedAndItsStandardErrorUndefined(_ covariance: String) throws {
    let arguments = [
      "estimate", "--data", "\(Self.fixtures)/leverage-one.csv", "--formula", "y ~ x + C(city)", "--se", covariance,
    ]
    let table = try execute(arguments)
    #expect(table.status == 0, "stderr: \(table.stderr)")
    #expect(table.stderr.contains("warning: \(covariance.uppercased()) standard error of C(city)[T.zz] undefined"))
    #expect(table.stderr.contains("leverage-one.csv:19 (city zz, year 2015)"))
    let row = table.stdout.split(separator: "\n").first { $0.hasPrefix("C(city)[T.zz]") }.map(String.init) ?? ""
    #expect(row.split(separator: " ").dropFirst(2).allSatisfy { $0 == "—" } && row.contains("—"), "\(row)")
    let json = try execute(arguments + ["--format", "json"])
    #expect(json.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let coefficients = try #require(object?["coefficients"] as? [[String: Any]])
    #expect(coefficients.filter { $0["std_error"] is NSNull }.map { $0["term"] as? String } == ["C(city)[T.zz]"])
  }

  /// `--write` with an indefinite two-way cluster covariance: refused (65, nothing written), or
  /// clipped with --psd clip, recorded in the header, and the file then validates.
  @Test func indefiniteCovarianceIsRefusedOrClippedNeverWrittenAsIs() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-psd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let refused = folder.appendingPathComponent("refused.yaml"), clipped = folder.appendingPathComponent("clipped.yaml")
    let arguments = [
      "estimate", "--data", "\(Self.fixtures)/two-way-indefinite-panel.csv", "--model",
      "\(Self.fixtures)/panel-model.yaml", "--response", "retail_sales", "--se", "cluster:city,year",
    ]
    let refusal = try execute(arguments + ["--write", refused.path])
    #expect(refusal.status == 65)
    #expect(refusal.stderr.contains("not positive semi-definite"), "\(refusal.stderr)")
    #expect(refusal.stderr.contains("--psd clip"))
    #expect(!FileManager.default.fileExists(atPath: refused.path))

    let repair = try execute(arguments + ["--write", clipped.path, "--psd", "clip"])
    #expect(repair.status == 0, "stderr: \(repair.stderr)")
    #expect(repair.stderr.contains("covariance repaired (--psd clip): 1 negative eigenvalue (smallest -1.556e-04)"))
    let header = try String(contentsOf: clipped, encoding: .utf8).split(separator: "\n")[2]
    #expect(header.hasPrefix("# covariance repaired (--psd clip)"))
    let validation = try execute(["validate", clipped.path])
    #expect(validation.status == 0, "validate: \(validation.stdout) \(validation.stderr)")

    let misuse = try execute(
      ["estimate", "--data", "\(Self.fixtures)/synthetic-panel.csv", "--formula", "y ~ x1", "--psd", "clip"])
    #expect(misuse.status == 64 && misuse.stderr.contains("--psd applies to --write only"))
  }

  /// `--ridge 0` is least squares and prints the F statistic OLS prints.
  @Test func ridgeZeroPrintsTheFStatisticOfLeastSquares() throws {
    let arguments = [
      "estimate", "--data", "\(Self.fixtures)/synthetic-panel.csv", "--formula", "y ~ x1 + x3", "--se", "hc1",
    ]
    func fLine(_ result: Execution) -> String? {
      result.stdout.split(separator: "\n").first { $0.contains("F-statistic:") }
        .map { String($0[$0.range(of: "F-statistic:")!.lowerBound...]) }
    }
    let ols = try execute(arguments), zero = try execute(arguments + ["--ridge", "0"])
    #expect(ols.status == 0 && zero.status == 0)
    #expect(fLine(ols) != nil && fLine(zero) == fLine(ols), "\(fLine(zero) ?? "none")")
    #expect(fLine(ols)?.contains("—") == false)
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
