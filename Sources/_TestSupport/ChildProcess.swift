import Dispatch
import Foundation

/// What a finished child process printed, and how it ended.
public struct ChildProcessOutput: Sendable {
  public var status: Int32
  public var stdout: Data
  public var stderr: Data
}

/// Starts `process` with pipes for standard output and standard error, reads both at the same
/// time (standard error on another thread), and waits for it to end. Reading one pipe to its end
/// before the other would block forever once the child filled the other pipe. With
/// `standardOutput`, the child writes there instead, and only standard error is captured.
/// The one way the tests run a child to its end.
public func runCapturingOutput(_ process: Process, standardOutput: FileHandle? = nil) throws -> ChildProcessOutput {
  let out = Pipe(), err = Pipe()
  if let standardOutput { process.standardOutput = standardOutput } else { process.standardOutput = out }
  process.standardError = err
  try process.run()
  nonisolated(unsafe) var stderr = Data()
  let errorRead = DispatchGroup()
  DispatchQueue.global().async(group: errorRead) { stderr = err.fileHandleForReading.readDataToEndOfFile() }
  let stdout = standardOutput == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
  errorRead.wait()
  process.waitUntilExit()
  return ChildProcessOutput(status: process.terminationStatus, stdout: stdout, stderr: stderr)
}
