/// How wide each column of a terminal table is when the table must fit `width` display columns.
///
/// In order, until the table fits: long text (names, units) wraps down to a readable width;
/// optional columns are left out (the caller asks `nextOptional`); every column wraps down to
/// its longest word; words themselves break. Without a width, or when the table fits as it is,
/// every column has its natural width.
struct TableFit {
  /// A wrapped name keeps at least this many columns, other text this many, before any column is
  /// left out.
  static let readableName = 28
  static let readableText = 16

  private let natural: [Int]
  private let readable: [Int]
  private let longestWord: [Int]
  private let widestCharacter: [Int]
  /// Whether a column holds text (left-aligned), as opposed to numbers.
  private let wrapsText: [Bool]
  private let width: Int?

  /// `header` and `rows` hold the displayed text of each column; the first column of a row is
  /// shown after `indent`; left-aligned columns are text that may wrap to a readable width.
  init(header: [String], rows: [[String]], alignments: [ReportTable.Alignment], indent: String, width: Int?) {
    let indentWidth = displayWidth(indent)
    func widths(_ measure: (String) -> Int, header measureHeader: (String) -> Int) -> [Int] {
      header.indices.map { column in
        let body = rows.map { measure($0[column]) + (column == 0 ? indentWidth : 0) }
        return ([measureHeader(header[column])] + body).max() ?? 0
      }
    }
    func widths(_ measure: (String) -> Int) -> [Int] { widths(measure, header: measure) }
    func longestUnit(_ text: String) -> Int { wrapUnits(text).map { displayWidth($0.text) }.max() ?? 0 }
    let natural = widths(displayWidth)
    let longestWord = widths(longestUnit)
    // Numbers keep their width; their heading wraps above them.
    let numbers = widths(displayWidth, header: longestUnit)
    readable = natural.indices.map { column in
      guard alignments[column] == .left else { return numbers[column] }
      return min(natural[column], max(longestWord[column], column == 0 ? Self.readableName : Self.readableText))
    }
    self.natural = natural
    wrapsText = alignments.map { $0 == .left }
    self.longestWord = longestWord
    widestCharacter = widths { text in text.map { displayWidth(String($0)) }.max() ?? 0 }
    self.width = width
  }

  private func total(_ widths: [Int]) -> Int {
    widths.reduce(0, +) + 2 * max(0, widths.count - 1)
  }

  /// Whether the table fits with its text wrapped to a readable width.
  var fits: Bool {
    guard let width else { return true }
    return total(readable) <= width
  }

  /// The column to leave out next: the optional one (non-nil `thinningOrder`) with the lowest order.
  func nextOptional(_ thinningOrder: [Int?]) -> Int? {
    let optional = thinningOrder.enumerated().compactMap { column, order in order.map { (column, $0) } }
    return optional.min { $0.1 < $1.1 }?.0
  }

  /// The width of each column.
  func widths() -> [Int] {
    guard let width, total(natural) > width else { return natural }
    if total(readable) <= width {
      // Give the room left back: first to the headings of numbers, so they wrap no more than
      // needed, then a column at a time to the text wrapped the most.
      var widths = readable
      for column in widths.indices where !wrapsText[column] {
        widths[column] += min(natural[column] - widths[column], width - total(widths))
      }
      while total(widths) < width,
        let neediest = widths.indices.max(by: { natural[$0] - widths[$0] < natural[$1] - widths[$1] }),
        widths[neediest] < natural[neediest]
      {
        widths[neediest] += 1
      }
      return widths
    }
    var widths = readable
    narrow(&widths, floor: longestWord, to: width)
    narrow(&widths, floor: widestCharacter.map { max(1, $0) }, to: width)
    return widths
  }

  /// Takes a column at a time from the widest column still above its `floor`, until the table
  /// fits `width` or every column is at its floor.
  private func narrow(_ widths: inout [Int], floor: [Int], to width: Int) {
    while total(widths) > width {
      guard let widest = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] })
      else { return }
      widths[widest] -= 1
    }
  }
}
