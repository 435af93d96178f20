import FileOutput
import Foundation
import Simulation
import Testing

@testable import Reporting

/// The result files of `run`, `compare` and `merge`: named by stem and format, staged into an
/// output set whose targets were checked before any work, json being the result itself.
@Suite struct ResultFileTests {
  @Test func everyFormatIsStagedAtItsPathAndPublishedTogether() throws {
    let directory = try Fixtures.temporaryDirectory().path
    let formats = ExportFormat.allCases
    let document = try Fixtures.runDocument()
    let paths = formats.map { Exporter.path(stem: document.fileStem, format: $0, in: directory) }
    #expect(
      paths.map { URL(fileURLWithPath: $0).lastPathComponent }
        == formats.map { "run-shanghai-flagship.\($0.fileExtension)" })
    let outputs = try OutputSet(paths.map { OutputTarget(path: $0, force: false) })
    try Exporter.stage([document], formats: formats, in: directory, into: outputs, settings: ExportSettings())
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.isEmpty,
      "nothing is published before the set is")
    #expect(Set(try outputs.publish()) == Set(paths))

    guard case .run(let run) = document else { throw CocoaError(.fileReadCorruptFile) }
    let json = try Data(contentsOf: URL(fileURLWithPath: paths[try #require(formats.firstIndex(of: .json))]))
    #expect(json == (try ResultCoding.encoder().encode(run)) + Data("\n".utf8), "json is the result itself")
    let text = try Data(contentsOf: URL(fileURLWithPath: paths[try #require(formats.firstIndex(of: .text))]))
    #expect(text == (try Exporter.render(document, as: .text)))

    #expect(throws: OutputError(path: paths[0], fault: .exists)) {
      try OutputSet(paths.map { OutputTarget(path: $0, force: false) })
    }
  }
}
