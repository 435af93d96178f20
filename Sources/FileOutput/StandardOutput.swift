import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and standard error written through their file descriptors, so that a full
/// disk (`> /dev/full`) or a closed pipe (`| head`) is an `OutputError` (exit 74) rather than a
/// crash, and nothing is held back in a buffer that fails silently at exit.
public enum StandardOutput {
  static let name = "standard output"

  /// Makes a closed pipe an EPIPE error on write instead of a SIGPIPE that kills the process.
  public static func ignoreBrokenPipes() {
    signal(SIGPIPE, SIG_IGN)
  }

  /// Writes all of `data` to standard output.
  public static func write(_ data: Data) throws(OutputError) {
    if let code = FileDescriptor.writeAll(data, to: STDOUT_FILENO) {
      throw OutputError.system(code, path: name, creating: false)
    }
  }

  public static func write(_ text: String) throws(OutputError) {
    try write(Data(text.utf8))
  }

  /// Writes `text` to standard error; a failure there has nowhere to be reported and is ignored.
  public static func writeError(_ text: String) {
    _ = FileDescriptor.writeAll(Data(text.utf8), to: STDERR_FILENO)
  }
}

/// Whole writes to a file descriptor.
enum FileDescriptor {
  /// Writes all of `data` to `descriptor`, retrying after signals and short writes; returns the
  /// errno of a failure, or nil.
  static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
    data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
      guard var next = buffer.baseAddress else { return nil }
      var left = buffer.count
      while left > 0 {
        let count = systemWrite(descriptor, next, left)
        if count < 0 {
          if errno == EINTR { continue }
          return errno
        }
        next += count
        left -= count
      }
      return nil
    }
  }

  private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(descriptor, bytes, count)
    #else
      Darwin.write(descriptor, bytes, count)
    #endif
  }
}
