/// A value of a table in data formats (CSV, XLSX, JSON): text or a number, never both.
enum DataValue: Equatable {
  case text(String)
  case number(Double, NumberFormat)
  case empty
}

extension ReportTable {
  /// Whether rows carry a group (dimension) column in data formats.
  var hasGroups: Bool { sections.contains { $0.heading != nil } }

  /// Column names in data formats: a group column when rows are grouped, then every column,
  /// an estimate column split into one column per statistic ("2030 P50", "2030 P5", "2030 P95").
  func dataHeader(groupTitle: String) -> [String] {
    (hasGroups ? [groupTitle] : [])
      + columns.flatMap { column in
        column.statistics.count > 1 ? column.statistics.map { "\(column.title) \($0)" } : [column.title]
      }
  }

  /// Rows in data formats, aligned with `dataHeader`.
  var dataRows: [[DataValue]] {
    sections.flatMap { section in
      section.rows.map { cells in
        (hasGroups ? [section.heading.map(DataValue.text) ?? .empty] : [])
          + zip(cells, columns).flatMap { cell, column -> [DataValue] in
            switch cell {
            case .text(let text): [.text(text)]
            case .number(let value, let format): [.number(value, format)]
            case .estimate(let value, let low, let high, let format):
              [.number(value, format), .number(low, format), .number(high, format)]
            case .empty: Array(repeating: .empty, count: max(1, column.statistics.count))
            }
          }
      }
    }
  }
}

/// The shortest decimal text that reads back as the same `Double` ("29038.1", "0.6214").
func dataNumber(_ value: Double) -> String {
  guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
  return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}
