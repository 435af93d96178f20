import Foundation
import Testing
import _TestSupport

@testable import Reporting

/// Structural checks that hold for any table: environments balance, every row has as many
/// cells as the column specification, and no special character reaches TeX unescaped.
@Suite struct LaTeXExporterTests {
  @Test(
    arguments: [
      ("R&D 50% $5 #1 a_b {x}", ##"R\&D 50\% \$5 \#1 a\_b \{x\}"##),
      ("~ ^ \\", #"\textasciitilde{} \textasciicircum{} \textbackslash{}"#),
      ("≥ 25,000 – 2030 — end − 1", #"$\geq$ 25,000 -- 2030 --- end $-$ 1"#),
      ("上海·旗舰方案（测试数据）", "上海·旗舰方案（测试数据）"),
    ] as [(String, String)])
  func escapesSpecialCharacters(input: String, expected: String) {
    #expect(LaTeXExporter.escape(input) == expected)
  }

  @Test func environmentsBalanceAndRowsHaveEveryColumn() throws {
    for document in [try Fixtures.runDocument(), try Fixtures.comparisonDocument()] {
      let settings = ExportSettings(options: ReportOptions(language: .zh), standalone: true)
      let tex = String(decoding: try Exporter.render(document, as: .tex, settings: settings), as: UTF8.self)
      var stack: [String] = []
      let pattern = try NSRegularExpression(pattern: #"\\(begin|end)\{([a-z*]+)\}"#)
      for match in pattern.matches(in: tex, range: NSRange(tex.startIndex..., in: tex)) {
        let kind = String(tex[Range(match.range(at: 1), in: tex)!])
        let name = String(tex[Range(match.range(at: 2), in: tex)!])
        if kind == "begin" {
          stack.append(name)
        } else {
          #expect(stack.popLast() == name, "\\end{\(name)} closes the innermost open environment")
        }
      }
      #expect(stack.isEmpty)
      #expect(tex.hasPrefix("\\documentclass{ctexart}"), "Chinese text needs ctexart (XeLaTeX)")

      // Every line of a tabular body ending in \\ has (columns − 1) unescaped & separators.
      for block in tex.components(separatedBy: "\\begin{tabular}{").dropFirst() {
        let specification = block.components(separatedBy: "@{}}")[0].replacingOccurrences(of: "@{}", with: "")
        let body = block.components(separatedBy: "\\end{tabular}")[0]
        for line in body.components(separatedBy: "\n") where line.hasSuffix("\\\\") && !line.hasPrefix("\\multicolumn")
        {
          let separators = line.replacingOccurrences(of: "\\&", with: "").filter { $0 == "&" }.count
          #expect(separators == specification.count - 1, "row has every column: \(line)")
        }
      }
      // No bare special characters outside commands: strip escapes and commands, then look.
      let stripped = tex.replacingOccurrences(of: #"\\[a-zA-Z]+(\[[^\]]*\])?"#, with: "", options: .regularExpression)
        .replacingOccurrences(of: #"\\[&%$#_{}, ]"#, with: "", options: .regularExpression)
      #expect(!stripped.contains("%"), "every % is escaped")
      #expect(!stripped.contains("#"), "every # is escaped")
      #expect(!stripped.contains("_"), "every _ is escaped")
    }
  }

  @Test func numbersGoThroughSiunitx() throws {
    let tex = String(decoding: try Exporter.render(Fixtures.runDocument(), as: .tex), as: UTF8.self)
    #expect(tex.contains(#"\num{29038} [\num{25497}--\num{33071}]"#))
    #expect(tex.contains(#"\num{62}\%"#))
  }

  /// Compiles both standalone documents with XeLaTeX (ctex, booktabs, siunitx). Slow and needs
  /// a TeX installation, so it runs only when ICCSIM_COMPILE_TEX=1.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["ICCSIM_COMPILE_TEX"] == "1", "set ICCSIM_COMPILE_TEX=1"))
  func standaloneDocumentsCompileWithXeLaTeX() throws {
    let directory = try Fixtures.temporaryDirectory()
    for (name, document, language) in [
      ("run-zh", try Fixtures.runDocument(), "zh"), ("compare-en", try Fixtures.comparisonDocument(), "en"),
    ] {
      let settings = ExportSettings(options: ReportOptions(language: language == "zh" ? .zh : .en), standalone: true)
      try Exporter.render(document, as: .tex, settings: settings).write(
        to: directory.appendingPathComponent("\(name).tex"))
      let xelatex = try execute(
        ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "\(name).tex"],
        executable: URL(fileURLWithPath: "/usr/bin/env"), in: directory)
      #expect(xelatex.status == 0, "xelatex \(name).tex (log in \(directory.path))")
      #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("\(name).pdf").path))
    }
  }
}
