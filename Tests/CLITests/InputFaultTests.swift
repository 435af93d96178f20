import Foundation
import Testing
import _TestSupport

/// Odd inputs: special files named where a file is read, unreadable files named by `extends:` and
/// `baseline:`, and a plain-text file where a scenario is expected. Each message says what the
/// file is; every unreadable input exits 66.
@Suite("Faults: inputs")
struct InputFaultTests {
  static let specialFiles: [(path: String, what: String)] = [
    ("/dev/zero", "it is not a regular file (a character device)"),
    ("/dev/urandom", "it is not a regular file (a character device)"),
    ("/proc/self/mem", "it is not a regular file (a kernel interface file)"),
  ]

  @Test func specialFilesAreNamedForWhatTheyAre() throws {
    try FaultInjection.withFolder { folder in
      let fifo = folder + "/fifo"
      #expect(mkfifo(fifo, 0o644) == 0)
      let others = [(fifo, "it is not a regular file (a FIFO)"), (folder, "it is a directory")]
      for (path, what) in Self.specialFiles + others {
        for command in [["validate", path], ["run", path, "--runs", "20"], ["export", path], ["merge", path]] {
          let result = try execute(command)
          #expect(result.status == 66, "\(command): \(result.stderr)")
          #expect(result.stderr.hasPrefix("\(path): cannot read file: \(what)\n"), "\(command): \(result.stderr)")
        }
        try Data("scenario: x\nextends: \(path)\n".utf8).write(to: URL(fileURLWithPath: folder + "/child.yaml"))
        let child = try execute(["validate", folder + "/child.yaml"])
        #expect(child.status == 66, "extends \(path): \(child.stderr)")
        #expect(child.stderr.contains("cannot read \(path): \(what)"), "extends \(path): \(child.stderr)")
      }
    }
  }

  /// An unreadable `extends:` or `baseline:` is an unreadable input (66), as a missing model is,
  /// even though the scenario then also lacks what the file would have given.
  @Test(arguments: ["extends: missing.yaml", "baseline: missing.csv", "model: missing.yaml"])
  func everyUnreadableInputExits66(line: String) throws {
    try FaultInjection.withFolder { folder in
      let scenario = try FaultInjection.contents(FaultInjection.scenario)
        .replacingOccurrences(of: "model: models/", with: "model: \(repositoryRoot.path)/scenarios/models/")
        .replacingOccurrences(of: "baseline: data/", with: "baseline: \(repositoryRoot.path)/scenarios/data/")
      let key = line.prefix { $0 != ":" }
      let edited =
        scenario.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.hasPrefix(key + ":") }.joined(separator: "\n") + "\n" + line + "\n"
      try Data(edited.utf8).write(to: URL(fileURLWithPath: folder + "/s.yaml"))
      let result = try execute(["validate", folder + "/s.yaml"])
      #expect(result.status == 66, "stderr: \(result.stderr)")
      #expect(result.stderr.contains("/missing.\(line.hasSuffix("csv") ? "csv" : "yaml"): no such file"))
    }
  }

  /// A plain-text file reached by `extends:` (here a password-file look-alike) is refused, not
  /// silently merged as nothing.
  @Test func aPlainTextParentIsRefused() throws {
    try FaultInjection.withFolder { folder in
      let passwd = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1\n"
      try Data(passwd.utf8).write(to: URL(fileURLWithPath: folder + "/passwd"))
      try Data("extends: passwd\nscenario: x\n".utf8).write(to: URL(fileURLWithPath: folder + "/child.yaml"))
      let result = try execute(["validate", folder + "/child.yaml"])
      #expect(result.status == 65)
      #expect(!result.stdout.contains("ok"))
      #expect(result.stderr.contains("passwd is not a scenario file: expected a YAML mapping, found 'root:x:0:0"))
    }
  }
}
