import Foundation
import Testing
import _TestSupport

/// The layering of the package, checked on the sources themselves (docs/README.md,
/// "Architecture"): data flows one way through the library targets, and the executable is a
/// thin layer that parses arguments, calls the libraries and prints.
///
/// - Only `Sources/iccsim` imports ArgumentParser: no library knows about command lines.
/// - `Sources/iccsim` holds no file-format and no statistics code. The rule that stands for
///   this: it imports no statistics target (LinearAlgebra, Stochastics, CLAPACK) and no
///   format or hashing package (Yams, ZIPFoundation, Crypto); it names none of Foundation's
///   coders and parsers (`JSONEncoder`, `JSONDecoder`, `JSONSerialization`, the property-list
///   and XML ones), since every file format is a library's type with its coding (results and
///   partial results in Simulation, shards in Analysis, `ResultCoding` for the JSON settings);
///   and no file is longer than 200 lines, which a command definition with its help text fits
///   and a parser or a numerical routine hidden beside it soon does not.
/// - Every library and executable target imports exactly the targets and products it declares
///   in Package.swift (besides the toolchain's system modules): the graph drawn there is the
///   graph the code has.
@Suite("Architecture")
struct ArchitectureTests {
  static let sources = repositoryRoot.appendingPathComponent("Sources")
  static let executable = "iccsim"

  /// Modules of the toolchain and the platform, which no target declares.
  static let systemModules: Set = [
    "Foundation", "FoundationEssentials", "FoundationXML", "Dispatch", "Glibc", "Darwin", "Synchronization",
    "Testing", "XCTest",
  ]

  @Test func onlyTheExecutableImportsArgumentParser() throws {
    let importers = try Self.targets().filter { try Self.imports(of: $0).contains("ArgumentParser") }
    #expect(importers == [Self.executable])
  }

  @Test func theExecutableHoldsNoFileFormatOrStatisticsCode() throws {
    let forbiddenImports: Set = ["LinearAlgebra", "Stochastics", "CLAPACK", "Yams", "ZIPFoundation", "Crypto"]
    let forbiddenNames = [
      "JSONEncoder", "JSONDecoder", "JSONSerialization", "PropertyListEncoder", "PropertyListDecoder",
      "PropertyListSerialization", "XMLParser", "XMLDocument",
    ]
    let files = try Self.swiftFiles(in: Self.executable)
    #expect(files.count > 10, "the executable's sources were not found")
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      let name = file.path.replacingOccurrences(of: Self.sources.path + "/", with: "")
      let imported = Self.imports(in: text).intersection(forbiddenImports)
      #expect(imported.isEmpty, "\(name) imports \(imported.sorted())")
      for forbidden in forbiddenNames {
        #expect(!text.contains(forbidden), "\(name) uses \(forbidden): a file format belongs in a library")
      }
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
      #expect(lines <= 200, "\(name) has \(lines) lines: move its logic into a library")
    }
  }

  /// Every line of every Swift file under Sources/ and Tests/ fits in 120 columns (counted in
  /// UTF-8 bytes, which is stricter than columns for CJK text); swift-format keeps the rest of
  /// the layout (`.ci/format-check`).
  @Test func everySourceLineFitsIn120Columns() throws {
    var long: [String] = []
    for folder in ["Sources", "Tests"] {
      let root = repositoryRoot.appendingPathComponent(folder)
      let files =
        FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
        .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
      for file in files {
        let lines = try String(contentsOf: file, encoding: .utf8).split(
          separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() where line.utf8.count > 120 {
          long.append("\(file.path.dropFirst(repositoryRoot.path.count + 1)):\(number + 1)")
        }
      }
    }
    #expect(long.isEmpty, "lines over 120 columns: \(long.prefix(20).joined(separator: ", "))")
  }

  /// A command's discussion keeps its line breaks in `--help`, which wraps at 80 columns: a
  /// longer line would break into a ragged pair. So every discussion line fits in 79.
  @Test func commandDiscussionsFitTheHelpWidth() throws {
    let folder = repositoryRoot.appendingPathComponent("Sources/iccsim")
    let files =
      FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
    var long: [String] = []
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      for block in text.components(separatedBy: "discussion: \"\"\"\n").dropFirst() {
        let lines = block.components(separatedBy: "\n").prefix { !$0.hasSuffix("\"\"\"") && !$0.hasSuffix("\"\"\")") }
        let indent = lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        long += lines.filter { $0.count - indent > 79 }.map { "\(file.lastPathComponent): \($0)" }
      }
    }
    #expect(files.count > 10 && long.isEmpty, "\(long)")
  }

  @Test func importsMatchTheDeclaredDependencies() throws {
    let declared = try Self.declaredDependencies()
    for target in try Self.targets() {
      guard let dependencies = declared[target] else {
        Issue.record("Sources/\(target) is not a target of Package.swift")
        continue
      }
      let imported = try Self.imports(of: target).subtracting(Self.systemModules)
      #expect(
        imported.subtracting(dependencies).isEmpty,
        "\(target) imports \(imported.subtracting(dependencies).sorted()) without declaring them")
      #expect(
        dependencies.subtracting(imported).isEmpty,
        "\(target) declares \(dependencies.subtracting(imported).sorted()) but imports none of them")
    }
  }

  /// The declared dependencies are read as they are written.
  @Test func packageManifestIsReadAsDeclared() throws {
    let declared = try Self.declaredDependencies()
    #expect(declared["LinearAlgebra"] == ["CLAPACK", "ErrorCategories"])
    #expect(declared["FileOutput"] == ["ErrorCategories"])
    #expect(declared["ErrorCategories"] == [])
    #expect(declared["iccsim"]?.contains("ArgumentParser") == true)
    #expect(declared["CityModel"]?.contains("Yams") == true)
  }

  // MARK: - Reading the sources

  /// The folders of Sources/ that hold Swift files.
  static func targets() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted().filter { name in
      !(try swiftFiles(in: name)).isEmpty
    }
  }

  static func swiftFiles(in target: String) throws -> [URL] {
    let folder = sources.appendingPathComponent(target)
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
    return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
  }

  static func imports(of target: String) throws -> Set<String> {
    try swiftFiles(in: target).reduce(into: []) { modules, file in
      modules.formUnion(imports(in: try String(contentsOf: file, encoding: .utf8)))
    }
  }

  /// The modules of `import X` lines, with any attribute or import kind before the name.
  static func imports(in text: String) -> Set<String> {
    let pattern = /^\s*(?:@\S+\s+)*import\s+(?:(?:struct|class|enum|func|var|let|protocol|typealias)\s+)?(\w+)/
    return Set(
      text.split(separator: "\n").compactMap { line in
        (try? pattern.firstMatch(in: String(line))).map { String($0.output.1) }
      })
  }

  /// Each target of Package.swift with its dependencies: the names of targets and products.
  static func declaredDependencies() throws -> [String: Set<String>] {
    let manifest = try String(contentsOf: repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
    let start = /\.(?:target|executableTarget|testTarget|systemLibrary)\(\s*name:\s*"([^"]+)"/
    let matches = manifest.matches(of: start)
    var declared: [String: Set<String>] = [:]
    for (k, match) in matches.enumerated() {
      let end = k + 1 < matches.count ? matches[k + 1].range.lowerBound : manifest.endIndex
      let body = manifest[match.range.upperBound..<end]
      var dependencies: Set<String> = []
      if let list = body.firstMatch(of: /dependencies:\s*\[([^\]]*)\]/) {
        let names = String(list.output.1).replacing(/package:\s*"[^"]*"/, with: "")
        dependencies = Set(names.matches(of: /"([^"]+)"/).map { String($0.output.1) })
      }
      declared[String(match.output.1)] = dependencies
    }
    return declared
  }
}
