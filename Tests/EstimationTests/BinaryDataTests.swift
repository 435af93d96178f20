import Foundation
import Testing

@testable import Estimation

/// A data file with binary content (a NUL byte: a binary or UTF-16 file) is refused at the
/// byte's line and field, and a file starting with one is refused before it is read whole.
@Suite("Binary data files")
struct BinaryDataTests {
  static func refusal(_ file: String, line: Int, column: Int) -> EstimationError {
    .malformedTable(
      CellLocation(file: file, line: line, column: column),
      "the file holds binary content (a NUL byte), not CSV text; save it as UTF-8 CSV")
  }

  @Test func aNulByteIsRefusedAtItsCell() throws {
    #expect(throws: Self.refusal("t.csv", line: 3, column: 2)) {
      try DataTable.parse(csv: "a,b\n1,2\n3,4\u{0}\n", file: "t.csv")
    }
    #expect(throws: Self.refusal("t.csv", line: 2, column: 1)) {
      try DataTable.parse(csv: "a,b\n\"x\u{0}y\",2\n", file: "t.csv")
    }
  }

  /// A 1 GiB file of NUL bytes (sparse, so it costs no disk) is refused from its first bytes:
  /// reading it whole would take 1 GiB, and its one "header field" once asked for 16 GiB.
  @Test func aLargeBinaryFileIsRefusedFromItsStart() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("nul-\(UUID().uuidString).csv").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data("a,b\n1,".utf8)))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 1 << 30)
    try handle.close()
    #expect(throws: Self.refusal(path, line: 2, column: 2)) { try DataTable.read(path: path) }
  }
}
