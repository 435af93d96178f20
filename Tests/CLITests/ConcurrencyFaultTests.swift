import Crypto
import Foundation
import Simulation
import Testing
import _TestSupport

/// Other processes and signals: two writers racing on one folder, SIGTERM and SIGKILL in the
/// middle of a run, and an input edited while a run is under way.
@Suite("Faults: concurrency and signals")
struct ConcurrencyFaultTests {
  /// Two runs with different seeds into one --out: whatever the interleaving, the folder ends
  /// with one run's whole set. With --force both succeed and the last publication wins; without,
  /// exactly one succeeds and the other says the files appeared meanwhile.
  @Test(arguments: [true, false])
  func racingWritersLeaveOneWholeSet(force: Bool) throws {
    try FaultInjection.withFolder { folder in
      let formats = ["json,md,csv", "csv,json,md"]
      func arguments(seed: Int, into out: String) -> [String] {
        [
          "run", FaultInjection.scenario, "--runs", "20", "--seed", "\(seed)", "--no-meta",
          "--format", formats[seed - 1], "--out", out,
        ] + (force ? ["--force"] : [])
      }
      var references: [[String: Data]] = []
      for seed in 1...2 {
        let reference = folder + "/reference-\(seed)"
        #expect(try execute(arguments(seed: seed, into: reference)).status == 0)
        references.append(try Self.files(in: reference))
      }
      for round in 0..<4 {
        let out = folder + "/race-\(round)"
        let group = DispatchGroup()
        let statuses = Statuses()
        for seed in 1...2 {
          let command = arguments(seed: seed, into: out)
          DispatchQueue.global().async(group: group) {
            statuses.append((try? execute(command))?.status ?? -1)
          }
        }
        group.wait()
        let set = try Self.files(in: out)
        #expect(set == references[0] || set == references[1], "round \(round): the set mixes the writers' files")
        #expect(statuses.sorted == (force ? [0, 0] : [0, 73]))
      }
    }
  }

  /// SIGTERM mid-run: exit 143, the temporary files and the folder created for --out removed.
  @Test func aTerminatedRunLeavesNothing() throws {
    try FaultInjection.withFolder { folder in
      let process = try FaultInjection.start(
        [
          "run", FaultInjection.scenario, "--runs", "50000000", "--threads", "1", "--format", "json,html",
          "--out", folder + "/out", "--keep-runs", folder + "/runs.csv",
        ]
      ) { try FaultInjection.names(in: folder).contains { $0.hasPrefix(".iccsim-runs.csv-") } }
      process.terminate()
      process.waitUntilExit()
      #expect(process.terminationStatus == 128 + SIGTERM)
      #expect(try FaultInjection.names(in: folder) == [])
    }
  }

  /// SIGKILL mid-run leaves its temporary file (nothing can remove it then); the next command
  /// writing into that folder recognises it as abandoned and removes it.
  @Test func aKilledRunsTemporaryFileIsRemovedByTheNextRun() throws {
    try FaultInjection.withFolder { folder in
      let process = try FaultInjection.start(
        ["run", FaultInjection.scenario, "--runs", "50000000", "--threads", "1", "--keep-runs", folder + "/runs.csv"]
      ) { try FaultInjection.names(in: folder).count == 1 }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let abandoned = try FaultInjection.names(in: folder)
      #expect(abandoned == [".iccsim-runs.csv-\(process.processIdentifier).tmp"])
      let next = try execute(["run", FaultInjection.scenario, "--runs", "20", "--keep-runs", folder + "/other.csv"])
      #expect(next.status == 0, "stderr: \(next.stderr)")
      #expect(try FaultInjection.names(in: folder) == ["other.csv"])
    }
  }

  /// The manifest records the digest of the scenario as it was read, not as it is when the run
  /// ends: the file is edited while the run is under way.
  @Test func theManifestHashesTheContentThatWasUsed() throws {
    try FaultInjection.withFolder { folder in
      let scenario = folder + "/scenario.yaml"
      let original = try FaultInjection.contents(FaultInjection.scenario)
        .replacingOccurrences(of: "model: models/", with: "model: \(repositoryRoot.path)/scenarios/models/")
        .replacingOccurrences(of: "baseline: data/", with: "baseline: \(repositoryRoot.path)/scenarios/data/")
      try Data(original.utf8).write(to: URL(fileURLWithPath: scenario))
      let result = folder + "/result"
      let process = try FaultInjection.start(
        [
          "run", scenario, "--runs", "3000", "--threads", "1", "--format", "json", "--out", result,
          "--keep-runs", folder + "/runs.csv",
        ]
      ) { try FaultInjection.names(in: folder).contains { $0.hasSuffix(".tmp") } }
      try Data((original + "# edited during the run\n").utf8).write(to: URL(fileURLWithPath: scenario))
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      let files = try FaultInjection.names(in: result)
      let run = try ResultCoding.decoder().decode(
        RunResult.self, from: Data(contentsOf: URL(fileURLWithPath: result + "/" + (files.first ?? ""))))
      let recorded = try #require(run.meta?.inputs.first { $0.path.hasSuffix("scenario.yaml") })
      let used = SHA256.hash(data: Data(original.utf8)).map { String(format: "%02x", $0) }.joined()
      #expect(recorded.sha256 == used)
    }
  }

  static func files(in folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FaultInjection.names(in: folder) {
      files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
    }
    return files
  }
}

/// Exit statuses gathered from several threads.
private final class Statuses: @unchecked Sendable {
  private let lock = NSLock()
  private var statuses: [Int32] = []

  func append(_ status: Int32) { lock.withLock { statuses.append(status) } }
  var sorted: [Int32] { lock.withLock { statuses.sorted() } }
}
