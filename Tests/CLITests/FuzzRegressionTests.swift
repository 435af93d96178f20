import CityModel
import Estimation
import Foundation
import Testing
import _TestSupport

/// Replays the fuzzing corpus and every kept crash reproducer (Fuzz/Corpus, Fuzz/Regressions)
/// through the same entry points as the fuzz targets: each input must give a result or a typed
/// error. A crash would stop this test process, so reaching the end is the assertion that matters;
/// the counts check that the inputs were really read.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
  static func inputs(_ target: String) throws -> [URL] {
    let folders = ["Fuzz/Corpus/\(target)", "Fuzz/Regressions/\(target)"].map {
      repositoryRoot.appendingPathComponent($0)
    }
    return folders.flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
        .filter { !$0.lastPathComponent.hasPrefix(".") }
    }
  }

  @Test func scenarioLoaderSurvivesTheCorpus() throws {
    let inputs = try Self.inputs("FuzzScenarioLoader")
    #expect(inputs.count >= 8)
    let scratch = repositoryRoot.appendingPathComponent("scenarios/.fuzz-replay-\(getpid()).yaml")
    defer { try? FileManager.default.removeItem(at: scratch) }
    var accepted = 0, refused = 0
    for input in inputs {
      try Data(contentsOf: input).write(to: scratch)
      do {
        _ = try validate(file: scratch)
        accepted += 1
      } catch is InputError {
        refused += 1
      }
    }
    #expect(accepted + refused == inputs.count)
  }

  @Test func csvReadersSurviveTheCorpus() throws {
    let inputs = try Self.inputs("FuzzCSVReader")
    #expect(inputs.count >= 3)
    for input in inputs {
      let bytes = try Data(contentsOf: input)
      let text = String(decoding: bytes, as: UTF8.self)
      do {
        _ = try DataTable.parse(csv: text, file: input.lastPathComponent, duplicates: .mean)
      } catch is EstimationError {}
      do { _ = try CityData.load(from: input) } catch is InputError {}
    }
  }

  /// As the fuzz target does: parse, and build the design and fit it (HC3, two-way clustered) on
  /// Fuzz/formula-table.csv. The `mixed-…` inputs use one column both in C() and as a number,
  /// which once stopped the design builder; each of them must now fit.
  @Test func formulaParserSurvivesTheCorpus() throws {
    let inputs = try Self.inputs("FuzzFormulaParser")
    #expect(inputs.count >= 2)
    let table = try DataTable.read(path: repositoryRoot.appendingPathComponent("Fuzz/formula-table.csv").path)
    var fitted: Set<String> = []
    for input in inputs {
      let text = String(decoding: try Data(contentsOf: input), as: UTF8.self)
      do {
        let design = try Design(formula: Formula(parsing: text), data: table, clusters: ["city", "year"])
        for covariance in [CovarianceType.hc3, .twoWayCluster(first: "city", second: "year")] {
          _ = try Regression(fitting: design, covariance: covariance)
        }
        fitted.insert(input.lastPathComponent)
      } catch is EstimationError {}
    }
    let mixed = Set(inputs.map(\.lastPathComponent).filter { $0.hasPrefix("mixed-") })
    #expect(mixed.count >= 8)
    #expect(mixed.subtracting(fitted) == ["mixed-categorical-of-continuous"], "too few rows for C(x): refused")
  }
}
