import FileOutput
import Foundation

/// Every file one command writes, all or none: the targets are checked when this is made, before
/// any work; each output is staged in a temporary file; `complete` publishes them together at
/// the end. Output without a path goes to standard output.
///
/// A folder created for the outputs (`--out DIR`) is removed again when the command fails or is
/// interrupted.
final class CommandOutput {
  let files: OutputSet
  private let createdDirectories: [String]

  /// The outputs at `paths` (nil entries are standard output), after creating `directory`.
  init(_ paths: [String?], force: Bool, creating directory: String? = nil) throws {
    createdDirectories = try directory.map(Self.createDirectory) ?? []
    do {
      files = try OutputSet(paths.compactMap { $0.map { OutputTarget(path: $0, force: force) } })
    } catch {
      Self.remove(createdDirectories)
      throw error
    }
  }

  /// Writes `data` to the staged file of `path`, or to standard output when `path` is nil.
  func write(_ data: Data, to path: String?) throws {
    guard let path else { return try StandardOutput.write(data) }
    try staged(path).write(data)
  }

  /// The staged file of `path` (one of the outputs), for writing it piece by piece.
  func staged(_ path: String) throws -> StagedFile {
    guard let target = files.targets.first(where: { $0.path == path }) else {
      preconditionFailure("\(path) is not one of the command's outputs")
    }
    return try files.file(for: target)
  }

  /// Runs `work` (which writes the outputs), then publishes them; on any failure removes every
  /// temporary file and created folder, and rethrows.
  func complete(_ work: (CommandOutput) throws -> Void) throws {
    do {
      try work(self)
      try files.publish()
    } catch {
      files.discard()
      Self.remove(createdDirectories)
      throw error
    }
  }

  /// Creates `path` and any missing parents; returns the folders created, outermost first.
  private static func createDirectory(_ path: String) throws -> [String] {
    var missing: [String] = []
    var url = URL(fileURLWithPath: path).standardizedFileURL
    var info = stat()
    var found = stat(url.path, &info) == 0
    while !found && errno == ENOENT && url.path != "/" {
      missing.insert(url.path, at: 0)
      url = url.deletingLastPathComponent()
      found = stat(url.path, &info) == 0
    }
    guard found else {
      throw OutputError(path: path, fault: .cannotCreateDirectory(String(cString: strerror(errno)).lowercased()))
    }
    guard info.st_mode & S_IFMT == S_IFDIR else {
      throw OutputError(path: path, fault: .cannotCreateDirectory("\(url.path) is not a directory"))
    }
    var created: [String] = []
    for directory in missing {
      guard mkdir(directory, 0o777) == 0 || errno == EEXIST else {
        let reason = String(cString: strerror(errno)).lowercased()
        remove(created)
        throw OutputError(path: path, fault: .cannotCreateDirectory(reason))
      }
      created.append(directory)
      StagingRegistry.shared.registerCreated(directory: directory)
    }
    return created
  }

  /// Removes the folders (if still empty), innermost first.
  private static func remove(_ directories: [String]) {
    for directory in directories.reversed() { rmdir(directory) }
  }
}

/// Writes `text` to standard output (`StandardOutput`: a failure is an error, exit 74).
func writeStandardOutput(_ text: String) throws {
  try StandardOutput.write(text)
}
