import CityModel
import Foundation
import Testing

@testable import Estimation

@Suite("The simulator's equation on a panel")
struct PanelEquationTests {
  static func model() throws -> Model {
    try Model.load(from: URL(fileURLWithPath: FixtureFiles.path("panel-model.yaml")))
  }

  @Test func namesAndFixedEffects() throws {
    let equation = try PanelEquation(model: Self.model(), response: "retail_sales")
    #expect(equation.drivers == [.init(driver: "metro_km", lag: 1), .init(driver: "tourism_spending", lag: 0)])
    #expect(equation.responseName == "D.retail_sales")
    #expect(equation.formula.terms.map(\.name) == ["C(city)", "C(year)", "LD.metro_km", "D.tourism_spending"])
    let levels = try PanelEquation(
      model: Self.model(), response: "retail_sales", form: .levels, fixedEffects: .init(parsing: "city"))
    #expect(levels.responseName == "retail_sales")
    #expect(levels.formula.terms.map(\.name) == ["C(city)", "L.metro_km", "tourism_spending"])
    #expect(try PanelEquation.FixedEffects(parsing: "none") == .init(city: false, year: false))
    #expect(throws: EstimationError.self) { try PanelEquation.FixedEffects(parsing: "province") }
  }

  @Test func stocksAndUnknownResponsesAreRefused() throws {
    #expect(
      throws: EstimationError.invalidEquation(
        "`metro_km` is a stock in model estimation-fixture: stocks move by accounting and have no elasticities "
          + "to estimate"
      )
    ) {
      try PanelEquation(model: Self.model(), response: "metro_km")
    }
    #expect(
      throws: EstimationError.invalidEquation(
        "`retail_sale` is not an indicator of model estimation-fixture; did you mean `retail_sales`?")
    ) {
      try PanelEquation(model: Self.model(), response: "retail_sale")
    }
  }

  /// Hand-computed differences and lags on a three-year panel with a gap: the count offset
  /// ln(X + 1) for metro_km, ln for the others, and no difference across a missing year.
  @Test func differencesLagsAndGaps() throws {
    let csv = """
      city,year,metro_km,tourism_spending,retail_sales
      A,2019,0,100,1000
      A,2020,9,110,1100
      A,2021,19,121,1210
      A,2022,39,133.1,1331
      A,2023,79,146.41,1464.1
      B,2018,3,45,450
      B,2019,5,50,500
      B,2020,7,60,650
      B,2022,11,66,700
      """
    let equation = try PanelEquation(
      model: Self.model(), response: "retail_sales", fixedEffects: .init(city: false, year: false))
    let design = try equation.design(data: DataTable.parse(csv: csv))
    // Usable rows: A 2021–2023 (LD.metro needs t − 2), B 2020; B 2022's differences cross the
    // missing 2021.
    #expect(design.observationCount == 4)
    #expect(design.droppedCount == 5)
    #expect(design.columnNames == ["Intercept", "LD.metro_km", "D.tourism_spending"])
    let expectedLag = [log(10.0) - log(1.0), log(20.0) - log(10.0), log(40.0) - log(20.0), log(6.0) - log(4.0)]
    let expectedTourism = [log(121.0) - log(110), log(133.1) - log(121), log(146.41) - log(133.1), log(60.0) - log(50)]
    let expectedResponse = [
      log(1210.0) - log(1100), log(1331.0) - log(1210), log(1464.1) - log(1331), log(650.0) - log(500),
    ]
    let lag = Array(design.column(1)), tourism = Array(design.column(2))
    for i in 0..<4 {
      // The same operations in the same order: equal to the last bit, up to the text round trip
      // of the derived column, which is exact for Double's shortest representation.
      #expect(lag[i] == expectedLag[i])
      #expect(tourism[i] == expectedTourism[i])
      #expect(design.response[i] == expectedResponse[i])
    }
  }

  @Test func repeatedCityYearAndBadTransformsAreErrors() throws {
    let repeated = "city,year,metro_km,tourism_spending,retail_sales\nA,2020,1,2,3\nA,2020,1,2,4\n"
    let equation = try PanelEquation(model: Self.model(), response: "retail_sales")
    #expect(
      throws: EstimationError.repeatedObservation(
        first: CellLocation(file: "p.csv", line: 2, column: 1), second: CellLocation(file: "p.csv", line: 3, column: 1),
        key: "A, 2020")
    ) {
      try equation.design(data: DataTable.parse(csv: repeated, file: "p.csv"))
    }
    let negative = "city,year,metro_km,tourism_spending,retail_sales\nA,2020,1,2,3\nA,2021,1,-2,4\n"
    #expect(
      throws: EstimationError.undefinedTransform(
        term: "ln Y of tourism_spending", locations: [CellLocation(file: "p.csv", line: 3, column: 4)], count: 1)
    ) {
      try equation.design(data: DataTable.parse(csv: negative, file: "p.csv"))
    }
    #expect(throws: EstimationError.missingPanelColumn(name: "year", file: "p.csv")) {
      try equation.design(data: DataTable.parse(csv: "city,retail_sales\nA,1\n", file: "p.csv"))
    }
  }
}
