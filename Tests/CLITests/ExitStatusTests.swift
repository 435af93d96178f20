import ArgumentParser
import CityModel
import ErrorCategories
import FileOutput
import LinearAlgebra
import Reporting
import Stochastics
import Testing

@testable import Analysis
@testable import Estimation
@testable import Simulation
@testable import iccsim

/// Every library error type reaches its sysexits status through the one mapping in
/// `ExitStatus`: the error's category, then the category's status.
@Suite("Errors to exit statuses")
struct ExitStatusTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var error: any Error & Sendable
    var status: Int32
    var testDescription: String { "\(type(of: error)) → \(status)" }
  }

  static let location = CellLocation(file: "panel.csv", line: 2, column: 3)

  static let cases: [Case] = [
    Case(error: InputError(problems: [InputProblem(file: "s.yaml", line: 1, column: 1, message: "bad")]), status: 65),
    Case(
      error: InputError(problems: [InputProblem(file: "s.yaml", message: "unreadable", isUnreadableFile: true)]),
      status: 66),
    Case(error: EstimationError.unreadableFile(path: "panel.csv", reason: "no such file"), status: 66),
    Case(error: EstimationError.formulaSyntax(formula: "y ~", offset: 3, message: "a term"), status: 64),
    Case(error: EstimationError.invalidOption("--se hc9"), status: 64),
    Case(error: EstimationError.malformedTable(location, "unterminated quote"), status: 65),
    Case(error: EstimationError.tooFewObservations(used: 2, dropped: 0, parameters: 3), status: 65),
    Case(error: SimulationError("a cycle"), status: 65),
    Case(error: BacktestError(message: "overflow"), status: 65),
    Case(error: SensitivityError.invalidOption("--samples"), status: 64),
    Case(error: SensitivityError.tooFewSamples(method: "sobol", required: 8, given: 2), status: 64),
    Case(error: SensitivityError.noInputs, status: 65),
    Case(error: SensitivityError.projectionFailed(["overflow"]), status: 65),
    Case(error: SensitivityError.duplicateInput("x"), status: 70),
    Case(error: SensitivityError.valuesShape(expectedRows: 1, expectedColumns: 1, rows: 2, columns: 2), status: 70),
    Case(error: ReportingError.invalidResult(source: "r.json", reason: "not JSON"), status: 65),
    Case(error: ReportingError.missingValue(output: "retail", year: 2030), status: 65),
    Case(error: ReportingError.yearOutsideResult(2040, first: 2025, last: 2035), status: 64),
    Case(error: ReportingError.statisticUnavailable("p25"), status: 64),
    Case(error: ReportingError.internalFailure("a chart"), status: 70),
    Case(error: OutputError(path: "out.csv", fault: .exists), status: 73),
    Case(error: OutputError(path: "out.csv", fault: .missingDirectory("out")), status: 73),
    Case(error: OutputError(path: "out.csv", fault: .noSpace), status: 74),
    Case(error: OutputError(path: "out.csv", fault: .ioError("broken pipe")), status: 74),
    Case(error: LinearAlgebraError.nonFinite(operation: "solve"), status: 70),
    Case(error: SobolSequenceError.unsupportedDimensions(requested: 30_000, maximum: 21_201), status: 70),
    Case(error: ValidationError("bad option"), status: 64),
  ]

  @Test(arguments: cases)
  func mapsThroughItsCategory(_ example: Case) {
    #expect(ExitStatus(for: example.error).rawValue == example.status)
  }

  @Test func eachCategoryHasItsOwnStatus() {
    let statuses = ErrorCategory.allCases.map { ExitStatus($0).rawValue }
    #expect(statuses == [64, 65, 66, 73, 74, 70])
  }

  @Test func anErrorWithoutCategoryIsInternal() {
    struct Unexpected: Error {}
    #expect(ExitStatus(for: Unexpected()) == .internalError)
  }
}
