import Crypto
import Foundation
import Simulation

/// Builds the run manifest: version, seed, command line and the SHA-256 of every input file.
enum ManifestBuilder {
  static func manifest(inputs: [URL], seed: UInt64, threads: Int, elapsed: Duration) throws -> RunManifest {
    var seen: Set<String> = []
    var files: [InputFile] = []
    for url in inputs {
      let path = url.standardizedFileURL.path
      guard seen.insert(path).inserted else { continue }
      let digest = SHA256.hash(data: try Data(contentsOf: url))
      files.append(InputFile(path: relativePath(path), sha256: digest.map { String(format: "%02x", $0) }.joined()))
    }
    return manifest(files: files, seed: seed, threads: threads, elapsed: elapsed)
  }

  /// The manifest of a command whose inputs were hashed elsewhere (`merge`: the parts' inputs).
  static func manifest(files: [InputFile], seed: UInt64, threads: Int, elapsed: Duration) -> RunManifest {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return RunManifest(
      version: Iccsim.configuration.version, command: CommandLine.arguments, seed: seed, inputs: files,
      threads: threads, elapsedSeconds: (seconds * 1000).rounded() / 1000,
      host: ProcessInfo.processInfo.hostName, date: ISO8601DateFormatter().string(from: Date()))
  }

  /// The path relative to the working directory when it lies below it, so manifests do not
  /// depend on where a checkout lives.
  private static func relativePath(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
  }
}
