import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An output being written: a temporary file beside its target, written through its own file
/// descriptor, that `OutputSet.publish` gives the target's name once it is complete.
public final class StagedFile {
  public let target: OutputTarget
  let temporary: String
  private var descriptor: Int32

  init(_ target: OutputTarget) throws(OutputError) {
    self.target = target
    temporary = TemporaryName.staged(for: target)
    var opened = Self.create(temporary)
    if opened < 0 && errno == EEXIST {
      // Left by an earlier process with this process's id: it cannot still be running.
      unlink(temporary)
      opened = Self.create(temporary)
    }
    guard opened >= 0 else { throw OutputError.system(errno, path: target.path, creating: true) }
    descriptor = opened
    StagingRegistry.shared.register(temporary)
  }

  private static func create(_ path: String) -> Int32 {
    open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
  }

  /// Appends `data`; a full disk is `.noSpace` (exit 74).
  public func write(_ data: Data) throws(OutputError) {
    guard descriptor >= 0 else { throw OutputError(path: target.path, fault: .ioError("the file is closed")) }
    if let code = FileDescriptor.writeAll(data, to: descriptor) {
      throw OutputError.system(code, path: target.path, creating: false)
    }
  }

  /// Flushes the file to the device and closes it, so that a full disk shows here, not later.
  func finish() throws(OutputError) {
    guard descriptor >= 0 else { return }
    let synced = fsync(descriptor) == 0 || errno == EINVAL
    let syncError = errno
    let closed = close(descriptor) == 0
    let closeError = errno
    descriptor = -1
    if !synced { throw OutputError.system(syncError, path: target.path, creating: false) }
    if !closed { throw OutputError.system(closeError, path: target.path, creating: false) }
  }

  /// Closes and removes the temporary file.
  func discard() {
    if descriptor >= 0 { close(descriptor) }
    descriptor = -1
    unlink(temporary)
    StagingRegistry.shared.unregister(temporary)
  }
}
