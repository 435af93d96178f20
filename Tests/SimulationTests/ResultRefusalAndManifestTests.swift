import CityModel
import Foundation
import Simulation
import Testing

/// The library's side of what every command does with a result: refuse it whole when it has a
/// numerical error, keep it with its warnings otherwise, and record its inputs by SHA-256.
@Suite struct ResultRefusalAndManifestTests {
  @Test func aResultWithAnOverflowIsRefusedListingOnlyTheErrors() throws {
    let scenario = ScenarioBuilder.scenario(
      indicators: [
        ScenarioBuilder.response("retail_sales", drift: .uniform(min: 99, max: 101)),
        ScenarioBuilder.response("consumer_satisfaction", drift: .fixed(20)),
      ],
      baseline: ["retail_sales": 1000, "consumer_satisfaction": 80])
    let result = try ScenarioBuilder.run(scenario, runs: 20)
    #expect(result.diagnostics.contains { !$0.isError }, "the saturated score is a warning")
    do {
      try NumericalFailure.refuseErrors(in: result.diagnostics)
      Issue.record("a result with an overflow was not refused")
    } catch let failure as NumericalFailure {
      #expect(failure.diagnostics.map(\.indicator) == ["retail_sales"])
      #expect(failure.description.hasPrefix("the projection is numerically unusable:\n  test: retail_sales"))
    }
  }

  @Test func warningsAloneDoNotRefuseAResult() throws {
    let scenario = ScenarioBuilder.scenario(
      indicators: [ScenarioBuilder.stock("metro_km", addition: .fixed(-40))], baseline: ["metro_km": 100])
    let result = try ScenarioBuilder.run(scenario, runs: 10)
    #expect(!result.diagnostics.isEmpty)
    try NumericalFailure.refuseErrors(in: result.diagnostics)
  }

  /// Scenarios sharing a model list it once; paths below the working directory are relative.
  @Test func manifestListsEachInputOnceWithItsDigest() {
    let cwd = FileManager.default.currentDirectoryPath
    let shared = URL(fileURLWithPath: cwd + "/models/shared.yaml")
    let outside = URL(fileURLWithPath: "/elsewhere/data.csv")
    var first = ScenarioBuilder.scenario(id: "a", indicators: [], baseline: [:])
    first.sourceFiles = [URL(fileURLWithPath: cwd + "/a.yaml"), shared]
    first.sourceDigests = [first.sourceFiles[0]: "aa", shared: "ss"]
    var second = ScenarioBuilder.scenario(id: "b", indicators: [], baseline: [:])
    second.sourceFiles = [shared, outside]
    second.sourceDigests = [shared: "ss", outside: "oo"]

    #expect(
      ManifestBuilder.inputs(of: [first, second]) == [
        InputFile(path: "a.yaml", sha256: "aa"), InputFile(path: "models/shared.yaml", sha256: "ss"),
        InputFile(path: "/elsewhere/data.csv", sha256: "oo"),
      ])
    let builder = ManifestBuilder(version: "9.9.9", command: ["iccsim", "run", "a.yaml"])
    let manifest = builder.manifest(of: [first], seed: 7, threads: 3, elapsed: .milliseconds(1234))
    #expect(manifest.version == "9.9.9" && manifest.command == ["iccsim", "run", "a.yaml"])
    #expect(manifest.seed == 7 && manifest.threads == 3 && manifest.elapsedSeconds == 1.234)
    #expect(manifest.inputs.map(\.path) == ["a.yaml", "models/shared.yaml"])
  }
}
