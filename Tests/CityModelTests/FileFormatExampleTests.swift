import Foundation
import Testing

@testable import CityModel

/// The complete examples of the file-format reference (docs/file-formats.md) must be valid
/// files, so the documentation cannot drift from what `iccsim validate` accepts.
@Suite("Documented file-format examples")
struct FileFormatExampleTests {
  /// The ```yaml blocks of docs/file-formats.md, in order: scenario, model, estimate set,
  /// indicators file.
  static func yamlBlocks() throws -> [String] {
    let page = repositoryRoot.appendingPathComponent("docs/file-formats.md")
    let reference = try String(contentsOf: page, encoding: .utf8)
    return reference.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
  }

  @Test func theScenarioExampleValidates() throws {
    let blocks = try Self.yamlBlocks()
    try #require(blocks.count == 4)
    let folder = try TestFolder(["flagship.yaml": blocks[0]])
    for name in ["shanghai-baseline.yaml", "models", "data"] {
      try FileManager.default.createSymbolicLink(
        at: folder.file(name),
        withDestinationURL: repositoryRoot.appendingPathComponent("scenarios/\(name)"))
    }
    let scenario = try Scenario.load(from: folder.file("flagship.yaml"))
    #expect(
      scenario.interventions.map(\.id) == ["leading-group", "nanjing-road-upgrade", "instant-refund"],
      "the baseline's action-plan removed, the new ones appended")
    #expect(scenario.baseline["consumer_satisfaction"] == 82)
  }

  @Test func theModelEstimateAndIndicatorExamplesValidate() throws {
    let blocks = try Self.yamlBlocks()
    try #require(blocks.count == 4)
    let folder = try TestFolder([
      "model.yaml": blocks[1], "estimates/retail_sales.yaml": blocks[2], "my-indicators.yaml": blocks[3],
    ])
    let model = try Model.load(from: folder.file("model.yaml"))
    #expect(model.catalogue["night_economy_sales"]?.row == 8)
    #expect(model.estimates.map(\.response) == ["retail_sales"])
    #expect(model.notes == [])
  }
}
