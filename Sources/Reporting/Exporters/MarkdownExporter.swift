/// GitHub-flavoured Markdown: a heading per table, a pipe table with numbers right-aligned,
/// dimension groups as bold rows, notes in italics.
public enum MarkdownExporter {
  public static func render(_ tables: [ReportTable]) -> String {
    tables.map(render).joined(separator: "\n")
  }

  static func render(_ table: ReportTable) -> String {
    let columns = table.displayColumns
    func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
    var lines = ["## " + escape(table.title), ""]
    lines.append(row(columns.map { escape($0.column.title) }))
    lines.append("|" + columns.map { $0.column.alignment == .right ? "---:|" : ":---|" }.joined())
    for section in table.sections {
      if let heading = section.heading {
        lines.append(row(["**\(escape(heading))**"] + Array(repeating: "", count: columns.count - 1)))
      }
      for cells in section.rows {
        lines.append(row(columns.map { escape(cells[$0.index].displayText) }))
      }
    }
    if !table.notes.isEmpty { lines.append("") }
    lines += table.notes.map { "*\(escape($0))*" }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Escapes the characters that would end a cell or start emphasis or markup.
  static func escape(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if "\\|*_`<>".contains(character) { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }
}
