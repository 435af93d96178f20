import Foundation
import Reporting
import Simulation

/// Writes every run's raw values for `--keep-runs`: CSV, one row per run (`run`, then
/// `<output>@<year>` for every output and year, then `cost@<year>`), full precision.
///
/// Rows go to a temporary file beside the target, renamed into place only when the run has
/// finished, so the file is complete or absent; memory stays one block of runs.
final class RunsFileWriter {
  let target: URL
  private let force: Bool
  private let temporary: URL
  private let handle: FileHandle
  private var failure: Error?

  init(path: String, force: Bool, outputs: [OutputInfo], baseYear: Int, horizon: Int) throws {
    target = URL(fileURLWithPath: path)
    self.force = force
    if FileManager.default.fileExists(atPath: target.path) && !force {
      throw OutputFileError(path: path, reason: "it exists; pass --force to replace it")
    }
    temporary = AtomicWrite.temporaryFile(for: target)
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
      let handle = try? FileHandle(forWritingTo: temporary)
    else {
      throw OutputFileError(path: path, reason: "cannot create a file in \(target.deletingLastPathComponent().path)")
    }
    self.handle = handle
    TemporaryFiles.shared.register(temporary)
    let years = (0...horizon).map { baseYear + $0 }
    let columns = ["run"] + (outputs.map(\.id) + ["cost"]).flatMap { id in years.map { "\(id)@\($0)" } }
    write(columns.joined(separator: ",") + "\n")
  }

  /// Appends the rows of one block (called in run order).
  func append(_ values: RunValues, series: Int, years: Int) {
    var text = ""
    for run in values.runs {
      text += String(run)
      for s in 0..<series {
        for t in 0..<years { text += ",\(values.value(series: s, year: t, run: run))" }
      }
      text += "\n"
    }
    write(text)
  }

  /// Closes the file and gives it the target's name in one step (`AtomicWrite.publish`); throws
  /// the first write error, leaving nothing.
  func finish() throws {
    try? handle.close()
    defer { abandon() }
    if let failure { throw OutputFileError(path: target.path, reason: "\(failure)") }
    try AtomicWrite.publish(temporary, as: target, force: force)
  }

  /// Removes the temporary file (after publishing it, or when an error stopped the run).
  func abandon() {
    try? handle.close()
    try? FileManager.default.removeItem(at: temporary)
    TemporaryFiles.shared.unregister(temporary)
  }

  private func write(_ text: String) {
    guard failure == nil else { return }
    do {
      try handle.write(contentsOf: Data(text.utf8))
    } catch {
      failure = error
    }
  }
}
