import Foundation
import Testing

@testable import Estimation
@testable import Reporting

/// Every output format of `estimate` with NaN, +∞ and −∞ in every numeric field of a result:
/// JSON and YAML write null where a number is expected, with the reason under `undefined` beside
/// it, and never `nan`/`inf`; the table shows an undefined value as "—".
@Suite("Non-finite numbers in estimate output")
struct NonFiniteReportTests {
  struct Value: Sendable, CustomTestStringConvertible {
    var number: Double
    var kind: String
    var testDescription: String { kind }
  }

  static let values = [
    Value(number: .nan, kind: "NaN"), Value(number: .infinity, kind: "+Infinity"),
    Value(number: -.infinity, kind: "-Infinity"),
  ]

  /// The numeric keys of a coefficient and of the whole result, as written.
  static let coefficientKeys = ["estimate", "std_error", "t", "p_value", "ci_low", "ci_high", "vif"]
  static let resultKeys = [
    "df_resid", "df_model", "df_inference", "r_squared", "adj_r_squared", "residual_std_error",
    "f_statistic", "f_p_value", "condition_number", "ridge",
  ]

  /// y with two regressors that are neither constant nor collinear.
  static let csv = """
    y,x1,x3
    1.2,1,0.5
    2.1,2,0.1
    2.9,3,0.9
    4.4,4,0.3
    4.8,5,0.7
    6.3,6,0.2
    7.1,7,0.8
    """

  /// A real fit with `value` in every numeric field.
  static func poisoned(_ value: Double) throws -> Regression {
    let data = try DataTable.parse(csv: csv)
    var fit = try Regression(
      fitting: Design(formula: Formula(parsing: "y ~ x1 + x3"), data: data), ridge: 0.5,
      varianceInflation: true)
    for i in fit.coefficients.indices {
      fit.coefficients[i].estimate = value
      fit.coefficients[i].standardError = value
      fit.coefficients[i].t = value
      fit.coefficients[i].pValue = value
      fit.coefficients[i].confidenceLow = value
      fit.coefficients[i].confidenceHigh = value
      fit.coefficients[i].varianceInflation = value
    }
    fit.residualDF = value
    fit.modelDF = value
    fit.inferenceDF = value
    fit.rSquared = value
    fit.adjustedRSquared = value
    fit.residualStandardError = value
    fit.fTest = .init(statistic: value, numeratorDF: value, denominatorDF: value, pValue: value)
    fit.conditionNumber = value
    fit.ridge = value
    for j in 0..<fit.covariance.columns {
      for i in 0..<fit.covariance.rows { fit.covariance[i, j] = value }
    }
    return fit
  }

  @Test(arguments: values)
  func jsonWritesNullWithTheReasonBeside(_ value: Value) throws {
    let text = try Self.poisoned(value.number).jsonText()
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let undefined = try #require(json["undefined"] as? [String: String])
    for key in Self.resultKeys + ["f_df"] {
      #expect(json[key] is NSNull || (json[key] as? [Any])?.allSatisfy { $0 is NSNull } == true, "\(key)")
      #expect(undefined[key]?.hasPrefix(value.kind) == true, "reason for \(key): \(undefined[key] ?? "none")")
    }
    for coefficient in try #require(json["coefficients"] as? [[String: Any]]) {
      let reasons = try #require(coefficient["undefined"] as? [String: String])
      for key in Self.coefficientKeys {
        #expect(coefficient[key] is NSNull, "\(key)")
        #expect(reasons[key]?.hasPrefix(value.kind) == true, "reason for \(key)")
      }
    }
    let covariance = try #require(json["covariance"] as? [String: Any])
    #expect((covariance["matrix"] as? [[Any]])?.allSatisfy { $0.allSatisfy { $0 is NSNull } } == true)
    #expect((covariance["undefined"] as? [String: String])?["matrix"] != nil)
  }

  @Test(arguments: values)
  func yamlWritesNullWithTheReasonBeside(_ value: Value) throws {
    let text = try Self.poisoned(value.number).yamlText()
    let scalars = text.split(separator: "\n").compactMap { line -> (key: String, value: String)? in
      let body = line.drop { $0 == " " || $0 == "-" }
      guard let colon = body.firstIndex(of: ":") else { return nil }
      return (String(body[..<colon]), body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
    let bareItems = text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- ") }
      .map { $0.trimmingCharacters(in: .whitespaces).dropFirst(2) }
    for word in scalars.map(\.value) + bareItems.map(String.init) {
      #expect(!["nan", "-nan", ".nan", "inf", "-inf", ".inf", "-.inf"].contains(word.lowercased()), "\(word)")
    }
    for key in Self.resultKeys + Self.coefficientKeys {
      // The number itself, then its reason (text) in the `undefined` mapping beside it.
      let written = scalars.filter { $0.key == key && !$0.value.hasPrefix("\"") }.map(\.value)
      #expect(!written.isEmpty && written.allSatisfy { $0 == "null" }, "\(key): \(written)")
      #expect(scalars.contains { $0.key == key && $0.value.hasPrefix("\"\(value.kind)") }, "reason for \(key)")
    }
  }

  /// The table shows NaN as "—" (an undefined standard error and what follows from it) and
  /// infinities as `inf`/`-inf`, as statsmodels does.
  @Test(arguments: values)
  func tablePrintsEveryNumber(_ value: Value) throws {
    let table = try Self.poisoned(value.number).table()
    let rows = table.split(separator: "\n").filter { $0.hasPrefix("x1 ") || $0.hasPrefix("x3 ") }
    #expect(rows.count == 2)
    let expected = value.number.isNaN ? "—" : (value.number > 0 ? "inf" : "-inf")
    for row in rows {
      #expect(row.split(separator: " ").dropFirst().allSatisfy { $0 == expected }, "\(row)")
    }
    #expect(!table.contains("nan"))
  }
}
