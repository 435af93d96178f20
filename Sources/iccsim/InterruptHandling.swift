import Dispatch
import FileOutput
import Foundation

/// What happens on Ctrl-C (SIGINT) or SIGTERM: the temporary files being written are removed,
/// so no partial output is left, and iccsim exits with 128 + the signal (130 for SIGINT), saying
/// which outputs, if any, were published before. A set of outputs being published is finished
/// first (`StagingRegistry`), so it is never left half-published.
///
/// SIGPIPE is ignored, so that a closed pipe on standard output is a write error (exit 74).
enum InterruptHandling {
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

  static func install() {
    StandardOutput.ignoreBrokenPipes()
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        let written = StagingRegistry.shared.abandonAllBeforeExit()
        let outcome = written.isEmpty ? "no output was written" : "written before: \(written.joined(separator: ", "))"
        StandardOutput.writeError("\niccsim: interrupted; \(outcome)\n")
        exit(128 + signalNumber)
      }
      source.resume()
      sources.append(source)
    }
  }
}
