import CityModel
import Foundation
import LinearAlgebra
import Reporting
import Testing
import _TestSupport

@testable import Estimation
@testable import Simulation

/// `--write` never produces a file that `validate` or `run` refuses: a covariance that is not
/// positive semi-definite is refused with the reason, or repaired on request (`--psd clip`).
@Suite("Estimates file round trip and covariance repair")
struct CovarianceRepairTests {
  struct Example: Sendable, CustomTestStringConvertible {
    var data: String
    var covariance: String
    var policy: PSDPolicy
    var testDescription: String { "\(data), \(covariance), --psd \(policy)" }
  }

  /// Every --se on the simulated panel, and two-way clustering on a panel where it is
  /// indefinite (Fixtures/two-way-indefinite-panel.csv), repaired.
  static let examples =
    ["classical", "hc0", "hc1", "hc2", "hc3", "cluster:city", "cluster:city,year"].map {
      Example(data: "simulated-panel.csv", covariance: $0, policy: .refuse)
    } + [Example(data: "two-way-indefinite-panel.csv", covariance: "cluster:city,year", policy: .clip)]

  static func estimates(_ data: String, _ covariance: String) throws -> (EstimateSet, Regression) {
    let model = try Model.load(from: URL(fileURLWithPath: FixtureFiles.path("panel-model.yaml")))
    let equation = try PanelEquation(model: model, response: "retail_sales")
    let type = try CovarianceType(parsing: covariance)
    let design = try equation.design(data: DataTable.read(path: FixtureFiles.path(data)), clusters: type.clusterColumns)
    let regression = try Regression(fitting: design, covariance: type)
    return (try EstimatesFile.estimateSet(equation: equation, regression: regression), regression)
  }

  /// estimate → write → validate → load with a model → draw: the file is accepted, reads back
  /// what was written, and the simulation's factor F of the covariance gives F·Fᵀ = V̂.
  @Test(arguments: examples)
  func writtenFileIsAcceptedAndDrawn(_ example: Example) throws {
    let (estimated, regression) = try Self.estimates(example.data, example.covariance)
    let (set, repair) = try CovarianceRepair.apply(example.policy, to: estimated)
    #expect((repair != nil) == (example.policy == .clip), "only the indefinite example needs a repair")
    let text = EstimatesFile.text(
      set, command: "iccsim estimate --se \(example.covariance)", regression: regression, repair: repair)
    if let repair { #expect(text.split(separator: "\n")[2] == "# \(repair.description)") }

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-round-trip-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("estimates"), withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("estimates/retail_sales.yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let model = try String(contentsOfFile: FixtureFiles.path("panel-model.yaml"), encoding: .utf8)
    try (model + "estimates: [estimates/retail_sales.yaml]\n").write(
      to: folder.appendingPathComponent("model.yaml"), atomically: true, encoding: .utf8)

    #expect(try validate(file: file).kind == .estimates)
    #expect(try validate(file: folder.appendingPathComponent("model.yaml")).kind == .model)
    let loaded = try #require(try Model.load(from: folder.appendingPathComponent("model.yaml")).estimates.first)
    #expect(loaded.coefficients == set.coefficients)
    #expect(loaded.covariance == set.covariance)
    let k = set.terms.count
    let rowMajorFactor = try CompiledEstimates.covarianceFactor(loaded)
    let factor = Matrix(rowMajor: (0..<k).map { i in Array(rowMajorFactor[(i * k)..<((i + 1) * k)]) })
    let product = try factor.multiplied(by: factor, transposingOther: true)
    assertClose(product, Matrix(rowMajor: set.covariance), relative: 1e-10, reason: "F·Fᵀ = V̂ for the draws")
  }

  @Test func indefiniteCovarianceIsRefusedWithTheRemedy() throws {
    let (set, _) = try Self.estimates("two-way-indefinite-panel.csv", "cluster:city,year")
    #expect {
      try CovarianceRepair.apply(.refuse, to: set)
    } throws: { error in
      guard case let .invalidEstimates(message) = error as? EstimationError else { return false }
      return message.contains("not positive semi-definite") && message.contains("--psd clip")
        && message.contains("smallest eigenvalue -1.556e-04")
    }
  }

  /// Over random symmetric matrices (some positive semi-definite, most not): the repair leaves a
  /// positive semi-definite matrix alone, makes every other one acceptable to the model reader,
  /// is idempotent, and is no farther from the input than the input's own negative part.
  @Test func clippingGivesAnAcceptedMatrixAndChangesNothingElse() throws {
    var random = SplitMix64(seed: 133)
    for trial in 0..<60 {
      let k = 1 + trial % 5
      let a = random.matrix(rows: k, columns: k)
      var v = (0..<k).map { i in (0..<k).map { j in (a[i, j] + a[j, i]) / 2 } }
      if trial % 3 == 0 {  // AᵀA: positive semi-definite
        v = (0..<k).map { i in (0..<k).map { j in (0..<k).reduce(0) { $0 + a[$1, i] * a[$1, j] } } }
      }
      let set = EstimateSet(
        response: "retail_sales", terms: (0..<k).map { .init(driver: "d\($0)", lag: 0) },
        coefficients: Array(repeating: 0.1, count: k), covariance: v, covarianceType: "cluster:city,year")
      let eigenvalues = try SymmetricEigendecomposition(Matrix(rowMajor: v)).values
      let (repaired, repair) = try CovarianceRepair.apply(.clip, to: set)
      let scale = (0..<k).map { v[$0][$0] }.max() ?? 0
      if eigenvalues[0] >= -1e-12 * scale {
        #expect(repair == nil && repaired.covariance == v, "trial \(trial): already positive semi-definite")
        continue
      }
      let smallest = try SymmetricEigendecomposition(Matrix(rowMajor: repaired.covariance)).values[0]
      let largest = try #require(eigenvalues.last)
      #expect(smallest >= -1e-14 * max(largest, 1), "trial \(trial)")
      let again = try CovarianceRepair.apply(.clip, to: repaired)
      #expect(again.repair == nil, "trial \(trial): idempotent")
      let negativePart = eigenvalues.filter { $0 < 0 }.map { $0 * $0 }.reduce(0, +).squareRoot()
      var squaredChange = 0.0
      for i in 0..<k {
        for j in 0..<k { squaredChange += pow(repaired.covariance[i][j] - v[i][j], 2) }
      }
      let change = squaredChange.squareRoot()
      assertClose(change, negativePart, relative: 1e-10, reason: "Frobenius distance = norm of the clipped eigenvalues")
      #expect(try #require(repair).clippedEigenvalues.first == eigenvalues[0])
    }
  }
}
