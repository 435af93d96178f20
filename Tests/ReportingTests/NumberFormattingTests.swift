import Testing

@testable import Reporting

/// Known renderings; exact string equality (formatting is deterministic by construction).
@Suite struct NumberFormattingTests {
  @Test(
    arguments: [
      // 亿元: four significant digits at most, grouped thousands.
      ([29038.1], "亿元", 29038.1, "29,038"),
      ([18515.5, 33070.6], "亿元", 25497.3, "25,497"),
      ([364.5], "万人次", 364.5, "364.5"),
      ([1359.2, 364.5], "万人次", 591.3, "591"),
      ([0.69], "亿元", 0.6949, "0.69"),
      ([1_234_567.4], "亿元", 1_234_567.4, "1,234,567"),
      // Scores: one decimal, rounding half away from zero.
      ([86.55], "score 0–100", 86.55, "86.6"),
      ([61.2], "score", 61.0, "61.0"),
      // A quantity that is zero throughout.
      ([0, 0], "km", 0, "0"),
      // Counts of things: whole numbers, always (a stock in mid-ramp is 7 districts, not 6.7).
      ([14, 20], "count", 14, "14"),
      ([14, 14.6], "count", 14.6, "15"),
      ([5, 6.7], "count", 6.7, "7"),
      ([3_000, 3_059.3], "count", 3_059.3, "3,059"),
      ([2500, 2500.4], "beds", 2500.4, "2,500"),
      ([8.5], "per year", 8.5, "9"),
      ([31.2], "vehicles", 31.2, "31"),
      // Ranks: integers when whole or from 100 up, one decimal otherwise (a median rank of 9.4).
      ([12, 8], "rank", 12, "12"),
      ([9, 9.4], "rank", 9.4, "9.4"),
      // Probabilities as percentages.
      ([0.6214], "%", 0.6214, "62%"),
      ([0.001, 0.5], "%", 0.001, "0.1%"),
      // Never a certainty that is not one: only an exact 0 or 1 reads 0% or 100%.
      ([0.9998], "%", 0.9998, "> 99.9%"),
      ([0.0002], "%", 0.0002, "< 0.1%"),
      ([0.5, 0.996], "%", 0.996, "99.6%"),
      ([0.5, 0.003], "%", 0.003, "0.3%"),
      ([0.5, 0.9994], "%", 0.9994, "99.9%"),
      ([1], "%", 1, "100%"),
      ([0, 0.5], "%", 0, "0%"),
    ] as [([Double], String, Double, String)])
  func formatsByUnit(values: [Double], unit: String, value: Double, expected: String) {
    #expect(NumberFormat.fitting(values, unit: unit).string(value) == expected)
  }

  @Test func signedDifferencesShowPlusButNeverOnZero() {
    let format = NumberFormat.fitting([2.6], unit: "score", signed: true)
    #expect(format.string(2.6) == "+2.6")
    #expect(format.string(-1.2) == "-1.2")
    #expect(format.string(0) == "0.0")
    #expect(format.string(-0.04) == "0.0", "a negative number that rounds to zero loses its sign")
    #expect(format.string(-0.05) == "-0.1", "half rounds away from zero")
  }

  @Test func nearCertaintiesKeepTheirComparatorInLaTeXAndYearsAreNotGrouped() {
    #expect(NumberFormat.fitting([0.9998], unit: "%").plain(0.9998) == "> 99.9")
    #expect(NumberFormat.year.string(2030) == "2030")
    #expect(NumberFormat.fitting([2030], unit: "count").string(2030) == "2,030")
  }

  @Test func plainFormIsUngroupedForLaTeX() {
    let format = NumberFormat.fitting([29038.1], unit: "亿元")
    #expect(format.plain(29038.1) == "29038")
    #expect(NumberFormat.fitting([0.62], unit: "%").plain(0.6214) == "62")
    #expect(NumberFormat.fitting([1.0], unit: "score", signed: true).plain(1.25) == "+1.3")
  }

  @Test func axisFormatHasTheDecimalsOfItsStep() {
    #expect(NumberFormat.axis([0, 20, 40]).string(40) == "40")
    #expect(NumberFormat.axis([0, 0.5, 1]).string(0.5) == "0.5")
    #expect(NumberFormat.axis([0, 0.05, 0.1]).string(0.1) == "0.10")
    #expect(NumberFormat.axis([-2000, 0, 2000], signed: true).string(2000) == "+2,000")
  }

  @Test func niceTicksEncloseTheDataWithRoundSteps() {
    #expect(niceTicks(58.9, 90.7) == [50, 60, 70, 80, 90, 100])
    #expect(niceTicks(6.51, 12.15) == [6, 8, 10, 12, 14])
    #expect(niceTicks(0, 1) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(niceTicks(5, 5).count >= 2, "a flat series still gets an axis")
    #expect(niceTicks(0, 0) == [0, 0.2, 0.4, 0.6, 0.8, 1], "a series stuck at zero is drawn on 0…1, not −1…1")
  }
}
