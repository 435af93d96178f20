import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every file one command writes, all or none: the targets are checked before any work, each
/// output is staged in a temporary file, and `publish` gives them their names together at the
/// end, checking the targets again (another process may have written one meanwhile).
///
/// Publication holds an exclusive lock on each target folder, so two iccsim processes writing
/// into one folder publish one after the other: the folder holds one command's set, whole.
/// When any step fails, what was published is taken back (a replaced file is restored), the
/// temporary files are removed, and the error lists whatever could not be taken back.
public final class OutputSet {
  public let targets: [OutputTarget]
  private var staged: [String: StagedFile] = [:]

  /// Checks every target (`OutputTarget.check`) and removes temporary files that killed
  /// iccsim processes left in their folders.
  public init(_ targets: [OutputTarget]) throws(OutputError) {
    self.targets = targets
    var seen: Set<String> = []
    for target in targets {
      guard seen.insert(URL(fileURLWithPath: target.path).standardizedFileURL.path).inserted else {
        throw OutputError(path: target.path, fault: .namedTwice)
      }
      try target.check()
    }
    for directory in Set(targets.map(\.directory)) { TemporaryName.removeAbandoned(in: directory) }
  }

  /// The temporary file for `target` (one of `targets`), created on first use.
  public func file(for target: OutputTarget) throws(OutputError) -> StagedFile {
    if let file = staged[target.path] { return file }
    precondition(targets.contains(target), "\(target.path) is not one of the set's targets")
    let file = try StagedFile(target)
    staged[target.path] = file
    return file
  }

  /// Stages the whole content of `target`.
  public func write(_ data: Data, to target: OutputTarget) throws(OutputError) {
    try file(for: target).write(data)
  }

  /// Gives every staged file its target's name; returns the paths written. On failure nothing
  /// new is left (see the type's documentation).
  @discardableResult
  public func publish() throws(OutputError) -> [String] {
    do {
      for file in staged.values { try file.finish() }
    } catch {
      discard()
      throw error
    }
    let files = targets.compactMap { staged[$0.path] }
    defer { discard() }
    return try StagingRegistry.shared.publishing { () throws(OutputError) -> [String] in
      let locks = DirectoryLocks(Set(files.map(\.target.directory)))
      defer { locks.release() }
      var publication = Publication()
      do throws(OutputError) {
        for file in files {
          try publication.give(file)
        }
      } catch {
        var failure = error
        failure.written = publication.takeBack()
        throw failure
      }
      publication.commit()
      let written = files.map(\.target.path)
      StagingRegistry.shared.recordPublished(written)
      return written
    }
  }

  /// Removes every temporary file (after publishing, or when the command failed).
  public func discard() {
    for file in staged.values { file.discard() }
    staged.removeAll()
  }
}

/// The steps of one publication, so they can be taken back.
private struct Publication {
  /// Targets given their new content, with the name holding the replaced file's content, if any.
  private var done: [(target: String, previous: String?)] = []

  /// Gives `file` its target's name: a link, which fails if the name was taken meanwhile, or
  /// with `force` a rename over the existing file (whose content is kept aside until `commit`).
  mutating func give(_ file: StagedFile) throws(OutputError) {
    let target = file.target
    switch FileKind(atPath: target.path) {
    case .missing: break
    case .regular: guard target.force else { throw OutputError(path: target.path, fault: .appeared) }
    default: try target.check()
    }
    var previous: String?
    if target.force, FileKind(atPath: target.path) == .regular {
      let keep = TemporaryName.previous(for: target)
      unlink(keep)
      guard link(target.path, keep) == 0 else { throw OutputError.system(errno, path: target.path, creating: true) }
      previous = keep
    }
    let given = target.force ? rename(file.temporary, target.path) : link(file.temporary, target.path)
    guard given == 0 else {
      let code = errno
      if let previous { unlink(previous) }
      if code == EEXIST { throw OutputError(path: target.path, fault: .appeared) }
      throw OutputError.system(code, path: target.path, creating: true)
    }
    done.append((target.path, previous))
  }

  /// Undoes every step; returns the targets that could not be restored.
  mutating func takeBack() -> [String] {
    var left: [String] = []
    for (target, previous) in done.reversed() {
      let undone = previous.map { rename($0, target) == 0 } ?? (unlink(target) == 0)
      if !undone { left.append(target) }
    }
    done.removeAll()
    return left.reversed()
  }

  /// Drops the replaced files' content.
  mutating func commit() {
    for case let (_, previous?) in done { unlink(previous) }
    done.removeAll()
  }
}

/// Exclusive advisory locks (flock) on folders, held while a set is published into them.
private struct DirectoryLocks {
  private var descriptors: [Int32] = []

  init(_ directories: Set<String>) {
    for directory in directories.sorted() {
      let descriptor = open(directory, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else { continue }
      while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
      descriptors.append(descriptor)
    }
  }

  func release() {
    for descriptor in descriptors { close(descriptor) }
  }
}
