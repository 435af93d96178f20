import Testing

@testable import Estimation

/// The compact column must read cells exactly as Strings and numbers exactly as Double(String)
/// does (finite values only), since it replaced a String per cell.
@Suite struct TextColumnTests {
  static let texts = [
    "1", "-0", "+2", ".5", "5.", "1e5", "1E-3", "-0.12345678901234567", "0x1p3", "0x1A", "inf", "-inf",
    "infinity", "nan", "NaN", "1e400", "-1e400", "4.9e-324", "1e-400", " 1", "1 ", "\u{0B}1", "1,5", "",
    "1e", "e1", "1_000", "0x", "١٢", "NA", "N/A", "null", ".",
    "12345678901234567890123456789012345678901234567890123456789012345678901",
    "城市", "2020",
  ]

  @Test func cellsAndNumbersReadAsStringsAndDoublesWould() {
    let column = TextColumn(Self.texts)
    #expect(column.count == Self.texts.count)
    for (position, text) in Self.texts.enumerated() {
      #expect(column[position] == text)
      let expected = Double(text).flatMap { $0.isFinite ? $0 : nil }
      let actual = column.number(position)
      #expect(
        actual?.bitPattern == expected?.bitPattern,
        "\(text.debugDescription): \(String(describing: actual)) vs \(String(describing: expected))")
      #expect(column.isMissing(position, markers: DataTable.missingMarkers) == DataTable.missingMarkers.contains(text))
    }
  }
}
