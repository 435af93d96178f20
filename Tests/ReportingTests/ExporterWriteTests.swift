import FileOutput
import Foundation
import Testing

@testable import Reporting

@Suite struct ExporterWriteTests {
  @Test func exporterWritesEveryFormatOrNone() throws {
    let directory = try Fixtures.temporaryDirectory()
    let formats = ExportFormat.allCases
    let written = try Exporter.write(Fixtures.runDocument(), formats: formats, to: directory, force: false)
    #expect(written.map(\.lastPathComponent) == formats.map { "shanghai-flagship.\($0.fileExtension)" })
    let before = try written.map { try Data(contentsOf: $0) }
    #expect(throws: OutputError(path: written[0].path, fault: .exists)) {
      try Exporter.write(Fixtures.runDocument(), formats: formats, to: directory, force: false)
    }
    #expect(try written.map { try Data(contentsOf: $0) } == before)
  }
}
