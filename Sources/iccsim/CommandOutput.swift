import Foundation
import Reporting

/// Writes a command's output to the file at `path` — atomically, replacing an existing file only
/// with `force` (otherwise exit 73) — or to standard output when no path was given.
func writeOutput(_ data: Data, to path: String?, force: Bool) throws {
  if let path {
    try AtomicWrite.write(data, to: URL(fileURLWithPath: path), force: force)
  } else {
    FileHandle.standardOutput.write(data)
  }
}
