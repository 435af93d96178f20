import ErrorCategories
import Foundation
import Testing

@testable import Reporting

@Suite struct ResultDocumentTests {
  @Test func tellsRunsFromComparisons() throws {
    #expect(
      try ResultDocument.decode(Fixtures.data("run-shanghai-flagship.json"), source: "r.json") == Fixtures.runDocument()
    )
    let comparison = try ResultDocument.decode(Fixtures.data("compare-shanghai.json"), source: "c.json")
    #expect(comparison.fileStem == "compare-shanghai-baseline")
    #expect(try Fixtures.runDocument().fileStem == "run-shanghai-flagship", "one pattern: <command>-<scenario>")
  }

  @Test(arguments: [
    ("[1, 2]", "r.json: not a run or comparison result: not a JSON object"),
    (#"{"scenario": "x"}"#, "r.json: not a run or comparison result: missing key 'title'"),
    (
      #"{"base": "b", "outputs": [], "comparisons": [{"scenario": 3}]}"#,
      "r.json: not a run or comparison result: expected String at comparisons[0].scenario"
    ),
  ])
  func explainsWhatIsWrong(json: String, message: String) {
    do {
      _ = try ResultDocument.decode(Data(json.utf8), source: "r.json")
      Issue.record("decoding should fail")
    } catch {
      #expect(error.description == message)
      #expect(error.category == .data)
    }
  }
}
