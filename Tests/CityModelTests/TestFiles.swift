import Foundation

@testable import CityModel

/// A temporary folder holding the files of one test, removed when the value is released.
final class TestFolder {
  let url: URL

  init(_ files: [String: String]) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, text) in files {
      let file = url.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file)
    }
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func file(_ name: String) -> URL { url.appendingPathComponent(name) }

  /// Problems of validating `name`, each as `file:line:column: message` with this folder's path removed.
  func problems(validating name: String) -> [String] {
    do {
      _ = try validate(file: file(name))
      return []
    } catch let error as InputError {
      return error.problems.map {
        $0.description.replacingOccurrences(of: url.standardizedFileURL.path + "/", with: "")
      }
    } catch {
      return ["unexpected error: \(error)"]
    }
  }
}

/// The repository's root folder (tests read the shipped scenarios and catalogue).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// A small valid model, scenario and city table that the error cases each break in one place.
enum Fixture {
  static let model = """
    model: tiny
    indicators:
      metro_km:
        annual_addition: 10
      retail_sales:
        drift: 0.05
        drivers:
          - {from: metro_km, elasticity: 0.1, lag: 1}
          - {from: tourism_spending, elasticity: 0.2}
      tourism_spending:
        drift: 0.03
      consumer_satisfaction:
        drift: 0
    policies:
      refund:
        effects:
          - {indicator: retail_sales, effect: 0.02}
    index:
      goalposts:
        metro_km: {low: 100, high: 1000}
        retail_sales: {low: 5000, high: 25000}
        tourism_spending: {low: 1000, high: 8000}
        consumer_satisfaction: {low: 60, high: 95}

    """

  static let data = """
    city,indicator,year,value,unit,source
    shanghai,metro_km,2023,800,km,test
    shanghai,retail_sales,2023,18000,亿元,test
    shanghai,tourism_spending,2023,3700,亿元,test
    shanghai,consumer_satisfaction,2023,80,score,test
    beijing,metro_km,2023,800,km,test

    """

  static let scenario = """
    scenario: s
    city: shanghai
    base_year: 2023
    model: model.yaml
    baseline: data.csv

    """

  /// The three files, with `overrides` replacing or adding files by name.
  static func files(_ overrides: [String: String] = [:]) -> [String: String] {
    ["model.yaml": model, "data.csv": data, "s.yaml": scenario].merging(overrides) { $1 }
  }
}
