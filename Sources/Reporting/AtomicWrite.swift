import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a whole file or nothing: the bytes go to a temporary file in the destination's
/// directory, which then takes the destination's name in one step, so a reader never sees a
/// half-written output and a failed run leaves no partial file.
///
/// An existing file is replaced only with `force`; otherwise the write fails with
/// `ReportingError.outputExists` (exit 73), checked atomically (the temporary file is linked to
/// the name, which fails if the name is taken, rather than tested and then renamed).
public enum AtomicWrite {
  public static func write(_ data: Data, to url: URL, force: Bool) throws(ReportingError) {
    let path = url.path
    let directory = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw .cannotWrite(path: path, reason: "the directory \(directory) does not exist")
    }
    if !force && FileManager.default.fileExists(atPath: path) { throw .outputExists(path: path) }

    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
    TemporaryFiles.shared.register(URL(fileURLWithPath: temporary))
    defer {
      unlink(temporary)
      TemporaryFiles.shared.unregister(URL(fileURLWithPath: temporary))
    }
    guard FileManager.default.createFile(atPath: temporary, contents: data) else {
      throw .cannotWrite(path: path, reason: "the directory \(directory) is not writable")
    }
    if force {
      guard rename(temporary, path) == 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    } else {
      guard link(temporary, path) == 0 else {
        let code = errno
        if code == EEXIST { throw .outputExists(path: path) }
        throw .cannotWrite(path: path, reason: String(cString: strerror(code)))
      }
    }
  }
}
