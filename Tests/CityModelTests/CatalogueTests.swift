import Foundation
import Testing

@testable import CityModel

@Suite("Indicator catalogue")
struct CatalogueTests {
  let catalogue = IndicatorCatalogue.bundled

  @Test func holdsTheTwentyFourSurvivingRowsOfTheAnnex() {
    #expect(catalogue.indicators.count == 24)
    #expect(Set(catalogue.ids).count == 24, "ids are unique")
    // Rows 1–25 of the annex, with row 8 missing in our copy.
    #expect(catalogue.indicators.compactMap(\.row) == Array(1...7) + Array(9...25))
  }

  @Test func coversTheFiveDimensionsAsTheAnnexDoes() {
    #expect(Set(catalogue.indicators.map(\.dimension)) == Set(Dimension.allCases))
    let counts = Dimension.allCases.map { catalogue.indicators(in: $0).count }
    // renown rows 1–6, prosperity 7, 9–11, vitality 12–17, accessibility 18–22, policy 23–25.
    #expect(counts == [6, 4, 6, 5, 3])
  }

  @Test func matchesTheDocumentedTable() {
    // Spot checks against indicators.md: every field of three rows.
    let rank = catalogue["global_city_rank"]
    #expect(rank?.row == 1 && rank?.better == .lower && rank?.scale == .log && rank?.defaultRole == .response)
    let metro = catalogue["metro_km"]
    #expect(metro?.name == LocalizedText(zh: "地铁运营总里程", en: "Metro route length in operation"))
    #expect(
      metro?.unit == "km" && metro?.scale == .count && metro?.defaultRole == .stock
        && metro?.dimension == .accessibility)
    let satisfaction = catalogue["consumer_satisfaction"]
    #expect(satisfaction?.scale == .logit && satisfaction?.dimension == .vitality && satisfaction?.row == 17)
    // Only the competitiveness rank counts lower-is-better; 0–100 scores are never stocks.
    #expect(catalogue.indicators.filter { $0.better == .lower }.map(\.id) == ["global_city_rank"])
    #expect(!catalogue.indicators.contains { $0.scale == .logit && $0.defaultRole == .stock })
  }

  @Test func everyIndicatorHasBothNames() {
    for indicator in catalogue.indicators {
      #expect(!indicator.name.zh.isEmpty && !indicator.name.en.isEmpty, "\(indicator.id)")
    }
  }

  @Test func aUserFileFillsRowEight() throws {
    let folder = try TestFolder([
      "extra.yaml": """
      indicators:
        - id: night_economy_sales
          row: 8
          name: {zh: 夜间消费额, en: Night-time consumption}
          dimension: prosperity
          unit: 亿元
          scale: log
          kind: response
      """
    ])
    let extended = try catalogue.extended(with: folder.file("extra.yaml"))
    #expect(extended.indicators.count == 25)
    #expect(extended["night_economy_sales"]?.row == 8)
    #expect(extended["night_economy_sales"]?.better == .higher, "better defaults to higher")
    #expect(catalogue.indicators.count == 24, "the bundled catalogue is unchanged")
  }

  @Test func aUserFileCannotReuseIdsRowsOrReservedNames() throws {
    let folder = try TestFolder([
      "extra.yaml": """
      indicators:
        - {id: retail_sales, name: x, dimension: prosperity, unit: u, scale: log, kind: response}
        - {id: index, name: x, dimension: prosperity, unit: u, scale: log, kind: response}
        - {id: new_one, row: 7, name: x, dimension: prosperty, unit: u, scale: logit, kind: stock}
      """
    ])
    #expect(
      folder.problems(validating: "extra.yaml") == [
        "extra.yaml:2:10: indicator 'retail_sales' is already in the catalogue (in the bundled catalogue)",
        "extra.yaml:3:10: 'index' is reserved for an output (index and dimension ids); choose another id",
        "extra.yaml:4:24: annex row 7 is already taken by another indicator",
        "extra.yaml:4:47: 'prosperty' is not one of renown, prosperity, vitality, accessibility, policy; did you "
          + "mean 'prosperity'?",
        "extra.yaml:4:87: a 0–100 score (scale logit) cannot be a stock; use kind: response",
      ])
  }
}
