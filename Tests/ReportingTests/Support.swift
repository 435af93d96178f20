import Foundation
import Reporting
import Simulation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

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

/// Compares `actual` with the golden file `<directory>/<name>` (by default `Snapshots/<name>`) byte
/// for byte. A missing or different file fails. Set ICCSIM_RECORD_SNAPSHOTS=1 to (re)write the
/// golden files: each recorded file then fails too, as snapshot libraries do, so a recording run
/// can never pass for a comparison; review the diff and run again without the variable.
func assertSnapshot(
  _ actual: String, named name: String,
  recording: Bool = ProcessInfo.processInfo.environment["ICCSIM_RECORD_SNAPSHOTS"] == "1",
  in directory: URL = Fixtures.snapshots, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let url = directory.appendingPathComponent(name)
  if recording {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data(actual.utf8).write(to: url)
    Issue.record(
      "recorded Snapshots/\(name): review it, then run the tests again without ICCSIM_RECORD_SNAPSHOTS",
      sourceLocation: sourceLocation)
    return
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record(
      "missing golden file Snapshots/\(name); record it with ICCSIM_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
    return
  }
  if expected != actual {
    let expectedLines = expected.components(separatedBy: "\n")
    let actualLines = actual.components(separatedBy: "\n")
    let first =
      zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
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
