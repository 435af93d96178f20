import FileOutput
import Foundation
import Simulation

/// Writes every run's raw values for `--keep-runs`: CSV, one row per run (`run`, then
/// `<output>@<year>` for every output and year, then `cost@<year>`), full precision.
///
/// Rows go to the command's staged file for the target, published with the command's other
/// outputs when the run has finished, so the file is complete or absent; memory stays one block
/// of runs. The first failed write stops the run (`shouldStop`), and `throwIfFailed` reports it.
final class RunsFileWriter {
  private let file: StagedFile
  private var failure: OutputError?

  init(file: StagedFile, outputs: [OutputInfo], baseYear: Int, horizon: Int) throws {
    self.file = file
    let years = (0...horizon).map { baseYear + $0 }
    let columns = ["run"] + (outputs.map(\.id) + ["cost"]).flatMap { id in years.map { "\(id)@\($0)" } }
    try file.write(Data((columns.joined(separator: ",") + "\n").utf8))
  }

  /// Appends the rows of one block (called in run order).
  func append(_ values: RunValues, series: Int, years: Int) {
    guard failure == nil else { return }
    var text = ""
    for run in values.runs {
      text += String(run)
      for s in 0..<series {
        for t in 0..<years { text += ",\(values.value(series: s, year: t, run: run))" }
      }
      text += "\n"
    }
    do {
      try file.write(Data(text.utf8))
    } catch {
      failure = error
    }
  }

  /// True once a write has failed: the run should stop.
  var shouldStop: Bool { failure != nil }

  /// Throws the first write error, if any.
  func throwIfFailed() throws {
    if let failure { throw failure }
  }
}
