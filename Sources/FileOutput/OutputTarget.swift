import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file a command will write, and whether an existing file there may be replaced (`--force`).
public struct OutputTarget: Hashable, Sendable {
  /// The path as the user gave it (messages name it so).
  public let path: String
  public let force: Bool

  public init(path: String, force: Bool) {
    self.path = path
    self.force = force
  }

  /// The folder the file goes into.
  public var directory: String {
    let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
    return parent.isEmpty ? "." : parent
  }

  /// The file's name within `directory`.
  public var name: String { URL(fileURLWithPath: path).lastPathComponent }

  /// Refuses, before any work is done, what could not be written: a directory, a special file or
  /// a symbolic link at the path, an existing file without `force`, a missing or unwritable folder.
  public func check() throws(OutputError) {
    switch FileKind(atPath: path) {
    case .missing: break
    case .regular: if !force { throw OutputError(path: path, fault: .exists) }
    case .directory: throw OutputError(path: path, fault: .isDirectory)
    case .special(let kind): throw OutputError(path: path, fault: .notRegularFile(kind: kind))
    case .unreachable(let code):
      if code == ENOTDIR { throw OutputError(path: path, fault: .missingDirectory(directory)) }
      throw OutputError.system(code, path: path, creating: true)
    }
    guard case .directory = FileKind(atPath: directory, following: true) else {
      throw OutputError(path: path, fault: .missingDirectory(directory))
    }
    if access(directory, W_OK | X_OK) != 0 {
      let reason = errno == EROFS ? "the file system is read-only" : "the directory \(directory) is not writable"
      throw OutputError(path: path, fault: .cannotCreate(reason))
    }
  }
}

/// What stands at a path, without following a final symbolic link (unless asked).
enum FileKind: Equatable {
  case missing, regular, directory
  /// A FIFO, device, socket or symbolic link, described for a message ("a FIFO").
  case special(String)
  /// The path cannot be examined (errno).
  case unreachable(Int32)

  init(atPath path: String, following: Bool = false) {
    var info = stat()
    guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else {
      self = errno == ENOENT ? .missing : .unreachable(errno)
      return
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: self = .regular
    case S_IFDIR: self = .directory
    case S_IFLNK: self = .special("a symbolic link")
    case S_IFIFO: self = .special("a FIFO")
    case S_IFCHR: self = .special("a character device")
    case S_IFBLK: self = .special("a block device")
    case S_IFSOCK: self = .special("a socket")
    default: self = .special("a special file")
    }
  }
}
