import Foundation
import Testing
import _TestSupport

/// `iccsim estimate` on thin data (issue 19, researchers): warnings, the wild cluster bootstrap,
/// `--show-rows`, and duplicates checked only where a formula reads them.
@Suite("estimate on thin data")
struct EstimateThinDataCommandTests {
  /// The eight rows the shipped panel gave for `log(retail_sales) ~ log(metro_km) + log(gdp)`:
  /// three cities, and a cluster-robust standard error of log(metro_km) below the classical one.
  static let thinPanel = """
    city,year,retail_sales,metro_km,gdp
    beijing,2011,6900.3,372,17188.8
    beijing,2016,11005,574,27041.2
    beijing,2017,11575,608,29883
    beijing,2021,14867.7,783.1,41045.6
    chongqing,2023,15130,561.18,30145.8
    shanghai,2011,6777.11,454,20009.7
    shanghai,2016,10947,617,29887
    shanghai,2021,18100,831,43653.2
    chongqing,2024,,600,31000

    """
  static let formula = "log(retail_sales) ~ log(metro_km) + log(gdp)"

  static func folder(_ files: [String: String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-thin-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return folder
  }

  @Test func thinDataAndFewClustersAreWarnedOnStandardErrorAndInJSON() throws {
    let folder = try Self.folder(["thin.csv": Self.thinPanel])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try execute(
      ["estimate", "--data", "thin.csv", "--formula", Self.formula, "--format", "json"], in: folder)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let expected = [
      "thin data: 8 observations for 3 parameters (2.7 per parameter, fewer than 10)",
      "few clusters: 3 clusters of city (fewer than 30)",
      "the cluster-robust standard error is below the classical one for log(metro_km)",
    ]
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let warnings = json["warnings"] as? [String] ?? []
    #expect(warnings.count == 3)
    for (text, warning) in zip(expected, warnings) {
      #expect(warning.hasPrefix(text))
      #expect(result.stderr.contains("iccsim: warning: " + text))
    }
  }

  @Test func enoughDataGivesNoWarningsKey() throws {
    let result = try execute([
      "estimate", "--data", "Tests/EstimationTests/Fixtures/wild-bootstrap-random.csv", "--formula", "y ~ x + z",
      "--se", "hc1", "--format", "json",
    ])
    #expect(result.status == 0 && result.stderr.isEmpty, "stderr: \(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    #expect(json["warnings"] == nil && json["wild_bootstrap"] == nil && json["rows"] == nil)
  }

  @Test func wildBootstrapEnumeratesSignVectorsWithFewClustersAndIsSeeded() throws {
    let folder = try Self.folder(["thin.csv": Self.thinPanel])
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = ["estimate", "--data", "thin.csv", "--formula", Self.formula, "--format", "json", "--wild-bootstrap"]
    let enumerated = try execute(base + ["999"], in: folder)
    #expect(enumerated.status == 0, "stderr: \(enumerated.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(enumerated.stdout.utf8)) as! [String: Any]
    let bootstrap = try #require(json["wild_bootstrap"] as? [String: Any])
    #expect(bootstrap["enumerated"] as? Bool == true && bootstrap["draws"] as? Int == 8)
    let tests = bootstrap["tests"] as! [[String: Any]]
    #expect(tests.map { $0["term"] as! String } == ["log(metro_km)", "log(gdp)"])
    for test in tests {
      let p = test["p_value"] as! Double
      #expect(p * 8 == (p * 8).rounded(), "a multiple of 1/2^3")
      #expect((test["ci_low"] as! Double) < (test["ci_high"] as! Double))
    }
    #expect((json["warnings"] as! [String]).last!.hasPrefix("with 3 clusters Rademacher weights have only 8"))

    let webb = base + ["499", "--wild-weights", "webb", "--seed", "11"]
    let first = try execute(webb, in: folder), again = try execute(webb, in: folder)
    #expect(first.status == 0 && first.stdout == again.stdout, "the same seed gives the same bytes")
    let table = try execute(Array(base.filter { $0 != "json" && $0 != "--format" }) + ["499"], in: folder)
    #expect(table.stdout.contains("Wild cluster bootstrap (restricted, rademacher weights, 3 clusters; all 8 sign"))
  }

  @Test(arguments: [
    (["--wild-bootstrap", "99", "--se", "hc1"], "--wild-bootstrap needs one-way clustering"),
    (["--wild-bootstrap", "99", "--ridge", "1"], "--wild-bootstrap is available for OLS with dummies"),
    (["--seed", "3"], "--wild-weights and --seed apply to --wild-bootstrap"),
    (["--wild-bootstrap", "0"], "--wild-bootstrap takes a number of draws ≥ 1"),
  ])
  func wildBootstrapMisuseIsAUsageError(_ extra: [String], _ message: String) throws {
    let result = try execute(
      ["estimate", "--data", "Tests/EstimationTests/Fixtures/wild-bootstrap-random.csv", "--formula", "y ~ x"] + extra)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
  }

  @Test func showRowsListsTheObservationsUsedAfterListwiseDeletion() throws {
    let folder = try Self.folder(["thin.csv": Self.thinPanel])
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = ["estimate", "--data", "thin.csv", "--formula", Self.formula, "--show-rows"]
    let table = try execute(arguments, in: folder)
    #expect(table.status == 0, "stderr: \(table.stderr)")
    #expect(table.stdout.contains("Observations used (8; 1 dropped for a missing value)"))
    #expect(table.stdout.contains("thin.csv:2  beijing    2011"))
    #expect(table.stdout.contains("thin.csv:9  shanghai   2021"))
    #expect(!table.stdout.contains("2024"), "the row without retail sales was dropped")
    let json = try execute(arguments + ["--format", "json"], in: folder)
    let rows = try #require(
      (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any])["rows"] as? [[String: Any]])
    #expect(rows.count == 8)
    #expect(rows[4]["source"] as? String == "thin.csv:6" && rows[4]["city"] as? String == "chongqing")
  }

  /// Issue 19 item 8: a conflicting duplicate of gdp does not stop a formula without gdp.
  @Test func duplicatesAreCheckedOnlyInTheColumnsTheFormulaUses() throws {
    var tidy = "city,indicator,year,value\n"
    for (city, offset) in [("a", 0.0), ("b", 1.0), ("c", 3.0)] {
      for year in 2010...2013 {
        let x = Double(year - 2009) + offset
        tidy += "\(city),y,\(year),\(2 * x + (year % 2 == 0 ? 0.3 : -0.2))\n\(city),x,\(year),\(x)\n"
      }
    }
    tidy += "a,gdp,2010,5\na,gdp,2010,6\n"
    let folder = try Self.folder(["tidy.csv": tidy])
    defer { try? FileManager.default.removeItem(at: folder) }
    let without = try execute(["estimate", "--data", "tidy.csv", "--formula", "y ~ x"], in: folder)
    #expect(without.status == 0, "stderr: \(without.stderr)")
    #expect(!without.stderr.contains("gdp"))
    let with = try execute(["estimate", "--data", "tidy.csv", "--formula", "y ~ x + gdp"], in: folder)
    #expect(with.status == 65)
    #expect(
      with.stderr.contains("tidy.csv:27:4: a, 2010, gdp is given again with a different value (first at line 26)"))
  }
}
