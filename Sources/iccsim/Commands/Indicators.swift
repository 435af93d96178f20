import ArgumentParser
import CityModel
import Foundation
import Reporting

/// `iccsim indicators`: the indicator catalogue as an aligned table.
struct Indicators: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the indicator catalogue: ids, names, dimensions, units, scales, roles and directions.")

  @Option(help: "Language of names and headers: zh or en.")
  var lang: Language = .en

  @Option(name: .customLong("catalogue"), help: "An indicators file extending the bundled catalogue.")
  var catalogueFile: String?

  func run() throws {
    try exitingOnError {
      var catalogue = IndicatorCatalogue.bundled
      if let catalogueFile { catalogue = try catalogue.extended(with: URL(fileURLWithPath: catalogueFile)) }
      try writeStandardOutput(Self.table(catalogue, language: lang))
    }
  }

  /// The catalogue as rows of columns padded by display width (CJK characters take two columns).
  static func table(_ catalogue: IndicatorCatalogue, language: Language) -> String {
    let header =
      language == .zh
      ? ["行", "编号", "指标", "维度", "单位", "尺度", "角色", "方向"]
      : ["row", "id", "indicator", "dimension", "unit", "scale", "kind", "better"]
    let rows = catalogue.indicators.map { indicator in
      [
        indicator.row.map(String.init) ?? "—", indicator.id, indicator.name.text(language),
        language == .zh ? indicator.dimension.name.zh : indicator.dimension.rawValue,
        CatalogueText.unit(indicator.unit, language), CatalogueText.scale(indicator.scale, language),
        CatalogueText.role(indicator.defaultRole, language), CatalogueText.direction(indicator.better, language),
      ]
    }
    let widths = header.indices.map { column in ([header] + rows).map { displayWidth($0[column]) }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
      zip(cells, widths).enumerated().map { column, pair in
        column == cells.count - 1 ? pair.0 : padded(pair.0, to: pair.1, alignRight: column == 0)
      }.joined(separator: "  ") + "\n"
    }
    let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
    return line(header) + rule + rows.map(line).joined()
  }
}

extension Language: ExpressibleByArgument {}
