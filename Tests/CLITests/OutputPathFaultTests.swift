import Foundation
import Testing
import _TestSupport

/// Every output path of every command, with a directory, a symbolic link, a FIFO or an existing
/// file already there, with and without --force: refused before any work (73) with a message
/// naming what is there, and left exactly as it was — except an existing file with --force,
/// which is replaced whole.
@Suite("Faults: output paths")
struct OutputPathFaultTests {
  struct Writer: Sendable, CustomTestStringConvertible {
    var name: String
    /// The file the command writes, within the test's folder.
    var target: String
    var takesForce = true
    /// The command line writing `target` in `folder`, given parts of a sharded run in it.
    var arguments: @Sendable (_ folder: String) -> [String]
    var testDescription: String { name }
  }

  static let writers: [Writer] = [
    Writer(name: "run --out", target: "out/run-shanghai-baseline.json") {
      ["run", FaultInjection.scenario, "--runs", "20", "--format", "json,md", "--out", "\($0)/out"]
    },
    Writer(name: "run --keep-runs", target: "runs.csv") {
      ["run", FaultInjection.scenario, "--runs", "20", "--keep-runs", "\($0)/runs.csv"]
    },
    Writer(name: "run --shard --out", target: "part.json") {
      ["run", FaultInjection.scenario, "--runs", "20", "--shard", "1/2", "--out", "\($0)/part.json"]
    },
    Writer(name: "merge --out", target: "merged.json") {
      ["merge", "\($0)/parts/1.json", "\($0)/parts/2.json", "--out", "\($0)/merged.json"]
    },
    Writer(name: "export --out", target: "table.md") {
      ["export", FaultInjection.result, "--format", "md", "--out", "\($0)/table.md"]
    },
    Writer(name: "export --format svg --out", target: "charts/fan-index.svg") {
      ["export", FaultInjection.result, "--format", "svg", "--out", "\($0)/charts"]
    },
    Writer(name: "report --out", target: "report.html") {
      ["report", FaultInjection.scenario, "--runs", "20", "--out", "\($0)/report.html"]
    },
    Writer(name: "estimate --write", target: "estimates.yaml") {
      FaultInjection.estimate + ["--write", "\($0)/estimates.yaml"]
    },
    Writer(name: "calibrate --out", target: "calibrated.yaml") {
      FaultInjection.calibrate + ["--out", "\($0)/calibrated.yaml"]
    },
    Writer(name: "data coverage --out", target: "coverage.md") {
      FaultInjection.coverage + ["--out", "\($0)/coverage.md"]
    },
    Writer(name: "sensitivity --shard --out", target: "sobol.json", takesForce: false) {
      FaultInjection.sobolShard + ["--out", "\($0)/sobol.json"]
    },
  ]

  enum Obstacle: String, CaseIterable, Sendable {
    case directory, symbolicLink, fifo, existingFile

    /// Puts the obstacle at `path`.
    func place(at path: String) throws {
      let manager = FileManager.default
      let folder = (path as NSString).deletingLastPathComponent
      try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
      switch self {
      case .directory:
        try manager.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
      case .symbolicLink:
        try Data("linked".utf8).write(to: URL(fileURLWithPath: path + ".linked"))
        try manager.createSymbolicLink(atPath: path, withDestinationPath: path + ".linked")
      case .fifo:
        #expect(mkfifo(path, 0o644) == 0)
      case .existingFile:
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
      }
    }

    /// Checks that the obstacle is still there, unchanged.
    func expectIntact(at path: String) throws {
      var info = stat()
      #expect(lstat(path, &info) == 0)
      switch self {
      case .directory: #expect(FileManager.default.fileExists(atPath: path + "/inside"))
      case .symbolicLink:
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path) == path + ".linked")
        #expect(try FaultInjection.contents(path + ".linked") == "linked")
      case .fifo: #expect(info.st_mode & S_IFMT == S_IFIFO)
      case .existingFile: #expect(try FaultInjection.contents(path) == "old")
      }
    }

    var message: String {
      switch self {
      case .directory: "it is a directory"
      case .symbolicLink: "it is not a regular file (a symbolic link)"
      case .fifo: "it is not a regular file (a FIFO)"
      case .existingFile: "it exists; pass --force to replace it"
      }
    }
  }

  @Test(arguments: writers, Obstacle.allCases)
  func anObstacleAtTheOutputIsRefusedAndKept(writer: Writer, obstacle: Obstacle) throws {
    try FaultInjection.withFolder { folder in
      if writer.name.hasPrefix("merge") { try Self.writeParts(into: folder + "/parts") }
      let target = folder + "/" + writer.target
      try obstacle.place(at: target)
      for force in writer.takesForce ? [false, true] : [false] {
        let result = try execute(writer.arguments(folder) + (force ? ["--force"] : []))
        if force && obstacle == .existingFile {
          #expect(result.status == 0, "stderr: \(result.stderr)")
          #expect(try FaultInjection.contents(target) != "old", "replaced with --force")
        } else {
          #expect(result.status == 73, "force \(force), stderr: \(result.stderr)")
          #expect(result.stderr.contains("cannot write \(target): \(obstacle.message)"), "stderr: \(result.stderr)")
          try obstacle.expectIntact(at: target)
        }
        let folderOfTarget = (target as NSString).deletingLastPathComponent
        let left = try FaultInjection.names(in: folderOfTarget)
        #expect(left.allSatisfy { !$0.hasPrefix(".iccsim-") }, "temporary files left: \(left)")
      }
    }
  }

  /// `--out DIR` naming a file: refused before the work, the file kept; a missing DIR is created,
  /// and removed again when the command fails.
  @Test func theOutputFolderMustBeAFolder() throws {
    try FaultInjection.withFolder { folder in
      try Data("mine".utf8).write(to: URL(fileURLWithPath: folder + "/file"))
      let run = ["run", FaultInjection.scenario, "--runs", "20", "--format", "json"]
      let onFile = try execute(run + ["--out", folder + "/file"])
      #expect(onFile.status == 73)
      let notAFolder = "cannot create the directory: \(folder)/file is not a directory"
      #expect(onFile.stderr == "iccsim: cannot write \(folder)/file: \(notAFolder)\n")
      #expect(try FaultInjection.contents(folder + "/file") == "mine")
      let failing = try execute(run + ["--out", folder + "/new/out", "--keep-runs", folder + "/file"])
      #expect(failing.status == 73)
      #expect(failing.stderr == "iccsim: cannot write \(folder)/file: it exists; pass --force to replace it\n")
      #expect(try FaultInjection.names(in: folder) == ["file"], "the folders created for --out are removed")
    }
  }

  static func writeParts(into folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for shard in 1...2 {
      let result = try execute(
        ["run", FaultInjection.scenario, "--runs", "20", "--shard", "\(shard)/2", "--out", "\(folder)/\(shard).json"])
      #expect(result.status == 0, "stderr: \(result.stderr)")
    }
  }

  /// `estimate --write` onto an existing file: refused without --force (the file untouched),
  /// replaced whole with it; onto a directory (here the working folder): refused, nothing deleted.
  @Test func estimateWriteKeepsWhatTheUserHad() throws {
    try FaultInjection.withFolder { folder in
      let existing = folder + "/existing.yaml"
      try Data("mine: 1\n".utf8).write(to: URL(fileURLWithPath: existing))
      let refused = try execute(FaultInjection.estimate + ["--write", existing])
      #expect(refused.status == 73)
      #expect(try FaultInjection.contents(existing) == "mine: 1\n")
      let replaced = try execute(FaultInjection.estimate + ["--write", existing, "--force"])
      #expect(replaced.status == 0, "stderr: \(replaced.stderr)")
      #expect(try FaultInjection.contents(existing).contains("response: retail_sales"))
      let intoFolder = try execute(FaultInjection.estimate + ["--write", folder, "--force"])
      #expect(intoFolder.status == 73)
      #expect(intoFolder.stderr == "iccsim: cannot write \(folder): it is a directory\n")
      #expect(try FaultInjection.names(in: folder) == ["existing.yaml"])
    }
  }
}
