import Foundation

/// A column of cell texts kept as one UTF-8 buffer and the end offset of each cell: 8 bytes of
/// overhead a cell instead of a String each. A full-precision number such as
/// `-0.12345678901234567` does not fit a String's 15-byte inline form, so a String per cell
/// would cost a heap allocation per cell (a 200 MB panel used to take 1.2 GB). Cells are
/// decoded to Strings when read; numbers are parsed from the bytes directly.
struct TextColumn: Sendable, RandomAccessCollection {
  private var utf8: [UInt8] = []
  /// ends[i] is one past the last byte of cell i.
  private var ends: [Int] = []

  init() {}

  init<Texts: Sequence>(_ texts: Texts) where Texts.Element == String {
    for text in texts { append(text) }
  }

  var startIndex: Int { 0 }
  var endIndex: Int { ends.count }

  subscript(position: Int) -> String {
    withUTF8(position) { String(decoding: $0, as: UTF8.self) }
  }

  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append(bytes: $0) }
  }

  /// Appends a cell given as UTF-8 bytes (already validated).
  mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
    utf8.append(contentsOf: bytes)
    ends.append(utf8.count)
  }

  /// Calls `body` with the UTF-8 bytes of cell `position`.
  func withUTF8<Result>(_ position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    let start = position == 0 ? 0 : ends[position - 1]
    return try utf8.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[position]])) }
  }

  /// The cell as a finite number, nil when it is not one: the whole text must be a number as
  /// Swift's `Double(_: String)` reads it (C `strtod`, which that initialiser uses), without a
  /// String for the common short case.
  func number(_ position: Int) -> Double? {
    withUTF8(position) { bytes -> Double? in
      // strtod skips leading white space, which Double(String) refuses; cells are trimmed of
      // spaces and tabs, but other space characters must still be refused.
      guard let first = bytes.first, !(first == 0x20 || (0x09...0x0D).contains(first)) else { return nil }
      guard bytes.count < 64 else {
        return Double(String(decoding: bytes, as: UTF8.self)).flatMap { $0.isFinite ? $0 : nil }
      }
      return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> Double? in
        for (i, byte) in bytes.enumerated() { buffer[i] = CChar(bitPattern: byte) }
        buffer[bytes.count] = 0
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(buffer.baseAddress!, &end)
        guard let end, end - buffer.baseAddress! == bytes.count, value.isFinite else { return nil }
        return value
      }
    }
  }

  /// Whether the cell is empty or one of `markers` (texts of at most 15 bytes, such as `NA`,
  /// which compare without a heap allocation).
  func isMissing(_ position: Int, markers: Set<String>) -> Bool {
    withUTF8(position) { bytes in
      bytes.isEmpty || (bytes.count <= 15 && markers.contains(String(decoding: bytes, as: UTF8.self)))
    }
  }
}
