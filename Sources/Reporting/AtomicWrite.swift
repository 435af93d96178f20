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

    let temporary = temporaryFile(for: url)
    TemporaryFiles.shared.register(temporary)
    defer {
      unlink(temporary.path)
      TemporaryFiles.shared.unregister(temporary)
    }
    guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
      throw .cannotWrite(path: path, reason: "the directory \(directory) is not writable")
    }
    try publish(temporary, as: url, force: force)
  }

  /// A name for a temporary file beside `url` (hidden, unique to this process and call), so that
  /// `publish` can give it `url`'s name in one step.
  public static func temporaryFile(for url: URL) -> URL {
    url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
  }

  /// Gives the complete file `temporary` (in `url`'s directory) the name `url` in one step: a
  /// rename with `force`; otherwise a link, which fails with `.outputExists` if the name is
  /// taken by then. The caller removes `temporary` afterwards (after a link it is a second name).
  public static func publish(_ temporary: URL, as url: URL, force: Bool) throws(ReportingError) {
    let path = url.path
    if force {
      guard rename(temporary.path, path) == 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    } else {
      guard link(temporary.path, path) == 0 else {
        let code = errno
        if code == EEXIST { throw .outputExists(path: path) }
        throw .cannotWrite(path: path, reason: String(cString: strerror(code)))
      }
    }
  }
}
