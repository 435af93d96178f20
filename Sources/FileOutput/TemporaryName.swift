import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The names of iccsim's temporary files: `.iccsim-<name>-<pid>.tmp` beside the output `<name>`
/// (and `.iccsim-<name>-<pid>.previous.tmp` for the replaced file while a set is published), so
/// that a later run recognises the files of a process that was killed and removes them.
enum TemporaryName {
  static let prefix = ".iccsim-"
  static let suffix = ".tmp"
  static let previousSuffix = ".previous"

  static func staged(for target: OutputTarget, pid: Int32 = getpid()) -> String {
    target.directory + "/" + prefix + target.name + "-\(pid)" + suffix
  }

  static func previous(for target: OutputTarget, pid: Int32 = getpid()) -> String {
    target.directory + "/" + prefix + target.name + "-\(pid)" + previousSuffix + suffix
  }

  /// The process that wrote the temporary file `fileName`, or nil when it is not one of ours.
  static func owner(of fileName: String) -> Int32? {
    guard fileName.hasPrefix(prefix), fileName.hasSuffix(suffix) else { return nil }
    var stem = fileName.dropLast(suffix.count)
    if stem.hasSuffix(previousSuffix) { stem = stem.dropLast(previousSuffix.count) }
    guard let dash = stem.lastIndex(of: "-"), let pid = Int32(stem[stem.index(after: dash)...]), pid > 0 else {
      return nil
    }
    return pid
  }

  /// Removes the temporary files in `directory` left by processes that no longer exist (killed
  /// before they could clean up); returns their names.
  @discardableResult
  static func removeAbandoned(in directory: String) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
    var removed: [String] = []
    for name in names {
      guard let pid = owner(of: name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
      if unlink(directory + "/" + name) == 0 { removed.append(name) }
    }
    return removed
  }
}
