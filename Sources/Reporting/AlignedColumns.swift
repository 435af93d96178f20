/// Lines of text in aligned columns, two spaces apart, fitted to a width (`TableFit`): the
/// shared layout of every terminal table. Cells wrap onto extra lines where the width asks;
/// trailing spaces are trimmed.
struct AlignedColumns {
  var alignments: [ReportTable.Alignment]
  /// Put before the first cell of an indented row.
  var indent = ""
  /// The width of each column.
  private(set) var widths: [Int]

  /// Columns wide enough for `rows` (header included), or narrowed to fit `width`.
  init(_ rows: [[String]], alignments: [ReportTable.Alignment], indent: String = "", width: Int?) {
    self.alignments = alignments
    self.indent = indent
    let fit = TableFit(
      header: rows.first ?? [], rows: Array(rows.dropFirst()), alignments: alignments, indent: indent, width: width)
    widths = fit.widths()
  }

  /// The total width, gaps included.
  var total: Int { widths.reduce(0, +) + 2 * max(0, widths.count - 1) }

  /// One row on one line with every column padded, the last too (no wrapping, no trimming).
  func fullLine(_ cells: [String]) -> String {
    zip(cells, zip(widths, alignments)).map { padded($0, to: $1.0, $1.1) }.joined(separator: "  ")
  }

  /// The lines of one row: one, or more where a cell wraps.
  func lines(_ cells: [String], indented: Bool = false) -> [String] {
    let wrapped = zip(cells, widths).enumerated().map { position, pair in
      let prefix = indented && position == 0 ? indent : ""
      return wrap(pair.0, width: pair.1 - displayWidth(prefix)).map { prefix + $0 }
    }
    let height = wrapped.map(\.count).max() ?? 1
    return (0..<height).map { line in
      zip(wrapped, zip(widths, alignments)).map { cell, layout in
        padded(line < cell.count ? cell[line] : "", to: layout.0, layout.1)
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }
  }
}
