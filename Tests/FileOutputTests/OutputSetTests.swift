import Foundation
import Testing

@testable import FileOutput

@Suite struct OutputSetTests {
  @Test func publishesEveryFileTogetherAndLeavesNoTemporaryFile() throws {
    let folder = try temporaryFolder()
    let set = try OutputSet(["a.json", "b.html"].map { OutputTarget(path: folder + "/" + $0, force: false) })
    for target in set.targets { try set.write(Data(target.name.utf8), to: target) }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        == [".iccsim-a.json-\(getpid()).tmp", ".iccsim-b.html-\(getpid()).tmp"], "staged, not yet published")
    try set.publish()
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.json", "b.html"])
    #expect(try contents(folder + "/a.json") == "a.json")
  }

  /// Every target is checked when the set is made, before any work: one existing file refuses
  /// the whole set.
  @Test func checksEveryTargetFirst() throws {
    let folder = try temporaryFolder()
    try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/b.html"))
    #expect(throws: OutputError(path: folder + "/b.html", fault: .exists)) {
      try OutputSet(["a.json", "b.html"].map { OutputTarget(path: folder + "/" + $0, force: false) })
    }
    #expect(throws: OutputError(path: folder + "/a.json", fault: .namedTwice)) {
      try OutputSet(["a.json", "a.json"].map { OutputTarget(path: folder + "/" + $0, force: true) })
    }
  }

  /// A file that appears at one target during the work makes the whole set fail at publication:
  /// nothing new is left, and the file that appeared is untouched.
  @Test func aFileThatAppearsMeanwhileTakesBackTheWholeSet() throws {
    let folder = try temporaryFolder()
    let set = try OutputSet(["a.json", "b.html", "c.csv"].map { OutputTarget(path: folder + "/" + $0, force: false) })
    for target in set.targets { try set.write(Data("new".utf8), to: target) }
    try Data("theirs".utf8).write(to: URL(fileURLWithPath: folder + "/c.csv"))
    #expect(throws: OutputError(path: folder + "/c.csv", fault: .appeared)) { try set.publish() }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["c.csv"])
    #expect(try contents(folder + "/c.csv") == "theirs")
  }

  /// With force, a failure part-way restores the files that were replaced.
  @Test func aFailedForcedSetRestoresTheReplacedFiles() throws {
    let folder = try temporaryFolder()
    try Data("old a".utf8).write(to: URL(fileURLWithPath: folder + "/a.json"))
    let set = try OutputSet(["a.json", "b"].map { OutputTarget(path: folder + "/" + $0, force: true) })
    for target in set.targets { try set.write(Data("new".utf8), to: target) }
    try FileManager.default.createDirectory(atPath: folder + "/b", withIntermediateDirectories: false)
    #expect(throws: OutputError(path: folder + "/b", fault: .isDirectory)) { try set.publish() }
    #expect(try contents(folder + "/a.json") == "old a")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.json", "b"])
  }

  /// Temporary files of a process that no longer exists are removed by the next set made in
  /// their folder; those of a live process, and other files, are not.
  @Test func removesTheTemporaryFilesOfDeadProcesses() throws {
    let folder = try temporaryFolder()
    let dead = Process()
    dead.executableURL = URL(fileURLWithPath: "/bin/true")
    try dead.run()
    dead.waitUntilExit()
    let pid = dead.processIdentifier
    let abandoned = [".iccsim-out.json-\(pid).tmp", ".iccsim-out.json-\(pid).previous.tmp"]
    let kept = [".iccsim-out.json-1.tmp", ".out.json.123.tmp", "notes.txt"]
    for name in abandoned + kept { try Data().write(to: URL(fileURLWithPath: folder + "/" + name)) }
    _ = try OutputSet([OutputTarget(path: folder + "/result.json", force: false)])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == kept.sorted())
    #expect(TemporaryName.owner(of: ".iccsim-a-b-42.tmp") == 42)
    #expect(TemporaryName.owner(of: ".iccsim-a-42.previous.tmp") == 42)
    #expect(TemporaryName.owner(of: ".iccsim-a.tmp") == nil)
  }
}
