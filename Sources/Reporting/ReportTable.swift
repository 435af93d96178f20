import CityModel

/// A table ready to render in any format: a title, columns, rows grouped in sections, notes.
///
/// Cells keep their numbers (with the format that suits their unit), so people-facing formats
/// (terminal, Markdown, LaTeX, HTML) show formatted text while data formats (CSV, XLSX, JSON)
/// keep numbers as numbers — an estimate cell becomes one data column per statistic.
public struct ReportTable: Sendable, Equatable {
  public enum Alignment: String, Sendable, Codable {
    case left, right
  }

  public struct Column: Sendable, Equatable {
    public var title: String
    public var alignment: Alignment
    /// Names of the data columns an estimate column splits into (e.g. "P50", "P5", "P95");
    /// empty for a column of single values or text.
    public var statistics: [String]
    /// Shown only in data formats (e.g. the stable output id).
    public var dataOnly: Bool
    /// For a column a narrow terminal may leave out (a milestone year between the first and the
    /// last): the lower, the sooner it goes. Nil for a column always shown.
    public var thinningOrder: Int?

    public init(
      _ title: String, alignment: Alignment = .right, statistics: [String] = [], dataOnly: Bool = false,
      thinningOrder: Int? = nil
    ) {
      self.title = title
      self.alignment = alignment
      self.statistics = statistics
      self.dataOnly = dataOnly
      self.thinningOrder = thinningOrder
    }
  }

  public enum Cell: Sendable, Equatable {
    case text(String)
    case number(Double, NumberFormat)
    /// A central value with an interval, shown as `value [low–high]` (just `value` when the
    /// interval is a point, as in the base year).
    case estimate(Double, low: Double, high: Double, NumberFormat)
    case empty
  }

  public struct Section: Sendable, Equatable {
    /// A group heading (a dimension's name), or nil for an ungrouped table.
    public var heading: String?
    public var rows: [[Cell]]

    public init(heading: String?, rows: [[Cell]]) {
      self.heading = heading
      self.rows = rows
    }
  }

  /// Short name, used for sheet names and file names.
  public var name: String
  public var title: String
  public var columns: [Column]
  public var sections: [Section]
  public var notes: [String]

  public init(name: String, title: String, columns: [Column], sections: [Section], notes: [String] = []) {
    self.name = name
    self.title = title
    self.columns = columns
    self.sections = sections
    self.notes = notes
  }

  /// The columns shown to people, with their indices into a row.
  var displayColumns: [(index: Int, column: Column)] {
    columns.enumerated().filter { !$0.element.dataOnly }.map { ($0.offset, $0.element) }
  }
}

extension ReportTable.Cell {
  /// The cell as people read it: `29,038 [25,497–33,071]`.
  public var displayText: String {
    switch self {
    case .text(let text): text
    case .number(let value, let format): format.string(value)
    case .estimate(let value, let low, let high, let format) where low == high:
      format.string(value)
    case .estimate(let value, let low, let high, let format):
      "\(format.string(value)) "
        + "[\(intervalText(format.string(low), format.string(high), negative: low < 0 || high < 0))]"
    case .empty: ""
    }
  }
}

/// `low–high`, with spaces around the dash when a bound is negative so the minus sign stays legible.
func intervalText(_ low: String, _ high: String, negative: Bool) -> String {
  negative ? "\(low) – \(high)" : "\(low)–\(high)"
}
