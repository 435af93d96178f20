import CityModel
import Simulation

/// A chart with a file name that says what it shows (`fan-retail_sales.svg`).
public struct NamedChart: Sendable, Equatable {
  public var fileName: String
  /// The `<svg>` element, as the HTML page holds it.
  public var svg: String

  /// The chart as a file of its own: the XML declaration, then the same `<svg>` element.
  public var standaloneDocument: String {
    #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + svg
  }
}

/// The charts of a result in the order the HTML page shows them: for a run, the index by
/// dimension (`index-by-dimension.svg`) and a fan chart per output (`fan-<output>.svg`); for a
/// comparison, the paired differences in the last year (`differences-<year>.svg`). The page draws
/// these and `export --format svg` writes each to its own file, so both show the same drawing.
public enum ResultCharts {
  /// Every chart of `document`, named by content.
  public static func all(of document: ResultDocument, language: Language) -> [NamedChart] {
    switch document {
    case .run(let run): [dimensions(of: run, language: language)].compactMap { $0 } + fans(of: run, language: language)
    case .comparison(let comparison): [differences(of: comparison, language: language)].compactMap { $0 }
    }
  }

  /// The index-by-dimension chart of a run; nil when the run has no dimension scores.
  static func dimensions(of run: RunResult, language: Language) -> NamedChart? {
    DimensionChart.svg(of: run, language: language).map { NamedChart(fileName: "index-by-dimension.svg", svg: $0) }
  }

  /// A fan chart for each output with at least two years, in the tables' order.
  static func fans(of run: RunResult, language: Language) -> [NamedChart] {
    groupedOutputs(run.outputs, language: language).flatMap(\.outputs).compactMap { output in
      FanChart.svg(for: output.id, of: run, language: language).map {
        NamedChart(fileName: "fan-\(output.id).svg", svg: $0)
      }
    }
  }

  /// The paired differences of the dimension scores and the index in the comparison's last year.
  static func differences(of comparison: PlanComparison, language: Language) -> NamedChart? {
    guard let year = comparison.comparisons.flatMap({ $0.differences.map(\.year) }).max() else { return nil }
    return DifferenceChart.svg(for: comparison, year: year, language: language).map {
      NamedChart(fileName: "differences-\(year).svg", svg: $0)
    }
  }
}
