import CityModel
import Foundation
import Reporting

/// What `iccsim init` writes: a baseline scenario for a city (the trend and nothing else), the
/// model it points at, and its base-year values — the shipped figures where `cities.csv` has the
/// city, otherwise placeholders marked TEMPLATE that validate as they stand.
struct StarterFiles {
  let city: String
  let baseYear: Int
  /// The shipped model, read, and the file it was read from.
  let model: Model
  let modelFile: URL
  /// The shipped city table.
  let shippedData: CityData

  static let dataHeader = "city,indicator,year,value,unit,source,note"
  static let templateSource = "TEMPLATE — replace with the city's figure and its source"

  var scenarioID: String { "\(city)-baseline" }
  var scenarioFileName: String { "\(scenarioID).yaml" }
  var dataFileName: String { "\(city)-\(baseYear).csv" }
  var modelFileName: String { modelFile.lastPathComponent }

  /// One base-year value of the template: the shipped figure, or a placeholder.
  struct Row {
    var indicator: Indicator
    var value: Double
    var source: String
    var note: String
  }

  /// A value for every indicator in play, in the model's order.
  var rows: [Row] {
    let shipped = Dictionary(
      shippedData.figures.filter { $0.city == city && $0.year == baseYear }.map { ($0.indicator, $0) },
      uniquingKeysWith: { first, _ in first })
    return model.indicators.compactMap { entry in
      guard let indicator = model.catalogue[entry.id] else { return nil }
      if let figure = shipped[entry.id], UnitConversion(from: figure.unit, to: indicator.unit) == .same {
        return Row(
          indicator: indicator, value: figure.value, source: figure.source, note: figure.otherColumns["note"] ?? "")
      }
      return Row(
        indicator: indicator, value: placeholder(for: indicator), source: Self.templateSource,
        note: "placeholder: the middle of the model's goalposts")
    }
  }

  /// True when every value is a shipped figure (a pilot city at the shipped base year).
  var isShipped: Bool { rows.allSatisfy { $0.source != Self.templateSource } }

  /// The middle of the goalposts, rounded as the indicator is counted (inside its scale).
  private func placeholder(for indicator: Indicator) -> Double {
    guard let goalpost = model.index.goalposts[indicator.id] else {
      return indicator.scale == .logit ? 50 : 1
    }
    let middle = (goalpost.low.valueBounds.lower + goalpost.high.valueBounds.upper) / 2
    return middle >= 10 ? middle.rounded() : (middle * 10).rounded() / 10
  }

  /// The city table of `rows`.
  var dataTable: String {
    ([Self.dataHeader]
      + rows.map { row in
        [
          city, row.indicator.id, String(baseYear), plainNumberText(row.value), row.indicator.unit, row.source,
          row.note,
        ]
        .map(CSVExporter.quoted).joined(separator: ",")
      }).joined(separator: "\n") + "\n"
  }

  /// The scenario. `modelPath` and `dataPath` are written as given; with `dataPath` nil the
  /// values are written under `values:` instead.
  func scenario(modelPath: String, dataPath: String?) -> String {
    let known = CityNames.name(of: city)
    let zh = known?.zh
    let en = known?.en ?? city.prefix(1).uppercased() + city.dropFirst()
    let title = "{zh: \(zh ?? en)·基准方案, en: \(en) baseline}"
    let placeholders = !isShipped
    var text = """
      # \(zh.map { "\($0) · " } ?? "")\(en), baseline: the trend and the commitments already made, nothing else.
      # A plan is another file that extends this one and adds its interventions (see the end).

      """
    text +=
      dataPath == nil
      ? "# The model's path is absolute, so the file may be saved anywhere (e.g. \(scenarioFileName)); check it\n"
        + "# with `iccsim validate \(scenarioFileName)`, then `iccsim run \(scenarioFileName)`."
      : "# Paths are relative to this file. Check it with `iccsim validate \(scenarioFileName)`, then\n"
        + "# `iccsim run \(scenarioFileName)`."
    if zh == nil { text += "\n# Write the city's Chinese name in the title's zh." }
    if placeholders {
      text +=
        "\n# The base-year values marked TEMPLATE are placeholders (the middle of the model's goalposts):"
        + "\n# replace each with the city's \(baseYear) figure, in the unit given, and its source."
    }
    text += """

      scenario: \(scenarioID)
      title: \(title)
      city: \(city)
      base_year: \(baseYear)
      horizon: 10                      # years projected after the base year (1…30)
      runs: 10000                      # Monte Carlo runs
      seed: \(baseYear)0101                   # same seed, same results
      model: \(modelPath)

      """
    if let dataPath {
      text +=
        "baseline: \(dataPath)\n# values:                        # override any base-year value here, e.g.\n"
        + "#   consumer_satisfaction: 80\n"
    } else {
      text += "values:                          # base-year values, in the catalogue's units\n"
      for row in rows {
        let marker = row.source == Self.templateSource ? "TEMPLATE, " : ""
        let entry = padded("  \(row.indicator.id): \(plainNumberText(row.value))", to: 33)
        text += entry + "# \(marker)\(row.indicator.unit)\n"
      }
    }
    text += """

      # Commitments already made (decided and funded by the end of \(baseYear), e.g. a metro line under
      # construction) belong here as interventions; plans do not:
      # interventions:
      #   - id: line-under-construction
      #     adds: {metro_km: 40}
      #     start: \(baseYear + 2)

      targets:
        - {indicator: index, year: \(baseYear + 10), at_least: 60}            # ICC index, 0–100

      # A plan, in its own file (e.g. \(city)-plan.yaml beside this one):
      #   extends: \(scenarioFileName)
      #   scenario: \(city)-plan
      #   title: {zh: \(zh ?? en)·商圈优先, en: \(en) districts first}
      #   interventions:
      #     - id: district-upgrade
      #       name: {zh: 商圈改造提升, en: District upgrade}
      #       adds: {landmark_districts: 1}
      #       start: \(baseYear + 2)
      #       ramp: 3
      #       delay: {poisson: {mean: 0.5}}                       # whole years of slippage
      #       cost: {triangular: {min: 30, mode: 40, max: 60}}    # 亿元, total
      #     - id: instant-refund
      #       policy: instant_tax_refund
      #       start: \(baseYear + 1)
      #       ramp: 2

      """
    return text
  }
}
