import ErrorCategories
import Foundation
import Testing

@testable import FileOutput

/// A fresh empty folder for one test.
func temporaryFolder() throws -> String {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-output-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url.path
}

func contents(_ path: String) throws -> String {
  try String(contentsOfFile: path, encoding: .utf8)
}

@Suite struct AtomicWriteTests {
  @Test func refusesToReplaceWithoutForceAndLeavesTheFileAlone() throws {
    let folder = try temporaryFolder()
    let file = folder + "/table.md"
    try AtomicWrite.write(Data("first".utf8), to: file, force: false)
    #expect(throws: OutputError(path: file, fault: .exists)) {
      try AtomicWrite.write(Data("second".utf8), to: file, force: false)
    }
    #expect(try contents(file) == "first")
    try AtomicWrite.write(Data("third".utf8), to: file, force: true)
    #expect(try contents(file) == "third")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["table.md"], "no temporary file left")
    #expect(OutputError(path: file, fault: .exists).category == .cannotCreate)
    #expect(
      "\(OutputError(path: "x.md", fault: .exists))" == "cannot write x.md: it exists; pass --force to replace it")
  }

  @Test func aMissingFolderCannotBeWritten() throws {
    let folder = try temporaryFolder()
    let notAFolder = folder + "/file"
    try Data().write(to: URL(fileURLWithPath: notAFolder))
    for target in [folder + "/missing/out.csv", notAFolder + "/out.csv"] {
      do {
        try AtomicWrite.write(Data("x".utf8), to: target, force: true)
        Issue.record("writing \(target) should fail")
      } catch {
        guard case .missingDirectory = error.fault else { throw error }
        #expect(error.category == .cannotCreate)
      }
    }
  }

  /// A directory, a FIFO and a symbolic link at the path are refused with or without force, and
  /// left as they were.
  @Test(arguments: [false, true])
  func refusesWhatIsNotARegularFile(force: Bool) throws {
    let folder = try temporaryFolder()
    let directory = folder + "/dir", fifo = folder + "/fifo", link = folder + "/link", linked = folder + "/linked"
    try FileManager.default.createDirectory(atPath: directory + "/inside", withIntermediateDirectories: true)
    #expect(mkfifo(fifo, 0o644) == 0)
    try Data("kept".utf8).write(to: URL(fileURLWithPath: linked))
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: linked)
    let expected: [(String, OutputError.Fault)] = [
      (directory, .isDirectory), (fifo, .notRegularFile(kind: "a FIFO")),
      (link, .notRegularFile(kind: "a symbolic link")),
    ]
    for (path, fault) in expected {
      #expect(throws: OutputError(path: path, fault: fault)) {
        try AtomicWrite.write(Data("x".utf8), to: path, force: force)
      }
    }
    #expect(FileManager.default.fileExists(atPath: directory + "/inside"))
    #expect(FileKind(atPath: fifo) == .special("a FIFO"))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == linked)
    #expect(try contents(linked) == "kept")
    #expect("\(OutputError(path: "d", fault: .isDirectory))" == "cannot write d: it is a directory")
    #expect(
      "\(OutputError(path: "f", fault: .notRegularFile(kind: "a FIFO")))"
        == "cannot write f: it is not a regular file (a FIFO)")
  }

  @Test func faultsMapToSysexits() {
    #expect(OutputError.system(ENOSPC, path: "f", creating: false) == OutputError(path: "f", fault: .noSpace))
    #expect(OutputError.system(EDQUOT, path: "f", creating: true).fault == .noSpace)
    #expect(OutputError(path: "f", fault: .noSpace).category == .ioError)
    #expect(OutputError.system(EIO, path: "f", creating: false).category == .ioError)
    #expect(OutputError.system(EACCES, path: "f", creating: true).category == .cannotCreate)
    #expect(
      "\(OutputError(path: StandardOutput.name, fault: .noSpace))"
        == "cannot write to standard output: no space left on device")
  }
}
