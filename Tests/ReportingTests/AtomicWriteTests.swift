import Foundation
import Testing

@testable import Reporting

@Suite struct AtomicWriteTests {
  @Test func refusesToReplaceWithoutForceAndLeavesTheFileAlone() throws {
    let directory = try Fixtures.temporaryDirectory()
    let file = directory.appendingPathComponent("table.md")
    try AtomicWrite.write(Data("first".utf8), to: file, force: false)
    #expect(throws: ReportingError.outputExists(path: file.path)) {
      try AtomicWrite.write(Data("second".utf8), to: file, force: false)
    }
    #expect(try String(contentsOf: file, encoding: .utf8) == "first")
    try AtomicWrite.write(Data("third".utf8), to: file, force: true)
    #expect(try String(contentsOf: file, encoding: .utf8) == "third")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["table.md"], "no temporary file left")
    #expect(ReportingError.outputExists(path: file.path).exitCode == 73)
    #expect("\(ReportingError.outputExists(path: "x.md"))" == "x.md already exists; pass --force to replace it")
  }

  @Test func aMissingDirectoryCannotBeWritten() throws {
    let directory = try Fixtures.temporaryDirectory()
    let notADirectory = directory.appendingPathComponent("file")
    try Data().write(to: notADirectory)
    for target in [directory.appendingPathComponent("missing/out.csv"), notADirectory.appendingPathComponent("out.csv")] {
      do {
        try AtomicWrite.write(Data("x".utf8), to: target, force: true)
        Issue.record("writing into \(target.deletingLastPathComponent().path) should fail")
      } catch {
        guard case .cannotWrite = error else { throw error }
        #expect(error.exitCode == 73)
      }
    }
  }

  @Test func exporterWritesEveryFormatOrNone() throws {
    let directory = try Fixtures.temporaryDirectory()
    let formats = ExportFormat.allCases
    let written = try Exporter.write(Fixtures.runDocument(), formats: formats, to: directory, force: false)
    #expect(written.map(\.lastPathComponent) == formats.map { "shanghai-flagship.\($0.fileExtension)" })
    let before = try written.map { try Data(contentsOf: $0) }
    #expect(throws: ReportingError.outputExists(path: written[0].path)) {
      try Exporter.write(Fixtures.runDocument(), formats: formats, to: directory, force: false)
    }
    #expect(try written.map { try Data(contentsOf: $0) } == before)
  }
}

@Suite struct ResultDocumentTests {
  @Test func tellsRunsFromComparisons() throws {
    #expect(try ResultDocument.decode(Fixtures.data("run-shanghai-flagship.json"), source: "r.json") == Fixtures.runDocument())
    let comparison = try ResultDocument.decode(Fixtures.data("compare-shanghai.json"), source: "c.json")
    #expect(comparison.fileStem == "compare-shanghai-baseline")
  }

  @Test(arguments: [
    ("[1, 2]", "r.json: not a run or comparison result: not a JSON object"),
    (#"{"scenario": "x"}"#, "r.json: not a run or comparison result: missing key 'title'"),
    (#"{"base": "b", "outputs": [], "comparisons": [{"scenario": 3}]}"#,
     "r.json: not a run or comparison result: expected String at comparisons[0].scenario"),
  ])
  func explainsWhatIsWrong(json: String, message: String) {
    do {
      _ = try ResultDocument.decode(Data(json.utf8), source: "r.json")
      Issue.record("decoding should fail")
    } catch {
      #expect(error.description == message)
      #expect(error.exitCode == 65)
    }
  }
}
