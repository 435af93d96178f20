import Foundation
import Testing

@testable import CityModel

/// The `use` column of the shipped panel keeps its promises (scenarios/data/sources.md, "Which rows a fit uses").
@Suite("Shipped panel")
struct ShippedPanelTests {
  static let panel = Result {
    try CityData.load(from: repositoryRoot.appendingPathComponent("scenarios/data/city-panel.csv"))
  }
  static let vocabulary: Set = [
    "fit", "lower-bound", "not-year-end", "other-definition", "break", "other-vintage", "duplicate",
  ]

  static func use(_ figure: CityFigure) -> String { figure.otherColumns["use"] ?? "" }

  @Test func everyRowHasAKnownUseAndAtMostOneFigurePerCityYearAndSeriesIsFitted() throws {
    let figures = try Self.panel.get().figures
    for figure in figures {
      #expect(Self.vocabulary.contains(Self.use(figure)), "line \(figure.line): use '\(Self.use(figure))'")
      if figure.indicator.hasSuffix("_min") { #expect(Self.use(figure) == "lower-bound", "line \(figure.line)") }
      if figure.indicator.hasSuffix("_asof") || figure.indicator.hasSuffix("_h1") {
        #expect(Self.use(figure) == "not-year-end", "line \(figure.line)")
      }
      #expect(SourceKind.classify(figure.source) != nil, "line \(figure.line): \(figure.source) has no source kind")
    }
    func key(_ figure: CityFigure) -> String { "\(figure.city) \(figure.indicator) \(figure.year)" }
    let fitted = Dictionary(grouping: figures.filter { Self.use($0) == "fit" }, by: key)
    #expect(fitted.values.filter { $0.count > 1 }.map { $0[0].line } == [])
    // The fitted row comes first, so `estimate --duplicates first` takes it.
    let firstRows = Dictionary(grouping: figures, by: key).mapValues { $0[0] }
    for (key, rows) in fitted { #expect(firstRows[key] == rows[0], "\(key): the fitted row is not the first") }
  }

  @Test(arguments: [
    ("tianjin", "inbound_overnight_tourists", 2010), ("tianjin", "inbound_overnight_foreigners", 2010),
    ("chongqing", "inbound_overnight_tourists", 2012), ("chongqing", "inbound_overnight_foreigners", 2012),
    ("tianjin", "intl_tourism_receipts", 2017), ("guangzhou", "retail_sales", 2017),
    ("tianjin", "inbound_tourists", 2017),
  ])
  func knownBreaksAreFittedOnlyAfterTheBreak(city: String, indicator: String, lastYearBefore: Int) throws {
    let series = try Self.panel.get().figures.filter { $0.city == city && $0.indicator == indicator }
    let before = series.filter { $0.year <= lastYearBefore }, after = series.filter { $0.year > lastYearBefore }
    #expect(!before.isEmpty && before.allSatisfy { Self.use($0) == "break" })
    #expect(after.contains { Self.use($0) == "fit" } && !after.contains { Self.use($0) == "break" })
  }

  @Test func eachGDPSeriesIsFittedOnOneVintage() throws {
    let gdp = try Self.panel.get().figures.filter { $0.indicator == "gdp" && Self.use($0) == "fit" }
    for (city, rows) in Dictionary(grouping: gdp, by: \.city) {
      #expect(Set(rows.map(\.source)).count == 1, "\(city): fitted GDP comes from \(Set(rows.map(\.source)))")
    }
  }

  @Test func metroLengthsOnAnotherDefinitionAreNotInTheYearEndSeries() throws {
    let metro = try Self.panel.get().figures.filter { $0.indicator == "metro_km" }
    let allModes = metro.filter { $0.source.contains("hevay-plate.com") }
    #expect(allModes.count == 2 && allModes.allSatisfy { Self.use($0) == "other-definition" })
  }
}
