import Foundation
import Testing

@testable import CityModel

/// One way a city table gives a base-year figure, and what reading it must make of it.
struct UnitCheckCase: CustomTestStringConvertible, Sendable {
  var name: String
  /// The fixture's retail_sales row (line 3 of data.csv) or consumer_satisfaction row (line 5).
  var row: String
  /// The base-year value the scenario reads, in the catalogue's unit; nil when the row is refused.
  var value: Double?
  /// Every problem, `file:line: message`.
  var problems: [String] = []
  /// Every note and warning of the scenario, `file:line: kind: message`.
  var remarks: [String] = []

  var testDescription: String { name }
}

private let retail = "shanghai,retail_sales,2023,"
private let satisfaction = "shanghai,consumer_satisfaction,2023,"
private let dollars =
  "data.csv:3: retail_sales is measured in 亿元, this row gives '亿美元': multiply by that year's average "
  + "exchange rate (元 per 美元), then write the value in 亿元"

let unitCheckCases: [UnitCheckCase] = [
  UnitCheckCase(name: "the catalogue's unit", row: retail + "18000,亿元,x", value: 18000),
  UnitCheckCase(name: "no unit reads as the catalogue's", row: retail + "18000,,x", value: 18000),
  UnitCheckCase(
    name: "万元 for 亿元 is converted", row: retail + "180000000,万元,x", value: 18000,
    remarks: ["data.csv:3: note: retail_sales is given in 万元: read as 18000 亿元 (the value ÷ 10000)"]),
  UnitCheckCase(
    name: "万亿元 for 亿元 is converted", row: retail + "1.8,万亿元,x", value: 18000,
    remarks: ["data.csv:3: note: retail_sales is given in 万亿元: read as 18000 亿元 (the value × 10000)"]),
  UnitCheckCase(
    name: "元 for 亿元 is converted", row: retail + "1800000000000,元,x", value: 18000,
    remarks: ["data.csv:3: note: retail_sales is given in 元: read as 18000 亿元 (the value ÷ 100000000)"]),
  UnitCheckCase(
    name: "亿美元 for 亿元 needs an exchange rate", row: retail + "2500,亿美元,x", problems: [dollars]),
  UnitCheckCase(
    name: "万美元 for 亿元 needs an exchange rate and a factor", row: retail + "25000000,万美元,x",
    problems: [
      "data.csv:3: retail_sales is measured in 亿元, this row gives '万美元': multiply by that year's average "
        + "exchange rate (元 per 美元) and multiply by 0.0001, then write the value in 亿元"
    ]),
  UnitCheckCase(
    name: "an unrelated unit is refused", row: retail + "18000,km,x",
    problems: [
      "data.csv:3: retail_sales is measured in 亿元, this row gives 'km': write the value in 亿元 (iccsim converts "
        + "元, 万元, 百万元, 亿元, 万亿元 itself)"
    ]),
  UnitCheckCase(
    name: "a 万元 figure labelled 亿元 is far outside the goalposts", row: retail + "100010000,亿元,x",
    value: 100_010_000,
    remarks: [
      "data.csv:3: warning: retail_sales = 100010000 lies more than 10× the goalposts' range outside them "
        + "(5000–25000 in model.yaml): check that the value is in 亿元, or the goalposts"
    ]),
  UnitCheckCase(
    name: "just inside ten ranges of the goalposts", row: retail + "225000,亿元,x", value: 225_000),
  UnitCheckCase(
    name: "a score given as a fraction", row: satisfaction + "0.8,score 0–100,x", value: 0.8,
    remarks: [
      "data.csv:5: warning: consumer_satisfaction is a score from 0 to 100 and 0.8 is below 1: if it is a "
        + "fraction, write 80"
    ]),
  UnitCheckCase(name: "a score's unit with an ASCII hyphen", row: satisfaction + "80,score 0-100,x", value: 80),
]

@Suite("Units and scales of city tables")
struct UnitCheckTests {
  @Test(arguments: unitCheckCases)
  func readsOrRefusesTheFigure(_ check: UnitCheckCase) throws {
    let isRetail = check.row.hasPrefix(retail)
    let original = isRetail ? retail + "18000,亿元,test" : satisfaction + "80,score,test"
    let folder = try TestFolder(
      Fixture.files(["data.csv": Fixture.data.replacingOccurrences(of: original, with: check.row)]))
    #expect(folder.problems(validating: "s.yaml") == check.problems)
    guard check.problems.isEmpty else { return }
    let scenario = try Scenario.load(from: folder.file("s.yaml"))
    let prefix = folder.url.standardizedFileURL.path + "/"
    let remarks = scenario.notes.map {
      "\($0.location): \($0.isWarning ? "warning" : "note"): \($0.message)".replacingOccurrences(of: prefix, with: "")
    }
    #expect(remarks == check.remarks)
    #expect(scenario.baseline[isRetail ? "retail_sales" : "consumer_satisfaction"] == check.value)
  }

  @Test func aScoreGivenAsAFractionUnderValuesIsWarnedOfAtItsPlace() throws {
    let folder = try TestFolder(Fixture.files(["s.yaml": Fixture.scenario + "values: {consumer_satisfaction: 0.8}\n"]))
    let scenario = try Scenario.load(from: folder.file("s.yaml"))
    #expect(scenario.notes.map(\.location).map { $0.hasSuffix("s.yaml:6:33") } == [true])
    #expect(scenario.notes.first?.isWarning == true)
  }

  @Test func validatingTheTableAloneChecksUnitsToo() throws {
    let folder = try TestFolder([
      "t.csv": "city,indicator,year,value,unit,source\nx,retail_sales,2023,2500,亿美元,s\n"
    ])
    #expect(folder.problems(validating: "t.csv") == [dollars.replacingOccurrences(of: "data.csv:3", with: "t.csv:2")])
  }

  /// Every factor, in one table: the value in the second unit per unit of the first.
  @Test(arguments: [
    ("万元", "亿元", 1e-4), ("亿元", "万元", 1e4), ("万亿元", "亿元", 1e4), ("百万元", "亿元", 1e-2),
    ("人次", "万人次", 1e-4), ("亿人次", "万人次", 1e4), ("万美元", "亿美元", 1e-4),
  ])
  func convertsByPowersOfTen(from: String, to: String, factor: Double) {
    #expect(UnitConversion(from: from, to: to) == .scaled(factor: factor))
  }
}
