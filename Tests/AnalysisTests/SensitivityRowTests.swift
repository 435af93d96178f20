import Foundation
import Testing

@testable import Analysis

@Suite("Result rows")
struct SensitivityRowTests {
  private func json(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  @Test("Each method encodes the public JSON shape with snake_case keys, and decodes back")
  func shapes() throws {
    let output = SensitivityOutput(id: "retail_sales", year: 2030)
    let rows = [
      SensitivityRow(
        input: "retail_sales.drift", output: output,
        measures: .sobol(
          SobolMeasures(s1: 0.5, s1Low: 0.25, s1High: 0.75, st: 0.625, stLow: 0.5, stHigh: 0.75))),
      SensitivityRow(
        input: "metro_km.annual_addition", output: SensitivityOutput(id: "index"),
        measures: .regression(
          RegressionMeasures(src: -0.5, prcc: -0.25, rSquared: 0.875, rankRSquared: 0.9375))),
      SensitivityRow(
        input: "nanjing-road-upgrade.cost", output: output,
        measures: .tornado(
          TornadoMeasures(low: 10, high: 4, base: 7, inputLow: 40, inputHigh: 80))),
    ]
    #expect(
      try json(rows[0])
        == #"{"input":"retail_sales.drift","method":"sobol","output":"retail_sales","s1":0.5,"s1_high":0.75,"#
        + #""s1_low":0.25,"st":0.625,"st_high":0.75,"st_low":0.5,"year":2030}"#
    )
    #expect(
      try json(rows[1])
        == #"{"input":"metro_km.annual_addition","method":"src","output":"index","prcc":-0.25,"r_squared":0.875,"#
        + #""rank_r_squared":0.9375,"src":-0.5,"year":null}"#
    )
    #expect(
      try json(rows[2])
        == #"{"base":7,"high":4,"input":"nanjing-road-upgrade.cost","input_high":80,"input_low":40,"low":10,"#
        + #""method":"tornado","output":"retail_sales","swing":6,"year":2030}"#
    )
    let result = SensitivityResult(
      method: .sobol, rows: rows,
      warnings: [
        SensitivityWarning(kind: .smallSample, output: nil, input: nil, message: "few samples")
      ])
    let decoded = try JSONDecoder().decode(SensitivityResult.self, from: JSONEncoder().encode(result))
    #expect(decoded == result)
    #expect(try json(result.warnings[0]) == #"{"kind":"small_sample","message":"few samples"}"#)
  }
}
