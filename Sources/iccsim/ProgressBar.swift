import FileOutput
import Foundation

/// A one-line progress bar on standard error, shown only when standard error is a terminal.
final class ProgressBar: @unchecked Sendable {
  private let total: Int
  private let label: String
  private let enabled: Bool
  private var lastPercent = -1

  init(total: Int, label: String) {
    self.total = max(1, total)
    self.label = label
    enabled = isatty(STDERR_FILENO) == 1 && total >= 20_000
  }

  func update(_ done: Int) {
    guard enabled else { return }
    let percent = done * 100 / total
    guard percent != lastPercent else { return }
    lastPercent = percent
    let width = 30
    let filled = width * percent / 100
    let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
    StandardOutput.writeError("\r\(label) \(bar) \(percent)% (\(done)/\(total) runs)")
    if done >= total { StandardOutput.writeError("\r\u{1B}[K") }
  }
}
