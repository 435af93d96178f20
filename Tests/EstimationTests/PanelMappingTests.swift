import CityModel
import Estimation
import Testing

/// A panel read through a catalogue→panel mapping, and the message when no city-year has every
/// variable of an equation.
@Suite struct PanelMappingTests {
  static let model: Model = {
    let catalogue = IndicatorCatalogue.bundled
    return Model(
      id: "m", description: "",
      indicators: [
        ModelIndicator(id: "metro_km", role: .stock(Stock(annualAddition: .fixed(1)))),
        ModelIndicator(
          id: "retail_sales",
          role: .response(
            Response(
              drift: .fixed(0), shockSD: .fixed(0), autoregression: .fixed(0), exposure: .fixed(0),
              drivers: [Driver(from: "metro_km", elasticity: .fixed(0.1), lag: 0)]))),
      ],
      catalogue: catalogue)
  }()

  static func table(metroYears: [Int]) -> DataTable {
    var city: [String] = [], year: [String] = [], metro: [String] = [], sales: [String] = []
    for c in ["a", "b"] {
      for y in 2010...2015 {
        city.append(c)
        year.append("\(y)")
        metro.append(metroYears.contains(y) ? "\(100 + 10 * (y - 2010) + (c == "a" ? 0 : 7) + (y % 3))" : "")
        sales.append("\(1000.0 * (1 + 0.05 * Double(y - 2010)) + (c == "a" ? 0 : 30))")
      }
    }
    return DataTable(columns: [("city", city), ("year", year), ("metro_len", metro), ("sales", sales)])
  }

  @Test func mappedColumnsAreReadUnderTheirCatalogueIds() throws {
    let mapping = PanelMapping(columns: ["metro_km": "metro_len", "retail_sales": "sales"])
    let mapped = try Self.table(metroYears: Array(2010...2015)).mapped(by: mapping, ids: ["metro_km", "retail_sales"])
    #expect(try mapped.numbers("metro_km") == Self.table(metroYears: Array(2010...2015)).numbers("metro_len"))
    let equation = try PanelEquation(
      model: Self.model, response: "retail_sales", fixedEffects: .init(city: false, year: false))
    let design = try equation.design(data: mapped)
    #expect(design.observationCount == 10)
  }

  @Test func aMappedColumnTheTableLacksIsNamedWithTheClosestOne() throws {
    let mapping = PanelMapping(columns: ["metro_km": "metro_lens"], file: "map.yaml")
    #expect(
      throws: EstimationError.unknownColumn(
        name: "metro_lens", suggestion: "metro_len", file: "<memory> (mapped from metro_km by map.yaml)")
    ) {
      try Self.table(metroYears: []).mapped(by: mapping, ids: ["metro_km"])
    }
  }

  @Test func noCompleteRowCountsEachVariable() throws {
    let mapping = PanelMapping(columns: ["metro_km": "metro_len", "retail_sales": "sales"])
    // Metro only in alternate years: it has no year-on-year differences at all.
    let mapped = try Self.table(metroYears: [2010, 2012, 2014]).mapped(by: mapping, ids: ["metro_km", "retail_sales"])
    let equation = try PanelEquation(
      model: Self.model, response: "retail_sales", fixedEffects: .init(city: false, year: false))
    let error = EstimationError.noCompleteObservations(available: [
      .init(name: "D.retail_sales", count: 10), .init(name: "D.metro_km", count: 0),
    ])
    #expect(throws: error) { try equation.design(data: mapped) }
    #expect(
      error.description.contains(
        "values per variable: D.retail_sales 10, D.metro_km 0 (D.metro_km ran out: none at all)"))
  }
}

/// A tidy panel's `use` column: rows marked anything but `fit` (a series break, a lower bound, a
/// superseded vintage) never reach a fit.
@Suite struct PanelUseColumnTests {
  @Test func onlyRowsMarkedFitAreRead() throws {
    let csv = """
      city,indicator,year,value,use
      a,retail_sales,2010,100,fit
      a,retail_sales,2011,50,break
      a,retail_sales,2012,120,
      a,retail_sales,2013,999,lower-bound
      a,retail_sales,2013,130,fit

      """
    let table = try DataTable.parse(csv: csv)
    let sales = try table.numbers("retail_sales")
    let years = try table.numbers("year")
    #expect(Dictionary(uniqueKeysWithValues: zip(years.map { Int($0!) }, sales)) == [2010: 100, 2012: 120, 2013: 130])
  }
}
