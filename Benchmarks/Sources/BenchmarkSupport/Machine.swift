import Foundation

/// The processor's model name as /proc/cpuinfo gives it ("unknown CPU" where it cannot be read),
/// for the line each benchmark prints about the machine it ran on.
public let cpuName: String =
  (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
  .split(separator: "\n").first { $0.hasPrefix("model name") }?
  .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"

extension Duration {
  /// The duration in seconds, for timings.
  public var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) * 1e-18
  }
}
