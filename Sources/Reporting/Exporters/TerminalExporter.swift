import CityModel

/// Aligned plain text for a terminal: columns padded by display width (CJK two columns wide),
/// numbers right-aligned, dimension groups as headings with their rows indented.
public enum TerminalExporter {
  public static func render(_ tables: [ReportTable]) -> String {
    tables.map(render).joined(separator: "\n")
  }

  static func render(_ table: ReportTable) -> String {
    let columns = table.displayColumns
    let indent = table.sections.contains { $0.heading != nil } ? "  " : ""
    let header = columns.map(\.column.title)
    let body = table.sections.map { section in
      section.rows.map { row in
        columns.enumerated().map { position, entry in (position == 0 ? indent : "") + row[entry.index].displayText }
      }
    }
    let widths = columns.indices.map { position in
      ([header[position]] + body.joined().map { $0[position] }).map(displayWidth).max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      zip(cells, zip(widths, columns.map(\.column.alignment))).map { padded($0, to: $1.0, $1.1) }
        .joined(separator: "  ").trimmingTrailingSpaces()
    }
    var lines = [
      table.title, "", line(header), String(repeating: "─", count: widths.reduce(0, +) + 2 * (widths.count - 1)),
    ]
    for (section, rows) in zip(table.sections, body) {
      if let heading = section.heading { lines.append(heading) }
      lines += rows.map(line)
    }
    lines += table.notes.map { "* " + $0 }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
