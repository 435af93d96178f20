import CityModel
import ErrorCategories
import Foundation
import Testing

@testable import Estimation

@Suite("Reading panel data")
struct DataReadingTests {
  @Test func quotedFieldsCRLFAndByteOrderMark() throws {
    let csv = "\u{FEFF}city,year,note,y\r\nshanghai,2020,\"a, \"\"quoted\"\" note\",1.5\r\n\r\nbeijing,2021,,2\r\n"
    let table = try DataTable.parse(csv: csv, file: "t.csv")
    #expect(table.columnNames == ["city", "year", "note", "y"])
    #expect(try table.labels("note") == ["a, \"quoted\" note", nil])
    #expect(try table.numbers("y") == [1.5, 2])
    #expect(
      table.location(row: 1, column: 3) == CellLocation(file: "t.csv", line: 4, column: 4),
      "the blank line still counts")
  }

  @Test func unterminatedQuoteAndTextAfterAQuoteAreReported() throws {
    #expect(
      throws: EstimationError.malformedTable(
        CellLocation(file: "t.csv", line: 2, column: 2), "unterminated quoted field")
    ) {
      try DataTable.parse(csv: "a,b\n1,\"open\n2,3\n", file: "t.csv")
    }
    #expect(
      throws: EstimationError.malformedTable(
        CellLocation(file: "t.csv", line: 2, column: 1), "text after a closing quote")
    ) {
      try DataTable.parse(csv: "a,b\n\"x\"y,1\n", file: "t.csv")
    }
    #expect(
      try DataTable.parse(csv: "a,b\n5\" screen,1\n").labels("a") == ["5\" screen"],
      "a quote inside an unquoted field is literal")
  }

  @Test func raggedRowIsReportedWithItsLine() {
    #expect(
      throws: EstimationError.malformedTable(
        CellLocation(file: "t.csv", line: 3, column: 3), "expected 3 fields as in the header, found 2")
    ) {
      try DataTable.parse(csv: "a,b,c\n1,2,3\n4,5\n", file: "t.csv")
    }
  }

  @Test func everyNonNumericCellOfTheUsedColumnsIsReported() throws {
    let csv = "city,y,x,label\nA,1,2,p\nB,two,3,q\nC,3,n/a,r\nD,NA,,s\n"
    let table = try DataTable.parse(csv: csv, file: "panel.csv")
    let error = #expect(throws: EstimationError.self) {
      try Design(formula: Formula(parsing: "y ~ x"), data: table)
    }
    #expect(
      error?.description == """
        panel.csv:3:2: "two" in column y is not a number (leave the cell empty or write NA for a missing value)
        panel.csv:4:3: "n/a" in column x is not a number (leave the cell empty or write NA for a missing value)
        """)
    #expect(error?.category == .data)
  }

  @Test func unknownColumnSuggestsTheClosestName() throws {
    let table = try DataTable.parse(csv: "city,retail_sales,metro_km\nA,1,2\n", file: "panel.csv")
    #expect(throws: EstimationError.unknownColumn(name: "metro_kms", suggestion: "metro_km", file: "panel.csv")) {
      try Design(formula: Formula(parsing: "retail_sales ~ metro_kms"), data: table)
    }
    let error = EstimationError.unknownColumn(name: "metro_kms", suggestion: "metro_km", file: "panel.csv")
    #expect(error.description == "panel.csv: no column named `metro_kms`; did you mean `metro_km`?")
  }

  @Test func missingCellsAreDroppedListwiseAndCounted() throws {
    let csv = "y,x,z\n1,1,5\n2,,6\n3,3,\n4,4,8\n5,5,9\n7,6,11\n"
    let design = try Design(formula: Formula(parsing: "y ~ x"), data: DataTable.parse(csv: csv))
    #expect(design.observationCount == 5, "z is not used, so its missing cell drops nothing")
    #expect(design.droppedCount == 1)
    let both = try Design(formula: Formula(parsing: "y ~ x + z"), data: DataTable.parse(csv: csv))
    #expect(both.observationCount == 4)
    #expect(both.droppedCount == 2)
  }

  @Test func nothingLeftAfterDeletionIsAnError() throws {
    let csv = "y,x\n1,\n,2\n"
    #expect(throws: EstimationError.tooFewObservations(used: 0, dropped: 2, parameters: 2)) {
      try Design(formula: Formula(parsing: "y ~ x"), data: DataTable.parse(csv: csv))
    }
    #expect(
      EstimationError.tooFewObservations(used: 0, dropped: 2, parameters: 2).description
        == "no observations left after dropping 2 row(s) with missing values")
  }

  @Test func logOfANonPositiveValueIsAnErrorAtItsCell() throws {
    let csv = "y,x\n1,1\n2,0\n3,4\n4,-1\n"
    #expect(
      throws: EstimationError.undefinedTransform(
        term: "log(x)",
        locations: [CellLocation(file: "p.csv", line: 3, column: 2), CellLocation(file: "p.csv", line: 5, column: 2)],
        count: 2)
    ) {
      try Design(formula: Formula(parsing: "y ~ log(x)"), data: DataTable.parse(csv: csv, file: "p.csv"))
    }
  }

  @Test func tidyFileIsPivotedAndConflictsAreNamed() throws {
    let tidy = """
      city,indicator,year,value,unit,source
      A,y,2020,1,u,s
      A,x,2020,10,u,s
      B,y,2020,2,u,s
      A,y,2021,3,u,s
      B,x,2020,20,u,s
      A,y,2020,1.0,u,s
      """
    let table = try DataTable.parse(csv: tidy, file: "tidy.csv")
    #expect(table.columnNames == ["city", "year", "y", "x"])
    #expect(try table.labels("city") == ["A", "A", "B"])
    #expect(try table.numbers("y") == [1, 3, 2], "the repeated A 2020 y agrees (1 = 1.0) and is not a conflict")
    #expect(try table.numbers("x") == [10, nil, 20])
    #expect(
      table.location(row: 2, column: 3) == CellLocation(file: "tidy.csv", line: 6, column: 4),
      "B 2020 x came from line 6, field value")

    let conflicting = tidy + "\nA,x,2020,11,u,s"
    let unresolved = try DataTable.parse(csv: conflicting, file: "tidy.csv")
    #expect(
      throws: EstimationError.conflictingDuplicates(
        first: CellLocation(file: "tidy.csv", line: 3, column: 4),
        second: CellLocation(file: "tidy.csv", line: 8, column: 4),
        key: "A, 2020, x")
    ) {
      try unresolved.numbers("x")
    }
    #expect(try unresolved.numbers("y") == [1, 3, 2], "a column without conflicts reads as usual")
    #expect(try DataTable.parse(csv: conflicting, duplicates: .first).numbers("x") == [10, nil, 20])
    #expect(try DataTable.parse(csv: conflicting, duplicates: .mean).numbers("x") == [10.5, nil, 20])
  }

  /// Issue 19 item 8: a conflict in an indicator the formula does not use (gdp) is no error; one
  /// in a used column is refused at both lines, also through a mapping to a catalogue id.
  @Test func duplicatesAreCheckedOnlyInTheColumnsInPlay() throws {
    let tidy = """
      city,indicator,year,value
      A,y,2020,1
      A,x,2020,2
      A,gdp,2020,5
      A,gdp,2020,6
      A,y,2021,2
      A,x,2021,3
      B,y,2020,4
      B,x,2020,1
      B,y,2021,5
      B,x,2021,7
      A,y,2022,2.5
      A,x,2022,2
      """
    let table = try DataTable.parse(csv: tidy, file: "panel.csv")
    let fit = try Regression(fitting: Design(formula: Formula(parsing: "y ~ x"), data: table))
    #expect(fit.observationCount == 5)
    let gdpConflict = EstimationError.conflictingDuplicates(
      first: CellLocation(file: "panel.csv", line: 4, column: 4),
      second: CellLocation(file: "panel.csv", line: 5, column: 4), key: "A, 2020, gdp")
    #expect(throws: gdpConflict) { try Design(formula: Formula(parsing: "y ~ x + gdp"), data: table) }
    #expect(throws: gdpConflict) { try Design(formula: Formula(parsing: "y ~ C(gdp)"), data: table) }
    let mapping = PanelMapping(columns: ["gdp_total": "gdp"], file: nil)
    #expect(throws: gdpConflict) { try table.mapped(by: mapping, ids: ["gdp_total"]).numbers("gdp_total") }
  }

  @Test func invalidWeightsAreReported() throws {
    let csv = "y,x,w\n1,1,1\n2,2,0\n3,3,2\n4,5,1\n"
    #expect(
      throws: EstimationError.invalidWeights(locations: [CellLocation(file: "<memory>", line: 3, column: 3)], count: 1)
    ) {
      try Design(formula: Formula(parsing: "y ~ x"), data: DataTable.parse(csv: csv), weights: "w")
    }
  }

  @Test func categoricalCodingFollowsPatsy() throws {
    let csv = "y,x,g\n1,1,b\n2,2,a\n3,3,c\n4,5,a\n5,4,b\n"
    let treatment = try Design(formula: Formula(parsing: "y ~ x + C(g)"), data: DataTable.parse(csv: csv))
    #expect(
      treatment.columnNames == ["Intercept", "C(g)[T.b]", "C(g)[T.c]", "x"],
      "levels sorted, first is the base; categoricals first as in patsy")
    let full = try Design(formula: Formula(parsing: "y ~ C(g) + x - 1"), data: DataTable.parse(csv: csv))
    #expect(full.columnNames == ["C(g)[a]", "C(g)[b]", "C(g)[c]", "x"], "no intercept: every level")
    let slopes = try Design(formula: Formula(parsing: "y ~ x + C(g):x"), data: DataTable.parse(csv: csv))
    #expect(
      slopes.columnNames == ["Intercept", "x", "C(g)[T.b]:x", "C(g)[T.c]:x"], "x is in the model, so C(g) is reduced")
    #expect(Array(slopes.column(2)) == [1, 0, 0, 0, 4], "b rows times x")
  }
}
