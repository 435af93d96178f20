import Foundation
import Testing
import _TestSupport

/// A small file system (tmpfs) filled to the byte, or to just short of what a command writes:
/// status 74, "no space left on device", no partial file, no temporary file, and the files that
/// were there before untouched. Mounting needs root (as in CI); elsewhere the suite is skipped.
@Suite(
  "Faults: disk full", .enabled(if: SmallFileSystem.canMount, "mounting a tmpfs is not permitted here (needs root)"))
struct DiskFullFaultTests {
  struct Writer: Sendable, CustomTestStringConvertible {
    var name: String
    /// Bytes left free on the file system when the command starts.
    var free: Int
    var arguments: @Sendable (_ folder: String) -> [String]
    var testDescription: String { name }
  }

  static let writers: [Writer] = [
    Writer(name: "run --out json,xlsx,html", free: 0) {
      ["run", FaultInjection.scenario, "--runs", "20", "--format", "json,xlsx,html", "--out", "\($0)/out"]
    },
    Writer(name: "run --keep-runs", free: 64 << 10) {
      ["run", FaultInjection.scenario, "--runs", "20000", "--keep-runs", "\($0)/runs.csv"]
    },
    Writer(name: "run --shard --out", free: 0) {
      ["run", FaultInjection.scenario, "--runs", "20", "--shard", "1/2", "--out", "\($0)/part.json"]
    },
    Writer(name: "export --out", free: 0) {
      ["export", FaultInjection.result, "--format", "html", "--out", "\($0)/page.html"]
    },
    Writer(name: "export --format svg --out", free: 0) {
      ["export", FaultInjection.result, "--format", "svg", "--out", "\($0)/charts"]
    },
    Writer(name: "report --out", free: 0) {
      ["report", FaultInjection.scenario, "--runs", "20", "--out", "\($0)/report.html"]
    },
    Writer(name: "estimate --write", free: 0) {
      FaultInjection.estimate + ["--write", "\($0)/estimates.yaml"]
    },
    Writer(name: "calibrate --out", free: 0) {
      FaultInjection.calibrate + ["--out", "\($0)/calibrated.yaml"]
    },
    Writer(name: "data coverage --out", free: 0) {
      FaultInjection.coverage + ["--out", "\($0)/coverage.md"]
    },
    Writer(name: "sensitivity --shard --out", free: 0) {
      FaultInjection.sobolShard + ["--out", "\($0)/sobol.json"]
    },
  ]

  @Test(arguments: writers)
  func aFullDiskLeavesWhatWasThere(writer: Writer) throws {
    try SmallFileSystem.withMounted { folder in
      try Data("kept".utf8).write(to: URL(fileURLWithPath: folder + "/kept.txt"))
      try SmallFileSystem.fill(folder, leaving: writer.free)
      let result = try execute(writer.arguments(folder))
      #expect(result.status == 74, "stderr: \(result.stderr)")
      #expect(result.stderr.hasSuffix("no space left on device\n"), "stderr: \(result.stderr)")
      #expect(try FaultInjection.names(in: folder) == ["filler", "kept.txt"])
      #expect(try FaultInjection.contents(folder + "/kept.txt") == "kept")
    }
  }

  /// A failed `--keep-runs` write stops the run at once: a job of 50 million runs (hours) ends
  /// within seconds of the disk filling up.
  @Test func aFailedKeepRunsWriteStopsTheRun() throws {
    try SmallFileSystem.withMounted { folder in
      try SmallFileSystem.fill(folder, leaving: 64 << 10)
      let process = try FaultInjection.start(
        ["run", FaultInjection.scenario, "--runs", "50000000", "--keep-runs", folder + "/runs.csv"]) { false }
      if process.isRunning {
        process.terminate()
        Issue.record("the run went on for a minute after its --keep-runs file could not be written")
      }
      process.waitUntilExit()
      #expect(process.terminationStatus == 74)
      #expect(try FaultInjection.names(in: folder) == ["filler"])
    }
  }

  /// Room for the json and the xlsx of a run but not its html: none of the three is left, and
  /// the result files already there are untouched (with --force, which would replace them).
  @Test func aSetThatDoesNotFitIsNotWrittenInPart() throws {
    try FaultInjection.withFolder { reference in
      let arguments = { (out: String) in
        [
          "run", FaultInjection.scenario, "--runs", "20", "--no-meta", "--format", "json,xlsx,html", "--out", out,
          "--force",
        ]
      }
      #expect(try execute(arguments(reference)).status == 0)
      let size = { (name: String) in
        try FileManager.default.attributesOfItem(atPath: reference + "/" + name)[.size] as? Int ?? 0
      }
      let room = try size("run-shanghai-baseline.json") + size("run-shanghai-baseline.xlsx") + (16 << 10)
      try SmallFileSystem.withMounted { folder in
        for name in ["run-shanghai-baseline.json", "run-shanghai-baseline.html"] {
          try Data("old \(name)".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        try SmallFileSystem.fill(folder, leaving: room)
        let result = try execute(arguments(folder))
        #expect(result.status == 74, "stderr: \(result.stderr)")
        #expect(
          result.stderr.contains("run-shanghai-baseline.html: no space left on device"), "stderr: \(result.stderr)")
        #expect(
          try FaultInjection.names(in: folder) == [
            "filler", "run-shanghai-baseline.html", "run-shanghai-baseline.json",
          ])
        #expect(try FaultInjection.contents(folder + "/run-shanghai-baseline.json") == "old run-shanghai-baseline.json")
      }
    }
  }
}

/// A small tmpfs mounted for one test.
enum SmallFileSystem {
  static let size = "2m"

  /// Whether this process may mount a tmpfs (tried once).
  static let canMount: Bool = (try? withMounted { _ in true }) ?? false

  static func withMounted<T>(_ body: (String) throws -> T) throws -> T {
    try FaultInjection.withFolder { folder in
      guard try command("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder]) == 0 else {
        throw MountRefused()
      }
      defer { _ = try? command("/bin/umount", [folder]) }
      return try body(folder)
    }
  }

  /// Writes a file `filler` that leaves `free` bytes (rounded down to pages) of the file system.
  static func fill(_ folder: String, leaving free: Int) throws {
    var info = statvfs()
    #expect(statvfs(folder, &info) == 0)
    let available = Int(info.f_bavail) * Int(info.f_frsize)
    #expect(FileManager.default.createFile(atPath: folder + "/filler", contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: folder + "/filler"))
    defer { try? handle.close() }
    let page = Int(info.f_frsize)
    let target = max(0, (available - free) / page * page)
    let chunk = Data(count: page)
    for _ in 0..<(target / page) {
      guard (try? handle.write(contentsOf: chunk)) != nil else { break }
    }
  }

  private static func command(_ path: String, _ arguments: [String]) throws -> Int32 {
    try execute(arguments, executable: URL(fileURLWithPath: path)).status
  }

  struct MountRefused: Error {}
}
