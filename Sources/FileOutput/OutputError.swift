import ErrorCategories
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An output that cannot be written, naming the fault; its category is `cannotCreate` when the
/// file cannot be created, `ioError` when writing it fails.
public struct OutputError: CategorisedError, Equatable, CustomStringConvertible {
  /// What went wrong.
  public enum Fault: Equatable, Sendable {
    /// A directory stands at the output path.
    case isDirectory
    /// A FIFO, device, socket or symbolic link stands at the output path.
    case notRegularFile(kind: String)
    /// The file exists and `--force` was not given.
    case exists
    /// Two outputs of one command would have this path.
    case namedTwice
    /// The file appeared while the command worked (another process wrote it).
    case appeared
    /// The output's directory does not exist, or is not a directory.
    case missingDirectory(String)
    /// The output cannot be created (permissions, read-only file system, …).
    case cannotCreate(String)
    /// The folder for the outputs (`--out DIR`) cannot be created.
    case cannotCreateDirectory(String)
    /// ENOSPC or EDQUOT while writing.
    case noSpace
    /// Any other failure while writing.
    case ioError(String)
  }

  /// The output path, or "standard output".
  public var path: String
  public var fault: Fault
  /// Outputs that were written (published) before the failure and could not be taken back.
  public var written: [String] = []

  public init(path: String, fault: Fault, written: [String] = []) {
    self.path = path
    self.fault = fault
    self.written = written
  }

  /// The error for a failed system call on `path` with `code` (an errno value), while creating
  /// the file (`creating`) or writing it.
  static func system(_ code: Int32, path: String, creating: Bool) -> OutputError {
    if code == ENOSPC || code == EDQUOT { return OutputError(path: path, fault: .noSpace) }
    let reason = String(cString: strerror(code)).lowercased()
    return OutputError(path: path, fault: creating ? .cannotCreate(reason) : .ioError(reason))
  }

  public var category: ErrorCategory {
    switch fault {
    case .noSpace, .ioError: .ioError
    default: .cannotCreate
    }
  }

  public var description: String {
    let reason: String
    switch fault {
    case .isDirectory: reason = "it is a directory"
    case .notRegularFile(let kind): reason = "it is not a regular file (\(kind))"
    case .exists: reason = "it exists; pass --force to replace it"
    case .namedTwice: reason = "two outputs of this command would have this name"
    case .appeared: reason = "appeared while iccsim was working (another process wrote it); pass --force to replace it"
    case .missingDirectory(let directory): reason = "the directory \(directory) does not exist"
    case .cannotCreate(let why): reason = "cannot create the file: \(why)"
    case .cannotCreateDirectory(let why): reason = "cannot create the directory: \(why)"
    case .noSpace: reason = "no space left on device"
    case .ioError(let why): reason = "write failed: \(why)"
    }
    let outcome =
      written.isEmpty
      ? ""
      : "; written before the failure: \(written.joined(separator: ", "))"
    return path == StandardOutput.name
      ? "cannot write to standard output: \(reason)\(outcome)"
      : "cannot write \(path): \(reason)\(outcome)"
  }
}
