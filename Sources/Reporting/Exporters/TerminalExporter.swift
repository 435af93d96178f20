import CityModel

/// Aligned plain text for a terminal: columns padded by display width (CJK two columns wide),
/// numbers right-aligned, dimension groups as headings with their rows indented; the title (if
/// any) above, the notes below.
///
/// Given a `width`, a table never runs past it (`TableFit`): long names wrap first, then
/// optional columns (milestone years between the first and the last) are left out, with a note
/// saying which, then any cell wraps. Without one, the full layout.
public enum TerminalExporter {
  public static func render(_ tables: [ReportTable], width: Int? = nil, language: Language = .en) -> String {
    tables.map { render($0, width: width, language: language) }.joined(separator: "\n")
  }

  static func render(_ table: ReportTable, width: Int?, language: Language) -> String {
    var columns = table.displayColumns
    let indent = table.sections.contains { $0.heading != nil } ? "  " : ""
    func cells(_ row: [ReportTable.Cell]) -> [String] { columns.map { row[$0.index].displayText } }
    func fit() -> TableFit {
      TableFit(
        header: columns.map(\.column.title), rows: table.sections.flatMap(\.rows).map(cells),
        alignments: columns.map(\.column.alignment), indent: indent, width: width)
    }
    var leftOut: [String] = []
    while !fit().fits, let drop = fit().nextOptional(columns.map(\.column.thinningOrder)) {
      leftOut.append(columns[drop].column.title)
      columns.remove(at: drop)
    }
    let layout = AlignedColumns(
      [columns.map(\.column.title)] + table.sections.flatMap(\.rows).map(cells),
      alignments: columns.map(\.column.alignment), indent: indent, width: width)
    let limit = width ?? Int.max
    var output = table.title.isEmpty ? [] : wrap(table.title, width: limit) + [""]
    output += layout.lines(columns.map(\.column.title))
    output.append(String(repeating: "─", count: layout.total))
    for section in table.sections {
      if let heading = section.heading { output += wrap(heading, width: limit) }
      output += section.rows.flatMap { layout.lines(cells($0), indented: true) }
    }
    var notes = table.notes
    if !leftOut.isEmpty, let width { notes.append(Label.columnsLeftOut(leftOut, width: width, language)) }
    output += notes.flatMap { note in
      wrap(note, width: limit - 2).enumerated().map { ($0.offset == 0 ? "* " : "  ") + $0.element }
    }
    return output.joined(separator: "\n") + "\n"
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
