/// LaTeX tables in the booktabs style (`\toprule`, `\midrule`, `\bottomrule`, no vertical
/// rules), numbers in siunitx's `\num{}` so the document's own number settings apply, text with
/// every special character escaped.
///
/// A fragment needs `booktabs` and `siunitx` in the preamble; `standalone: true` writes a whole
/// document (A4 landscape) that compiles as it is — with `ctexart` (XeLaTeX) when any text is
/// Chinese, plain `article` otherwise.
public enum LaTeXExporter {
  public static func render(_ tables: [ReportTable], standalone: Bool = false) -> String {
    let body = tables.map(render).joined(separator: "\n")
    guard standalone else {
      return "% Requires \\usepackage{booktabs,siunitx} and "
        + "\\sisetup{group-separator={,},group-minimum-digits=4,retain-explicit-plus}.\n" + body
    }
    let chinese = body.unicodeScalars.contains {
      (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value)
    }
    return [
      chinese ? "\\documentclass{ctexart}" : "\\documentclass{article}",
      "\\usepackage[a4paper,landscape,margin=1.5cm]{geometry}",
      "\\usepackage{booktabs}",
      "\\usepackage{siunitx}",
      "\\sisetup{group-separator={,},group-minimum-digits=4,retain-explicit-plus}",
      "\\begin{document}",
      body + "\\end{document}",
    ].joined(separator: "\n") + "\n"
  }

  static func render(_ table: ReportTable) -> String {
    let columns = table.displayColumns
    let specification = "@{}" + columns.map { $0.column.alignment == .right ? "r" : "l" }.joined() + "@{}"
    var lines = [
      "\\begin{table}[htbp]",
      "\\centering",
      "\\caption{\(escape(table.title))}",
      "\\footnotesize",
      "\\setlength{\\tabcolsep}{4pt}",
      "\\begin{tabular}{\(specification)}",
      "\\toprule",
      columns.map { escape($0.column.title) }.joined(separator: " & ") + " \\\\",
      "\\midrule",
    ]
    for (position, section) in table.sections.enumerated() {
      if position > 0 && section.heading != nil { lines.append("\\addlinespace") }
      if let heading = section.heading {
        lines.append("\\multicolumn{\(columns.count)}{@{}l}{\\textbf{\(escape(heading))}} \\\\")
      }
      for row in section.rows {
        let cells = columns.enumerated().map { place, entry in
          (place == 0 && section.heading != nil ? "\\quad " : "") + cell(row[entry.index])
        }
        lines.append(cells.joined(separator: " & ") + " \\\\")
      }
    }
    lines += ["\\bottomrule", "\\end{tabular}"]
    lines += table.notes.map { "\\par\\smallskip{\\scriptsize \(escape($0))\\par}" }
    lines.append("\\end{table}")
    return lines.joined(separator: "\n") + "\n"
  }

  static func cell(_ cell: ReportTable.Cell) -> String {
    func number(_ value: Double, _ format: NumberFormat) -> String {
      // A year is a name, not a quantity: never grouped as siunitx may group it.
      guard format.style != .year else { return format.plain(value) }
      return "\\num{\(format.plain(value))}" + (format.style == .percent ? "\\%" : "")
    }
    switch cell {
    case .text(let text): return escape(text)
    case .number(let value, let format): return number(value, format)
    case .estimate(let value, let low, let high, let format) where low == high:
      return number(value, format)
    case .estimate(let value, let low, let high, let format):
      let separator = low < 0 || high < 0 ? "\\,--\\," : "--"
      return "\(number(value, format)) [\(number(low, format))\(separator)\(number(high, format))]"
    case .empty: return ""
    }
  }

  /// Escapes TeX's special characters (`& % $ # _ { } ~ ^ \`) and spells out the typographic
  /// characters that a non-Unicode engine would not know.
  public static func escape(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "&", "%", "$", "#", "_", "{", "}": escaped += "\\" + String(character)
      case "~": escaped += "\\textasciitilde{}"
      case "^": escaped += "\\textasciicircum{}"
      case "\\": escaped += "\\textbackslash{}"
      case "–": escaped += "--"
      case "—": escaped += "---"
      case "−": escaped += "$-$"
      case "≥": escaped += "$\\geq$"
      case "≤": escaped += "$\\leq$"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
