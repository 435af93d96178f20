import Foundation
import Testing
import _TestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `iccsim export RESULT --format svg --out DIR`: one standalone SVG file per chart of the HTML
/// page, named by content, written all or none.
@Suite struct SVGExportTests {
  static let run = Fixtures.directory.appendingPathComponent("run-shanghai-flagship.json").path
  static let comparison = Fixtures.directory.appendingPathComponent("compare-shanghai.json").path

  /// The root element's name and attributes of an XML document, or nil when it is not well formed.
  final class RootReader: NSObject, XMLParserDelegate {
    var root: (name: String, attributes: [String: String])?
    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      if root == nil { root = (name, attributes) }
    }

    static func read(_ data: Data) -> (name: String, attributes: [String: String])? {
      let reader = RootReader()
      let parser = XMLParser(data: data)
      parser.delegate = reader
      return parser.parse() ? reader.root : nil
    }
  }

  /// The `<svg>…</svg>` elements of an HTML page.
  static func svgElements(in html: String) -> [String] {
    html.components(separatedBy: "<svg ").dropFirst().map {
      "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>\n"
    }
  }

  @Test(arguments: ["zh", "en"]) func writesEveryChartOfTheHTMLPageAsItsOwnFile(language: String) throws {
    let directory = try Fixtures.temporaryDirectory().appendingPathComponent("slides/charts")
    let result = try execute(["export", Self.run, "--format", "svg", "--out", directory.path, "--lang", language])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(names.count == 14, "13 fans and the index by dimension")
    #expect(names.contains("fan-retail_sales.svg") && names.contains("index-by-dimension.svg"))
    #expect(names.allSatisfy { $0.hasSuffix(".svg") })

    let html = try execute(["export", Self.run, "--format", "html", "--lang", language]).stdout
    let inPage = Set(Self.svgElements(in: html))
    #expect(inPage.count == 14)
    for name in names {
      let data = try Data(contentsOf: directory.appendingPathComponent(name))
      let text = String(decoding: data, as: UTF8.self)
      let root = try #require(RootReader.read(data), "\(name) is well-formed XML")
      #expect(root.name == "svg")
      #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
      #expect(root.attributes["xml:lang"] == (language == "zh" ? "zh-CN" : "en"))
      let fonts = root.attributes["font-family"] ?? ""
      #expect(fonts.hasPrefix("'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei'"))
      #expect(fonts.hasSuffix("sans-serif"))
      #expect(text.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n<svg "))
      let element = String(text.drop { $0 != "\n" }.dropFirst())
      #expect(inPage.contains(element), "\(name) is the same drawing as the page's")
    }
  }

  @Test func aComparisonGivesItsDifferenceChart() throws {
    let directory = try Fixtures.temporaryDirectory()
    let result = try execute(["export", Self.comparison, "--format", "svg", "--out", directory.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["differences-2033.svg"])
    let html = try execute(["export", Self.comparison, "--format", "html"]).stdout
    let file = try String(contentsOf: directory.appendingPathComponent("differences-2033.svg"), encoding: .utf8)
    #expect(Self.svgElements(in: html) == [String(file.drop { $0 != "\n" }.dropFirst())])
  }

  @Test func existingFilesAreReplacedOnlyWithForceAndNothingIsWrittenOtherwise() throws {
    let directory = try Fixtures.temporaryDirectory()
    let existing = directory.appendingPathComponent("fan-retail_sales.svg")
    try Data("mine\n".utf8).write(to: existing)
    let refused = try execute(["export", Self.run, "--format", "svg", "--out", directory.path])
    #expect(refused.status == 73)
    #expect(refused.stderr.contains("\(existing.path): it exists; pass --force to replace it"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["fan-retail_sales.svg"])
    #expect(try String(contentsOf: existing, encoding: .utf8) == "mine\n")
    let forced = try execute(["export", Self.run, "--format", "svg", "--out", directory.path, "--force"])
    #expect(forced.status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 14)
    #expect(try String(contentsOf: existing, encoding: .utf8).contains("<svg "))
  }

  @Test func usageAndInputErrorsLeaveNoFolder() throws {
    let parent = try Fixtures.temporaryDirectory()
    let directory = parent.appendingPathComponent("charts")
    let withoutOut = try execute(["export", Self.run, "--format", "svg"])
    #expect(withoutOut.status == 64 && withoutOut.stderr.contains("--format svg needs --out DIR"))
    let broken = parent.appendingPathComponent("broken.json")
    try Data(#"{"scenario": 1}"#.utf8).write(to: broken)
    #expect(try execute(["export", broken.path, "--format", "svg", "--out", directory.path]).status == 65)
    #expect(!FileManager.default.fileExists(atPath: directory.path), "no folder is left behind")
    let file = parent.appendingPathComponent("file")
    try Data().write(to: file)
    #expect(try execute(["export", Self.run, "--format", "svg", "--out", file.path]).status == 73)
  }
}
