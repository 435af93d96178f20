import Foundation
import Testing

@testable import CityModel

/// The scenarios, model and data that ship under scenarios/.
@Suite("Shipped files")
struct ShippedFilesTests {
  static let scenarios = repositoryRoot.appendingPathComponent("scenarios")

  static var yamlFiles: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: scenarios.path)) ?? []
    let models =
      (try? FileManager.default.contentsOfDirectory(atPath: scenarios.appendingPathComponent("models").path)) ?? []
    // Hidden files are scratch copies other tests and the fuzzers write beside the scenarios.
    return (names.filter { !$0.hasPrefix(".") } + models.filter { !$0.hasPrefix(".") }.map { "models/" + $0 })
      .filter { $0.hasSuffix(".yaml") }.sorted()
  }

  @Test func thereAreScenariosToCheck() {
    // A baseline and three variants for Shanghai, baselines for two more cities, the default model.
    #expect(Self.yamlFiles.count >= 7)
    #expect(Self.yamlFiles.contains("shanghai-baseline.yaml") && Self.yamlFiles.contains("models/icc-default.yaml"))
  }

  @Test(arguments: yamlFiles)
  func validates(_ name: String) throws {
    let report = try validate(file: Self.scenarios.appendingPathComponent(name))
    #expect(report.notes == [], "no goalposts missing, nothing else to remark")
  }

  @Test func variantsExtendTheShanghaiBaseline() throws {
    let baseline = try Scenario.load(from: Self.scenarios.appendingPathComponent("shanghai-baseline.yaml"))
    for variant in ["districts-first", "transport-first", "policy-first"] {
      let scenario = try Scenario.load(from: Self.scenarios.appendingPathComponent("shanghai-\(variant).yaml"))
      #expect(scenario.city == "shanghai" && scenario.baseYear == baseline.baseYear && scenario.horizon == 10)
      #expect(scenario.baseline == baseline.baseline)
      // The baseline's commitments come first, in its order; each variant adds its own plan.
      #expect(Array(scenario.interventions.map(\.id).prefix(2)) == baseline.interventions.map(\.id))
      #expect(scenario.interventions.count > baseline.interventions.count)
      #expect(
        scenario.sourceFiles.map(\.lastPathComponent).prefix(2) == [
          "shanghai-\(variant).yaml", "shanghai-baseline.yaml",
        ])
    }
  }

  @Test func theDefaultModelPutsTheWholeCatalogueInPlay() throws {
    let model = try Model.load(from: Self.scenarios.appendingPathComponent("models/icc-default.yaml"))
    #expect(Set(model.indicators.map(\.id)) == Set(IndicatorCatalogue.bundled.ids))
    #expect(Set(model.index.goalposts.keys) == Set(IndicatorCatalogue.bundled.ids))
    for indicator in model.indicators {
      let role: IndicatorRole = if case .stock = indicator.role { .stock } else { .response }
      #expect(role == IndicatorCatalogue.bundled[indicator.id]?.defaultRole, "\(indicator.id) keeps its catalogue role")
    }
  }

  /// Every elasticity, drift, addition and policy effect states its basis on its line or in the
  /// comment lines just above it.
  @Test func everyParameterOfTheDefaultModelStatesItsBasis() throws {
    let lines = try String(
      contentsOf: Self.scenarios.appendingPathComponent("models/icc-default.yaml"), encoding: .utf8
    )
    .components(separatedBy: "\n")
    let bases = ["[panel]", "[illustrative]", "a scenario may add"]
    var unexplained: [Int] = []
    for (number, line) in lines.enumerated()
    where ["elasticity:", "drift:", "effect:", "annual_addition:"].contains(where: line.contains) {
      var context = [line]
      var above = number - 1
      while above >= 0, lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("#") {
        context.append(lines[above])
        above -= 1
      }
      if !context.contains(where: { text in bases.contains(where: text.contains) }) { unexplained.append(number + 1) }
    }
    #expect(unexplained == [], "lines without a stated basis")
  }

  @Test func cityDataCoversEveryPilotCityAndMarksWhatIsNotSourced() throws {
    let data = try CityData.load(from: Self.scenarios.appendingPathComponent("data/cities.csv"))
    let ids = Set(IndicatorCatalogue.bundled.ids)
    for city in ["shanghai", "beijing", "guangzhou", "tianjin", "chongqing"] {
      let figures = data.figures.filter { $0.city == city && $0.year == 2023 }
      #expect(Set(figures.map(\.indicator)) == ids && figures.count == 24, "\(city): each indicator once")
    }
    for figure in data.figures {
      let marked =
        figure.source.hasPrefix("ILLUSTRATIVE") || figure.source.hasPrefix("LOWER BOUND — http")
        || figure.source.hasPrefix("http")
      #expect(marked, "line \(figure.line): a source URL, a LOWER BOUND mark or an ILLUSTRATIVE mark")
    }
    // The sourced figures are exactly those of the shipped panel (same value for the same concept);
    // a lower bound may also be an earlier year-end level of a stock (a network does not shrink).
    let panel = try CityData.load(from: Self.scenarios.appendingPathComponent("data/city-panel.csv"))
    for figure in data.figures where !figure.source.hasPrefix("ILLUSTRATIVE") {
      let isLowerBound = figure.source.hasPrefix("LOWER BOUND")
      let concept = isLowerBound ? figure.indicator + "_min" : figure.indicator
      let concepts =
        figure.indicator == "world_heritage"
        ? [concept, "world_heritage_sites"]
        : figure.indicator == "tourism_spending" ? [concept, "tourism_total_revenue_min"] : [concept]
      let match =
        panel.figures.contains {
          $0.city == figure.city && $0.year == figure.year && concepts.contains($0.indicator)
            && $0.value == figure.value
        }
        || isLowerBound
          && panel.figures.contains {
            $0.city == figure.city && $0.year < figure.year && $0.indicator == figure.indicator
              && $0.value == figure.value
          }
      #expect(match, "line \(figure.line): \(figure.city) \(figure.indicator) \(figure.value) is in the panel")
    }
  }
}
