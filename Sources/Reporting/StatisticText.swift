import Foundation

/// The number formats of the statistical reports (regression, sensitivity, calibration,
/// backtest): fixed decimals or four significant digits, as C's `printf` writes them.
enum StatisticText {
  /// `value` with `decimals` digits after the point (`%.Nf`).
  static func fixed(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
  }

  /// `value` to four significant digits (`%.4g`).
  static func significant(_ value: Double) -> String {
    String(format: "%.4g", value)
  }

  /// Decimals that show the largest value to three significant digits (at most 6).
  static func decimals(forLargest value: Double) -> Int {
    guard value > 0, value.isFinite else { return 2 }
    return min(6, max(0, 2 - Int(log10(value).rounded(.down))))
  }
}
