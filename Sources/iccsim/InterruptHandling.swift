import Dispatch
import Foundation
import Reporting

/// What happens on Ctrl-C (SIGINT) or SIGTERM: the temporary files being written are removed,
/// so no partial output is left, and iccsim exits with 128 + the signal (130 for SIGINT).
/// Outputs are only ever renamed into place when complete, so nothing else needs undoing.
enum InterruptHandling {
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

  static func install() {
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        TemporaryFiles.shared.removeAll()
        FileHandle.standardError.write(Data("\niccsim: interrupted; no output was written\n".utf8))
        exit(128 + signalNumber)
      }
      source.resume()
      sources.append(source)
    }
  }
}
