import Analysis
import CityModel
import Simulation

extension SensitivitySummary {
  /// A self-contained page for a report or a slide: the title and design, then for each output
  /// and year its chart — the tornado (each input's P5–P95 swing about the base, largest on top)
  /// or the Sobol first-order and total indices with their intervals — and the same table as the
  /// terminal's, then the warnings. The regression method has no chart: its coefficients are
  /// read from the table. Charts are inline SVG; the page fetches nothing.
  public func html() -> String {
    var body = ["<h1>\(xmlEscaped(title))</h1>", #"<p class="note">\#(xmlEscaped(design))</p>"#]
    for rows in blocks {
      let cells = blockCells(rows)
      body.append("<h2>\(xmlEscaped(cells.heading))</h2>")
      if let chart = chart(rows, title: cells.heading) { body.append(HTMLReport.figure(chart.svg)) }
      let table = ReportTable(
        name: "sensitivity", title: "",
        columns: cells.header.enumerated().map { ReportTable.Column($1, alignment: $0 == 0 ? .left : .right) },
        sections: [ReportTable.Section(heading: nil, rows: cells.cells.map { $0.map { .text($0) } })])
      body.append(HTMLReport.table(table))
    }
    if !result.warnings.isEmpty {
      let items = result.warnings.map { "<li>\(xmlEscaped(text.warning($0, inputs: report.inputs)))</li>" }
      body.append("<h2>\(xmlEscaped(text.warningsHeading))</h2>\n<ul>\n\(items.joined(separator: "\n"))\n</ul>")
    }
    return HTMLReport.document(title: title, language: text.language, body: body)
  }

  /// The page's charts, one per output and year, each named by what it shows
  /// (`tornado-index-2033.svg`, `sobol-retail_sales-2030.svg`); none for the regression method.
  public func charts() -> [NamedChart] {
    blocks.compactMap { chart($0, title: blockCells($0).heading) }
  }

  /// The chart of one output's rows, nil for the regression method.
  private func chart(_ rows: [SensitivityRow], title: String) -> NamedChart? {
    let first = rows[0]
    let name = "\(first.method.rawValue)-\(first.output)\(first.year.map { "-\($0)" } ?? "").svg"
    return drawing(rows, title: title).map { NamedChart(fileName: name, svg: $0) }
  }

  private func drawing(_ rows: [SensitivityRow], title: String) -> String? {
    switch rows[0].measures {
    case .tornado(let first):
      let bars = rows.map { row in
        let m = tornado(row)
        return TornadoBar(label: inputLabel(row.input), low: m.low, high: m.high)
      }
      return BarChart.tornado(
        bars, baseline: first.base, title: title, unit: unit(of: rows[0].output), language: text.language)
    case .sobol:
      let bars = rows.map { row in
        let m = sobol(row)
        return SobolBar(
          label: inputLabel(row.input), s1: m.s1, s1Low: m.s1Low, s1High: m.s1High, st: m.st, stLow: m.stLow,
          stHigh: m.stHigh)
      }
      return BarChart.sobol(bars, title: title, language: text.language)
    case .regression:
      return nil
    }
  }

  /// The unit of an output: the catalogue's, and 亿元 for the programme cost.
  private func unit(of output: String) -> String {
    scenario.outputs.first { $0.id == output }?.unit ?? "亿元"
  }
}
