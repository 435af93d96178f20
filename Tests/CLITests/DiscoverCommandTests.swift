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
      // Labelled as sensitivity analysis labels inputs: never a path, nor a name glued to one.
      let label = try #require(restriction["label"] as? String)
      #expect(!label.contains("."), "\(label)")
    }
    #expect(!restrictions.isEmpty)
    let baseRate = try #require(document["base_rate"] as? Double)
    #expect(abs((trajectory.first?["density"] as? Double ?? -1) - baseRate) < 1e-12)
  }

  static func escaped(_ text: String) -> String {
    [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;")].reduce(text) {
      $0.replacingOccurrences(of: $1.0, with: $1.1)
    }
  }

  @Test func htmlShowsTheTrajectoryAndTheChosenBoxOfTheJSON() throws {
    let arguments = ["discover", Self.scenario, "--target", "index:2033", "--runs", "1000"]
    let json = try execute(arguments + ["--format", "json"])
    let page = try execute(arguments + ["--format", "html"])
    #expect(page.status == 0, "stderr: \(page.stderr)")
    let html = page.stdout
    let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let trajectory = try #require(document["trajectory"] as? [[String: Any]])
    let chosen = try #require((document["meta"] as? [String: Any])?["chosen_step"] as? Int)
    let restrictions = try #require((document["box"] as? [String: Any])?["restrictions"] as? [[String: Any]])
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
    let addresses = html.replacingOccurrences(of: #"xmlns="http://www.w3.org/2000/svg""#, with: "")
    #expect(!html.contains("<script") && !addresses.contains("http") && !html.contains("src="))
    #expect(html.contains("Shanghai baseline — runs where index:2033 at_least 70.0 is missed"))
    #expect(html.contains("<title>PRIM peeling trajectory</title>"))
    // One dot per box plus the ring around the chosen one, each dot labelled with its restricted count.
    #expect(html.components(separatedBy: "<circle").count - 1 == trajectory.count + 1)
    #expect(html.contains(##"r="8" fill="none" stroke="#c0392b""##))
    for step in trajectory {
      let restricted = try #require(step["restricted"] as? Int)
      #expect(html.contains(##"fill="#555555">\##(restricted)</text>"##))
    }
    #expect(html.contains("chosen box (step \(chosen))"))
    #expect(html.contains("Chosen box (step \(chosen)): coverage"))
    // The limits table: one row per restriction, readable name and path.
    #expect(!restrictions.isEmpty)
    let body = try #require(html.components(separatedBy: "<tbody>").last)
    #expect(body.components(separatedBy: "<tr>").count - 1 == restrictions.count)
    for restriction in restrictions {
      let label = try #require(restriction["label"] as? String)
      let input = try #require(restriction["input"] as? String)
      #expect(body.contains("<td>\(Self.escaped(label))</td>"), "\(label)")
      #expect(body.contains("<td>\(Self.escaped(input))</td>"), "\(input)")
    }
    #expect(html.contains(#"<th class="num">p-value</th>"#))
  }

  @Test func htmlToAnExistingFileIsRefusedAndToAMissingFolderWritesNothing() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("discover-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let existing = directory.appendingPathComponent("page.html").path
    try "kept".write(toFile: existing, atomically: true, encoding: .utf8)
    let arguments = ["discover", Self.scenario, "--target", "index:2033", "--runs", "300", "--format", "html"]
    let refused = try execute(arguments + ["--out", existing])
    #expect(refused.status == 73)
    #expect(refused.stdout.isEmpty)
    #expect(try String(contentsOfFile: existing, encoding: .utf8) == "kept")
    let missing = directory.appendingPathComponent("no-such-folder/page.html").path
    #expect(try execute(arguments + ["--out", missing]).status != 0)
    #expect(!FileManager.default.fileExists(atPath: missing))
    let written = try execute(arguments + ["--out", existing, "--force"])
    #expect(written.status == 0, "stderr: \(written.stderr)")
    #expect(try String(contentsOfFile: existing, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
  }

  @Test func example08Runs() throws {
    let script = repositoryRoot.appendingPathComponent("examples/08-discover-what-must-go-right.sh")
    let result = try execute([script.path], executable: URL(fileURLWithPath: "/bin/bash"))
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("runs where retail_sales:2030 at_least 25000.0 is missed"))
    #expect(result.stdout.contains("Chosen box (step "))
    #expect(result.stdout.contains("charts in the page: 1"))
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
