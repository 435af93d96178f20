import Foundation

/// The temporary files this process is writing, so that an interrupted run can remove them and
/// leave no partial output behind.
public final class TemporaryFiles: @unchecked Sendable {
  public static let shared = TemporaryFiles()

  private let lock = NSLock()
  private var paths: Set<String> = []

  public func register(_ url: URL) {
    lock.withLock { _ = paths.insert(url.path) }
  }

  public func unregister(_ url: URL) {
    lock.withLock { _ = paths.remove(url.path) }
  }

  /// Removes every registered file; returns how many there were.
  @discardableResult
  public func removeAll() -> Int {
    lock.withLock {
      for path in paths { unlink(path) }
      defer { paths.removeAll() }
      return paths.count
    }
  }
}
