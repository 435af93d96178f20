import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary files this process is writing and the outputs it has published, so that an
/// interrupted command removes its temporary files and can say what it wrote.
///
/// Publishing a set of outputs holds the registry's lock, so an interrupt waits until the set is
/// whole (or taken back) rather than stopping half-way through.
public final class StagingRegistry: @unchecked Sendable {
  public static let shared = StagingRegistry()

  private let lock = NSRecursiveLock()
  private var temporaries: Set<String> = []
  private var createdDirectories: [String] = []
  private var published: [String] = []

  func register(_ path: String) {
    lock.withLock { _ = temporaries.insert(path) }
  }

  func unregister(_ path: String) {
    lock.withLock { _ = temporaries.remove(path) }
  }

  /// Records a folder created for this process's outputs, removed on an interrupt if still empty.
  public func registerCreated(directory: String) {
    lock.withLock { createdDirectories.append(directory) }
  }

  /// Runs `body` (a publication) so that no interrupt cleanup happens in the middle of it.
  func publishing<T>(_ body: () throws(OutputError) -> T) throws(OutputError) -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  func recordPublished(_ paths: [String]) {
    lock.withLock { published += paths }
  }

  /// For a process about to exit on a signal: removes every temporary file and returns the
  /// outputs already published. The lock stays held, so no publication starts afterwards.
  public func abandonAllBeforeExit() -> [String] {
    lock.lock()
    for path in temporaries { unlink(path) }
    temporaries.removeAll()
    for directory in createdDirectories.reversed() { rmdir(directory) }
    return published
  }
}
