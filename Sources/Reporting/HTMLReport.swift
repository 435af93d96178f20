import CityModel
import Simulation

/// A chart made elsewhere (e.g. a tornado or Sobol chart from `BarChart`) to include in a report.
public struct Figure: Sendable, Equatable {
  public var title: String
  public var svg: String

  public init(title: String, svg: String) {
    self.title = title
    self.svg = svg
  }
}

/// One self-contained HTML page, titled with its scenarios' titles: for each run its manifest,
/// projection, targets and cost tables, the index-by-dimension chart and a fan chart per output;
/// then the comparison (manifest, chart and tables) and any extra figures. Styles and SVG are
/// inline; there is no script and no network reference, so the file reads the same offline,
/// printed, or attached to an email.
public enum HTMLReport {
  public static func render(
    runs: [RunResult], comparison: PlanComparison? = nil, figures: [Figure] = [],
    options: ReportOptions = ReportOptions()
  ) throws(ReportingError) -> String {
    let language = options.language
    let title = pageTitle(runs: runs, comparison: comparison, language: language)
    var body: [String] = ["<h1>\(xmlEscaped(title))</h1>"]
    for run in runs {
      if runs.count > 1 || comparison != nil { body.append("<h2>\(xmlEscaped(run.title.text(language)))</h2>") }
      body.append(table(.manifest(of: run, language: language), className: "manifest"))
      body.append(table(try .projection(of: run, options: options)))
      if !run.targets.isEmpty { body.append(table(.targets(of: run, language: language))) }
      if let chart = ResultCharts.dimensions(of: run, language: language) { body.append(figure(chart.svg)) }
      let fans = ResultCharts.fans(of: run, language: language)
      if !fans.isEmpty {
        body.append("<h3>\(Label.fanCharts.text(language))</h3>")
        body.append(#"<div class="fans">"# + fans.map { figure($0.svg) }.joined() + "</div>")
      }
      if run.cost.contains(where: { $0.p95 != 0 }) { body.append(table(.cost(of: run, language: language))) }
    }
    if let comparison {
      body.append(
        "<h2>\(xmlEscaped(comparisonHeading(comparison, language)))</h2>")
      body.append(table(.manifest(of: comparison, language: language), className: "manifest"))
      if let chart = ResultCharts.differences(of: comparison, language: language) { body.append(figure(chart.svg)) }
      body += try ReportTable.comparisons(of: comparison, options: options).map { table($0) }
    }
    for extra in figures {
      body.append("<h3>\(xmlEscaped(extra.title))</h3>")
      body.append(figure(extra.svg))
    }
    return document(title: title, language: language, body: body)
  }

  /// A complete page around `body` (HTML fragments, one per line) with the report's stylesheet.
  static func document(title: String, language: Language, body: [String]) -> String {
    """
    <!DOCTYPE html>
    <html lang="\(language == .zh ? "zh-CN" : "en")">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(xmlEscaped(title))</title>
    <style>
    \(stylesheet)
    </style>
    </head>
    <body>
    \(body.joined(separator: "\n"))
    </body>
    </html>

    """
  }

  private static let stylesheet = """
    body { font-family: \(SVGCanvas.fontFamily); color: #222; margin: 24px auto; \
    max-width: 1120px; padding: 0 16px; line-height: 1.45; }
    h1 { font-size: 26px; margin: 0 0 16px; }
    h2 { font-size: 21px; margin: 32px 0 10px; border-bottom: 2px solid #08306b; padding-bottom: 4px; }
    h3 { font-size: 17px; margin: 22px 0 8px; }
    table { border-collapse: collapse; margin: 10px 0 4px; font-size: 13px; font-variant-numeric: tabular-nums; }
    th, td { padding: 3px 10px; vertical-align: top; }
    thead th { border-top: 2px solid #222; border-bottom: 1px solid #222; text-align: left; }
    thead th.num { text-align: right; }
    tbody tr:last-child td { border-bottom: 2px solid #222; }
    tr.group th { text-align: left; background: #eef2f7; padding-top: 6px; }
    td.num { text-align: right; white-space: nowrap; }
    td.indent { padding-left: 22px; }
    span.interval { color: #666; font-size: 11px; }
    table.manifest td:first-child { color: #555; white-space: nowrap; }
    table.manifest td { font-size: 12px; word-break: break-all; }
    p.note { font-size: 12px; color: #555; margin: 2px 0 14px; }
    figure { margin: 12px 0; }
    figure svg { max-width: 100%; height: auto; }
    div.fans { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 8px 20px; }
    div.fans figure { margin: 0; }
    @media print {
      body { margin: 0; max-width: none; }
      figure, table { break-inside: avoid; }
      h2 { break-before: page; }
    }
    """

  /// "Comparison — Base scenario: Shanghai baseline" / "方案比较——基准情景：上海·基准方案".
  private static func comparisonHeading(_ comparison: PlanComparison, _ language: Language) -> String {
    let base = Punctuation.labelled(Label.base.text(language), comparison.baseName(language), language)
    return Punctuation.titled(Label.comparison.text(language), base, language)
  }

  /// The titles of the page's scenarios, each once, in order: the runs', then the comparison's base
  /// and alternatives.
  static func pageTitle(runs: [RunResult], comparison: PlanComparison?, language: Language) -> String {
    var titles = runs.map { $0.title.text(language) }
    if let comparison {
      titles.append(comparison.baseName(language))
      titles += comparison.comparisons.map { $0.title.text(language) }
    }
    var seen: Set<String> = []
    return titles.filter { seen.insert($0).inserted }.joined(separator: language == .zh ? "、" : ", ")
  }

  static func figure(_ svg: String) -> String {
    "<figure>\n\(svg)</figure>"
  }

  /// A table with its groups as shaded heading rows and estimates as `median [interval]`.
  static func table(_ table: ReportTable, className: String? = nil) -> String {
    let columns = table.displayColumns
    let grouped = table.sections.contains { $0.heading != nil }
    var html = table.title.isEmpty ? "" : "<h3>\(xmlEscaped(table.title))</h3>\n"
    html += className.map { #"<table class="\#($0)">"# } ?? "<table>"
    html += "\n"
    if columns.contains(where: { !$0.column.title.isEmpty }) {
      html +=
        "<thead><tr>"
        + columns.map {
          #"<th\#($0.column.alignment == .right ? #" class="num""# : "")>\#(xmlEscaped($0.column.title))</th>"#
        }.joined() + "</tr></thead>\n"
    }
    html += "<tbody>\n"
    for section in table.sections {
      if let heading = section.heading {
        html += #"<tr class="group"><th colspan="\#(columns.count)">\#(xmlEscaped(heading))</th></tr>"# + "\n"
      }
      for row in section.rows {
        html +=
          "<tr>"
          + columns.enumerated().map { place, entry in
            let classes = [entry.column.alignment == .right ? "num" : nil, place == 0 && grouped ? "indent" : nil]
              .compactMap { $0 }
            let classAttribute = classes.isEmpty ? "" : #" class="\#(classes.joined(separator: " "))""#
            return "<td\(classAttribute)>\(cell(row[entry.index]))</td>"
          }.joined() + "</tr>\n"
      }
    }
    html += "</tbody></table>\n"
    html += table.notes.map { #"<p class="note">\#(xmlEscaped($0))</p>"# }.joined(separator: "\n")
    return html
  }

  private static func cell(_ cell: ReportTable.Cell) -> String {
    guard case .estimate(let value, let low, let high, let format) = cell, low != high else {
      return xmlEscaped(cell.displayText)
    }
    let interval = intervalText(format.string(low), format.string(high), negative: low < 0 || high < 0)
    return #"\#(xmlEscaped(format.string(value))) <span class="interval">[\#(xmlEscaped(interval))]</span>"#
  }
}
