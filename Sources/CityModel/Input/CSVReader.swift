/// The one CSV reader (RFC 4180), on UTF-8 bytes: comma-separated fields, records ending in LF
/// or CRLF, fields in double quotes holding commas, line breaks and doubled quotes (`""`); a
/// quote inside an unquoted field is taken literally, as Python's csv module does. A leading
/// byte-order mark is skipped, blank lines are skipped, and every field must be valid UTF-8.
/// Where callers differ (city tables, estimation panels), `Options` says how.
///
/// One pass over the bytes, one record at a time: `readRecord()` moves to the next record, whose
/// fields are then read as bytes (`withField`) or text (`field`) without a String per field.
public struct CSVReader {
  /// The rules that differ between callers.
  public struct Options: Sendable {
    /// Spaces and tabs around a field, before its opening quote and after its closing quote, are
    /// dropped (and a carriage return, unless it ends records).
    public var trimsBlanks: Bool
    /// A lone carriage return ends a record too (old Mac line ends); otherwise it is a blank.
    public var carriageReturnEndsRecord: Bool
    /// A line holding only `""` is skipped as blank; otherwise it is a record of one empty field.
    public var skipsQuotedEmptyLines: Bool
    /// A NUL byte is a fault (`nulByte`: a binary or UTF-16 file); otherwise it is field text.
    public var refusesNulBytes: Bool

    public init(
      trimsBlanks: Bool, carriageReturnEndsRecord: Bool, skipsQuotedEmptyLines: Bool, refusesNulBytes: Bool
    ) {
      self.trimsBlanks = trimsBlanks
      self.carriageReturnEndsRecord = carriageReturnEndsRecord
      self.skipsQuotedEmptyLines = skipsQuotedEmptyLines
      self.refusesNulBytes = refusesNulBytes
    }
  }

  /// A fault in the CSV syntax, with every position a caller may name.
  public struct SyntaxError: Error, Equatable, Sendable {
    public enum Kind: Sendable {
      /// Something other than a comma or a line end follows a closing quote.
      case textAfterClosingQuote
      /// A quoted field runs to the end of the file.
      case unclosedQuote
      /// A field is not valid UTF-8.
      case invalidUTF8
      /// A NUL byte, with `Options.refusesNulBytes`.
      case nulByte
    }

    public var kind: Kind
    /// The line of the fault (for an unclosed quote, the last line).
    public var line: Int
    /// The line the record starts on.
    public var recordLine: Int
    /// The line the field starts on.
    public var fieldLine: Int
    /// The field's 1-based position in its record.
    public var column: Int
  }

  /// A record read whole, with the line it starts on.
  public struct Record: Equatable, Sendable {
    public var line: Int
    public var fields: [String]
  }

  /// One field of the current record: a range of the bytes, or, for a quoted field with its
  /// doubled quotes undone, bytes of its own.
  @usableFromInline enum Field {
    case slice(Range<Int>)
    case owned([UInt8])
  }

  private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
  private static let carriage = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

  @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
  private let options: Options
  /// `options` as read in the inner loops.
  private let trims: Bool, carriageEndsRecord: Bool
  /// The byte besides comma and LF that ends a field: CR when it ends records, else a comma again.
  private let otherFieldEnd: UInt8
  private var index = 0
  private var line = 1
  @usableFromInline var fields: [Field] = []
  /// The line the current record starts on.
  public private(set) var recordLine = 1

  /// A reader of `bytes`, which must outlive it.
  public init(bytes: UnsafeBufferPointer<UInt8>, options: Options) {
    self.bytes = bytes
    self.options = options
    trims = options.trimsBlanks
    carriageEndsRecord = options.carriageReturnEndsRecord
    otherFieldEnd = carriageEndsRecord ? Self.carriage : Self.comma
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
  }

  /// Every record of `text` as Strings.
  public static func records(_ text: String, options: Options) throws(SyntaxError) -> [Record] {
    var text = text
    let records = text.withUTF8 { bytes -> Result<[Record], SyntaxError> in
      var reader = CSVReader(bytes: bytes, options: options)
      var records: [Record] = []
      do throws(SyntaxError) {
        while try reader.readRecord() {
          records.append(Record(line: reader.recordLine, fields: (0..<reader.fieldCount).map { reader.field($0) }))
        }
      } catch {
        return .failure(error)
      }
      return .success(records)
    }
    return try records.get()
  }

  /// Moves to the next record that is not a blank line; false at the end of the bytes.
  public mutating func readRecord() throws(SyntaxError) -> Bool {
    while index < bytes.count {
      recordLine = line
      try readFields()
      guard fields.count == 1, isBlank(fields[0]) else { return true }
    }
    return false
  }

  /// How many fields the current record has.
  @inlinable public var fieldCount: Int { fields.count }

  /// Calls `body` with the UTF-8 bytes of the current record's field `position` (inlinable: a
  /// panel's reader calls it for every cell).
  @inlinable public func withField<Result>(
    _ position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    switch fields[position] {
    case let .slice(range): try body(UnsafeBufferPointer(rebasing: bytes[range]))
    case let .owned(owned): try owned.withUnsafeBufferPointer(body)
    }
  }

  /// The current record's field `position` as text.
  public func field(_ position: Int) -> String {
    withField(position) { String(decoding: $0, as: UTF8.self) }
  }

  private func isBlank(_ field: Field) -> Bool {
    switch field {
    case let .slice(range): range.isEmpty
    case let .owned(owned): owned.isEmpty && options.skipsQuotedEmptyLines
    }
  }

  /// Whether `byte` is dropped around fields.
  private func isTrimmed(_ byte: UInt8) -> Bool {
    trims && (byte == Self.space || byte == Self.tab || (byte == Self.carriage && !carriageEndsRecord))
  }

  private func endsField(_ byte: UInt8) -> Bool {
    byte == Self.comma || byte == Self.newline || byte == otherFieldEnd
  }

  /// The fields up to and including the end of the line (or of the file); the storage of
  /// `fields` is reused from record to record.
  private mutating func readFields() throws(SyntaxError) {
    fields.removeAll(keepingCapacity: true)
    while true {
      fields.append(try readField(column: fields.count + 1))
      guard index < bytes.count else { return }
      let separator = bytes[index]
      index += 1
      if separator == Self.carriage && index < bytes.count && bytes[index] == Self.newline { index += 1 }
      if separator != Self.comma {
        line += 1
        return
      }
    }
  }

  /// One field; leaves `index` on the separator that follows it.
  private mutating func readField(column: Int) throws(SyntaxError) -> Field {
    var start = index
    while start < bytes.count && isTrimmed(bytes[start]) && bytes[start] != Self.carriage { start += 1 }
    if start < bytes.count && bytes[start] == Self.quote {
      return try readQuoted(from: start + 1, column: column)
    }
    var end = start
    var highBits: UInt8 = 0
    while end < bytes.count {
      let byte = bytes[end]
      // Every byte that ends a field sorts at or below the comma; digits and letters above it.
      if byte <= Self.comma {
        if endsField(byte) { break }
        if byte == 0 && options.refusesNulBytes { throw fault(.nulByte, fieldLine: line, column: column) }
      }
      highBits |= byte
      end += 1
    }
    index = end
    var last = end
    while last > start && isTrimmed(bytes[last - 1]) { last -= 1 }
    let text = UnsafeBufferPointer(rebasing: bytes[start..<last])
    if highBits >= 0x80 && String(validating: text, as: UTF8.self) == nil {
      throw fault(.invalidUTF8, fieldLine: line, column: column)
    }
    return .slice(start..<last)
  }

  private mutating func readQuoted(from start: Int, column: Int) throws(SyntaxError) -> Field {
    let startLine = line
    var field: [UInt8] = []
    var position = start
    while position < bytes.count {
      let byte = bytes[position]
      if byte == Self.quote {
        if position + 1 < bytes.count && bytes[position + 1] == Self.quote {
          field.append(Self.quote)
          position += 2
          continue
        }
        position += 1
        while position < bytes.count && isTrimmed(bytes[position]) { position += 1 }
        guard position == bytes.count || endsField(bytes[position]) else {
          throw fault(.textAfterClosingQuote, fieldLine: startLine, column: column)
        }
        index = position
        guard String(validating: field, as: UTF8.self) != nil else {
          throw fault(.invalidUTF8, fieldLine: startLine, column: column)
        }
        return .owned(field)
      }
      if byte == Self.newline { line += 1 }
      if byte == 0 && options.refusesNulBytes { throw fault(.nulByte, fieldLine: startLine, column: column) }
      field.append(byte)
      position += 1
    }
    throw fault(.unclosedQuote, fieldLine: startLine, column: column)
  }

  private func fault(_ kind: SyntaxError.Kind, fieldLine: Int, column: Int) -> SyntaxError {
    SyntaxError(kind: kind, line: line, recordLine: recordLine, fieldLine: fieldLine, column: column)
  }
}
