import CityModel
import Foundation

/// Builds the run manifest: version, seed, command line and the SHA-256 of every input file —
/// the digest of the bytes that were parsed, taken when the file was read, so that a file
/// edited during a long run is not recorded with the numbers of its old content.
///
/// `PartialRun.merge` and `SensitivityShard.merge` check parts against the input digests
/// recorded here.
public struct ManifestBuilder: Sendable {
  /// The version of iccsim recorded in every manifest.
  public var version: String
  /// The command line recorded in every manifest.
  public var command: [String]

  public init(version: String, command: [String]) {
    self.version = version
    self.command = command
  }

  /// The manifest of a run of `scenarios`: their input files, hashed when they were read.
  public func manifest(of scenarios: [Scenario], seed: UInt64, threads: Int, elapsed: Duration) -> RunManifest {
    manifest(files: Self.inputs(of: scenarios), seed: seed, threads: threads, elapsed: elapsed)
  }

  /// Every input file of the scenarios, once each, with its digest.
  public static func inputs(of scenarios: [Scenario]) -> [InputFile] {
    var seen: Set<String> = []
    var files: [InputFile] = []
    for scenario in scenarios {
      for url in scenario.sourceFiles where seen.insert(url.path).inserted {
        guard let digest = scenario.sourceDigests[url] else {
          preconditionFailure("\(url.path) is an input of \(scenario.id) that was not read")
        }
        files.append(InputFile(path: relativePath(url.path), sha256: digest))
      }
    }
    return files
  }

  /// The manifest of a command whose inputs were hashed elsewhere (`merge`: the parts' inputs).
  public func manifest(files: [InputFile], seed: UInt64, threads: Int, elapsed: Duration) -> RunManifest {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return RunManifest(
      version: version, command: command, seed: seed, inputs: files,
      threads: threads, elapsedSeconds: (seconds * 1000).rounded() / 1000,
      host: ProcessInfo.processInfo.hostName, date: UTCTimestamp.string(from: Date()))
  }

  /// The path relative to the working directory when it lies below it, so manifests do not
  /// depend on where a checkout lives.
  private static func relativePath(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
  }
}
