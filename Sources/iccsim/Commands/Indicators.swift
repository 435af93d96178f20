import ArgumentParser
import CityModel
import Foundation
import Reporting

/// `iccsim indicators`: the indicator catalogue as an aligned table.
struct Indicators: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "indicators",
    abstract: "List the indicator catalogue: ids, names, dimensions, units, scales, roles and directions.")

  @Option(help: "Language of names and headers: zh or en.")
  var lang: Language = .en

  @Option(name: .customLong("catalogue"), help: "An indicators file extending the bundled catalogue.")
  var catalogueFile: String?

  @OptionGroup var terminal: TerminalWidthOption

  func run() throws {
    try exitingOnError {
      var catalogue = IndicatorCatalogue.bundled
      if let catalogueFile { catalogue = try catalogue.extended(with: URL(fileURLWithPath: catalogueFile)) }
      try writeStandardOutput(Self.table(catalogue, language: lang, width: terminal.width()))
    }
  }

  /// The catalogue as rows of columns padded by display width (CJK characters take two columns).
  static func table(_ catalogue: IndicatorCatalogue, language: Language, width: Int?) -> String {
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
    let table = ReportTable(
      name: "indicators", title: "",
      columns: header.enumerated().map { ReportTable.Column($1, alignment: $0 == 0 ? .right : .left) },
      sections: [ReportTable.Section(heading: nil, rows: rows.map { $0.map(ReportTable.Cell.text) })])
    return TerminalExporter.render([table], width: width, language: language)
  }
}

extension Language: ExpressibleByArgument {}
