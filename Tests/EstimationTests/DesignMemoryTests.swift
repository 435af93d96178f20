import CityModel
import Foundation
import Testing

@testable import Estimation

/// The design's working memory is estimated before it is built and refused over the limit; the
/// limit is lowered through `DesignMemory.limitOverride`, so no large file is needed.
@Suite("Design memory limit")
struct DesignMemoryTests {
  static func equation(fe: String = "city,year") throws -> PanelEquation {
    try PanelEquation(
      model: Model.load(from: URL(fileURLWithPath: FixtureFiles.path("panel-model.yaml"))), response: "retail_sales",
      fixedEffects: .init(parsing: fe))
  }

  static func panel() throws -> DataTable { try DataTable.read(path: FixtureFiles.path("simulated-panel.csv")) }

  /// 175 rows × (intercept, 14 city and 11 year dummies, 2 drivers) = 28 columns, plus y:
  /// 175 · 29 doubles · 4 working copies = 162,400 bytes.
  @Test func aDesignOverTheLimitIsRefusedWithItsFigures() throws {
    let refusal = EstimationError.designTooLarge(
      rows: 175, columns: 28, dummyColumns: ["C(city): 14", "C(year): 11"], neededBytes: 162_400,
      limitBytes: 100_000, limitOrigin: "--memory-limit")
    try DesignMemory.$limitOverride.withValue(100_000) {
      #expect(throws: refusal) { try Self.equation().design(data: Self.panel()) }
      // The same equation with the effects absorbed needs 175 · 3 · 8 · 4 = 16,800 bytes.
      let absorbed = try Self.equation().design(data: Self.panel(), absorbing: true)
      #expect(absorbed.parameterCount == 2)
    }
    #expect(refusal.category == .data)
    #expect(refusal.description.contains("needs about 158.6 KiB to fit, more than the limit of 97.7 KiB"))
    #expect(refusal.description.contains("--absorb"))
    // At the limit exactly, the design is built.
    let atLimit = try DesignMemory.$limitOverride.withValue(162_400) { try Self.equation().design(data: Self.panel()) }
    #expect(atLimit.parameterCount == 28)
  }

  /// The column count used for the estimate is the design's own for main effects, with and
  /// without an intercept, and an upper bound for interactions.
  @Test(arguments: [
    "y ~ x1 + C(city)", "y ~ C(city) + C(year) + x1 - 1", "y ~ x1 + C(city) + C(year)", "y ~ C(city):x1 + x2",
  ])
  func columnCountMatchesTheDesign(formula: String) throws {
    let data = try DataTable.read(path: FixtureFiles.path("synthetic-panel.csv"))
    let parsed = try Formula(parsing: formula)
    let design = try Design(formula: parsed, data: data)
    var levels: [String: [String]] = [:]
    for column in ["city", "year"] { levels[column] = Array(Set(try data.labels(column).compactMap { $0 })) }
    let counted = DesignMemory.columnCount(parsed, levels: levels).total
    if formula.contains(":") {
      #expect(counted >= design.parameterCount)
    } else {
      #expect(counted == design.parameterCount)
    }
  }

  @Test func workingBytesSaturateInsteadOfOverflowing() {
    #expect(DesignMemory.workingBytes(rows: 3_500_000, columns: 1_000) == 3_500_000 * 1_001 * 8 * 4)
    #expect(DesignMemory.workingBytes(rows: Int.max / 2, columns: 10) == Int.max)
  }

  @Test func theDefaultLimitIsHalfOfTheMemoryAvailable() {
    let (bytes, origin) = DesignMemory.limit
    #expect(bytes > 0)
    #expect(bytes <= Int(clamping: ProcessInfo.processInfo.physicalMemory) / 2)
    #expect(origin.hasPrefix("half of the "))
  }
}
