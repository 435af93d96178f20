import Foundation
import Testing
import _TestSupport

/// `iccsim discover` through the built binary: the public JSON shape and the usage errors.
@Suite("Discover command")
struct DiscoverCommandTests {
  static let scenario = "scenarios/shanghai-baseline.yaml"

  @Test func jsonHasThePublicShape() throws {
    let result = try execute([
      "discover", Self.scenario, "--target", "index:2033", "--runs", "1000", "--format", "json",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(Set(document.keys) == ["scenario", "target", "base_rate", "trajectory", "box", "meta"])
    #expect(document["scenario"] as? String == "shanghai-baseline")
    #expect(document["target"] as? String == "index:2033 at_least 70.0")
    let trajectory = try #require(document["trajectory"] as? [[String: Any]])
    #expect(trajectory.first?["mass"] as? Double == 1)
    for step in trajectory { #expect(Set(step.keys) == ["coverage", "density", "mass", "restricted"]) }
    let box = try #require(document["box"] as? [String: Any])
    #expect(Set(box.keys) == ["coverage", "density", "mass", "restrictions"])
    let restrictions = try #require(box["restrictions"] as? [[String: Any]])
    for restriction in restrictions {
      #expect(Set(restriction.keys) == ["input", "label", "low", "high", "p_value"])
    }
    let baseRate = try #require(document["base_rate"] as? Double)
    #expect(abs((trajectory.first?["density"] as? Double ?? -1) - baseRate) < 1e-12)
  }

  @Test func unknownTargetExits64ListingTheTargets() throws {
    let result = try execute(["discover", Self.scenario, "--target", "index:2030"])
    #expect(result.status == 64)
    #expect(
      result.stderr.contains("expected one of: retail_sales:2030, inbound_tourists:2030, index:2033"),
      "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func outWritesTheTableAndKeepsAnExistingFileWithoutForce() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("discover-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("discover.txt").path
    let arguments = ["discover", Self.scenario, "--target", "retail_sales:2030", "--runs", "300", "--out", path]
    let first = try execute(arguments)
    #expect(first.status == 0, "stderr: \(first.stderr)")
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written.contains("runs where retail_sales:2030 at_least 25000.0 is missed"))
    try "kept".write(toFile: path, atomically: true, encoding: .utf8)
    let second = try execute(arguments)
    #expect(second.status == 73)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "kept")
    #expect(try execute(arguments + ["--force"]).status == 0)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == written)
  }

  @Test func malformedTargetExits64() throws {
    let result = try execute(["discover", Self.scenario, "--target", "index"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--target must be OUTPUT:YEAR"), "stderr: \(result.stderr)")
  }
}
