import FileOutput
import Foundation
import Simulation

/// Writes every run's raw values for `--keep-runs` (the `RunsTable` CSV).
///
/// Rows go to the command's staged file for the target, published with the command's other
/// outputs when the run has finished, so the file is complete or absent; memory stays one block
/// of runs. The first failed write stops the run (`shouldStop`), and `throwIfFailed` reports it.
final class RunsFileWriter {
  private let file: StagedFile
  private let table: RunsTable
  private var failure: OutputError?

  init(file: StagedFile, outputs: [OutputInfo], baseYear: Int, horizon: Int) throws {
    self.file = file
    table = RunsTable(outputs: outputs, baseYear: baseYear, horizon: horizon)
    try file.write(Data(table.header.utf8))
  }

  /// Appends the rows of one block (called in run order).
  func append(_ values: RunValues) {
    guard failure == nil else { return }
    do {
      try file.write(Data(table.rows(values).utf8))
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
