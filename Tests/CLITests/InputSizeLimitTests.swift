import Foundation
import Testing
import _TestSupport

/// Inputs too large or not text: `estimate` refuses a design over its memory limit and a binary
/// data file; `merge` and `export` refuse result files over their size caps. Large files are
/// sparse (truncated to size), so they cost neither disk nor time.
@Suite("Input size limits")
struct InputSizeLimitTests {
  static let fixtures = "Tests/EstimationTests/Fixtures"
  static let equation = [
    "estimate", "--data", "\(fixtures)/simulated-panel.csv", "--model", "\(fixtures)/panel-model.yaml",
    "--response", "retail_sales", "--format", "json",
  ]

  /// A file of `size` bytes starting with `prefix`, the rest NUL bytes, removed by the caller.
  static func sparseFile(size: UInt64, prefix: String = "", suffix: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("size-\(UUID().uuidString).\(suffix)").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data(prefix.utf8)))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: size)
    try handle.close()
    return path
  }

  @Test func aDesignOverTheMemoryLimitExits65AndAbsorbingFits() throws {
    let refused = try execute(Self.equation + ["--memory-limit", "100K"])
    #expect(refused.status == 65)
    #expect(refused.stdout.isEmpty)
    let figures = "175 rows × 28 columns (dummies: C(city): 14, C(year): 11) and needs about 158.6 KiB"
    #expect(refused.stderr.contains(figures), "stderr: \(refused.stderr)")
    #expect(refused.stderr.contains("--absorb"))

    let absorbed = try execute(Self.equation + ["--memory-limit", "100K", "--absorb"])
    #expect(absorbed.status == 0, "stderr: \(absorbed.stderr)")
    let dummies = try execute(Self.equation)
    let mine = try JSONSerialization.jsonObject(with: Data(absorbed.stdout.utf8)) as! [String: Any]
    let theirs = try JSONSerialization.jsonObject(with: Data(dummies.stdout.utf8)) as! [String: Any]
    let effects = try #require(mine["absorbed"] as? [String: Any])
    #expect(effects["df"] as? Int == 26)
    #expect(theirs["absorbed"] == nil, "the key is only written for absorbed fits")
    #expect(mine["df_resid"] as? Double == theirs["df_resid"] as? Double)
    let slopes = (mine["coefficients"] as! [[String: Any]])
    let all = (theirs["coefficients"] as! [[String: Any]])
    #expect(slopes.map { $0["term"] as! String } == ["LD.metro_km", "D.tourism_spending"])
    for slope in slopes {
      let match = try #require(all.first { $0["term"] as? String == slope["term"] as? String })
      for key in ["estimate", "std_error"] {
        let (a, b) = (slope[key] as! Double, match[key] as! Double)
        #expect(abs(a - b) <= 1e-10 * abs(b), "\(key) of \(slope["term"]!)")
      }
    }
  }

  @Test(arguments: [
    (["--absorb", "--ridge", "1"], "--ridge cannot be combined with --absorb"),
    (["--absorb", "--fe", "none"], "--absorb needs fixed effects"),
    (["--memory-limit", "lots"], "--memory-limit takes a size"),
  ])
  func usageErrorsExit64(arguments: [String], message: String) throws {
    let result = try execute(Self.equation + arguments)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
  }

  @Test func absorbNeedsAModelEquation() throws {
    let result = try execute([
      "estimate", "--data", "\(Self.fixtures)/synthetic-panel.csv", "--formula", "y ~ x1", "--absorb",
    ])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--absorb applies to --model only"))
  }

  /// The issue's case: a 1 GiB file of NUL bytes as --data once asked for 16 GiB.
  @Test func aGigabyteOfNulBytesIsRefusedAtOnce() throws {
    let path = try Self.sparseFile(size: 1 << 30, suffix: "csv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try execute(["estimate", "--data", path, "--formula", "y ~ x"])
    #expect(result.status == 65)
    #expect(
      result.stderr.contains("\(path):1:1: the file holds binary content (a NUL byte)"), "stderr: \(result.stderr)")
  }

  @Test func exportRefusesAResultOverItsCap() throws {
    let path = try Self.sparseFile(size: 300 << 20, prefix: "{", suffix: "json")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try execute(["export", path, "--format", "csv"])
    #expect(result.status == 66)
    #expect(result.stdout.isEmpty)
    let message = "the file is 300 MiB; files of this kind are read whole and limited to 256 MiB"
    #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
  }

  @Test func mergeRefusesAPartOverItsCap() throws {
    let path = try Self.sparseFile(size: (1 << 30) + (1 << 20), prefix: "{", suffix: "json")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try execute(["merge", path])
    #expect(result.status == 66)
    let message = "the file is 1025 MiB; files of this kind are read whole and limited to 1024 MiB"
    #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
  }
}
