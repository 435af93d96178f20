import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import Reporting
import Simulation
import Testing

/// The hand-made fixtures under `Fixtures/` (see `make_fixtures.py` there) and golden files
/// under `Snapshots/`, located from this source file so they can be re-recorded in place.
enum Fixtures {
  static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let directory = testsDirectory.appendingPathComponent("Fixtures")
  static let snapshots = testsDirectory.appendingPathComponent("Snapshots")

  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: directory.appendingPathComponent(name))
  }

  static func run() throws -> RunResult {
    try ResultCoding.decoder().decode(RunResult.self, from: data("run-shanghai-flagship.json"))
  }

  static func comparison() throws -> PlanComparison {
    try ResultCoding.decoder().decode(PlanComparison.self, from: data("compare-shanghai.json"))
  }

  static func runDocument() throws -> ResultDocument { .run(try run()) }
  static func comparisonDocument() throws -> ResultDocument { .comparison(try comparison()) }

  /// A fresh empty directory for files a test writes.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-reporting-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// Compares `actual` with the golden file `Snapshots/<name>` byte for byte. A missing or
/// different file fails; set ICCSIM_RECORD_SNAPSHOTS=1 to (re)write the golden files, then
/// review the diff before committing.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let url = Fixtures.snapshots.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["ICCSIM_RECORD_SNAPSHOTS"] == "1" {
    try FileManager.default.createDirectory(at: Fixtures.snapshots, withIntermediateDirectories: true)
    try Data(actual.utf8).write(to: url)
    return
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record("missing golden file Snapshots/\(name); record it with ICCSIM_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
    return
  }
  if expected != actual {
    let expectedLines = expected.components(separatedBy: "\n")
    let actualLines = actual.components(separatedBy: "\n")
    let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(expectedLines.count, actualLines.count)
    let expectedLine = first < expectedLines.count ? expectedLines[first] : "<end>"
    let actualLine = first < actualLines.count ? actualLines[first] : "<end>"
    Issue.record(
      "Snapshots/\(name) differs at line \(first + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)",
      sourceLocation: sourceLocation)
  }
}

/// Checks that `text` is well-formed XML (used on SVG charts and XLSX parts).
func isWellFormedXML(_ text: String) -> Bool {
  XMLParser(data: Data(text.utf8)).parse()
}
