import Foundation

/// How the numbers of one row or column are shown to people, chosen from the unit so that a
/// table reads naturally: 亿元 and other quantities to four significant digits with thousands
/// separators, scores to one decimal, counts and ranks as integers when they are whole,
/// probabilities as percentages.
///
/// Formatting is done by hand, not by `NumberFormatter`, so output is identical on every host
/// and locale.
public struct NumberFormat: Sendable, Equatable, Codable {
  public enum Style: String, Sendable, Codable {
    /// Money and other large quantities: grouped, no decimals past four significant digits.
    case quantity
    /// A 0–100 score: one decimal.
    case score
    /// Counts and ranks: grouped integers when whole, one decimal otherwise.
    case count
    /// A probability in [0, 1] shown as a percentage.
    case percent
  }

  public var style: Style
  /// Digits after the decimal point (of the percentage, for `percent`).
  public var decimals: Int
  /// Show a plus sign on positive numbers (for differences).
  public var signed: Bool

  public init(style: Style, decimals: Int, signed: Bool = false) {
    self.style = style
    self.decimals = decimals
    self.signed = signed
  }

  /// The format for a set of values in `unit` (one row or column), so a row shares its decimals.
  public static func fitting(_ values: [Double], unit: String, signed: Bool = false) -> NumberFormat {
    let style = Style(unit: unit)
    let finite = values.filter(\.isFinite)
    switch style {
    case .score:
      return NumberFormat(style: .score, decimals: 1, signed: signed)
    case .count:
      // Counts modelled continuously have fractional quantiles; a tenth is worth showing on
      // small counts only (a rank of 9.4), not on 3,059.3 brands.
      let whole = finite.allSatisfy { $0 == $0.rounded() }
      let small = (finite.map(abs).max() ?? 0) < 100
      return NumberFormat(style: .count, decimals: whole || !small ? 0 : 1, signed: signed)
    case .percent:
      let tiny = finite.contains { $0 != 0 && abs($0) < 0.01 }
      return NumberFormat(style: .percent, decimals: tiny ? 1 : 0, signed: signed)
    case .quantity:
      let largest = finite.map(abs).max() ?? 0
      let integerDigits = largest < 1 ? 0 : Int(log10(largest).rounded(.down)) + 1
      let cap = largest < 1 ? 2 : 1
      // A row of zeros (a plan that leaves a quantity alone) reads as 0, not 0.00.
      let decimals = largest == 0 ? 0 : min(cap, max(0, 4 - integerDigits))
      return NumberFormat(style: .quantity, decimals: decimals, signed: signed)
    }
  }

  /// The format for axis ticks: as many decimals as the step between ticks needs, grouped.
  public static func axis(_ ticks: [Double], signed: Bool = false) -> NumberFormat {
    let step = ticks.count > 1 ? abs(ticks[1] - ticks[0]) : 1
    let decimals = step >= 1 || step == 0 ? 0 : Int((-log10(step)).rounded(.up))
    return NumberFormat(style: .quantity, decimals: min(6, decimals), signed: signed)
  }

  /// The number for people: grouped thousands, a percent sign for percentages, a plus sign on
  /// positive numbers when `signed`.
  public func string(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
    let shown = style == .percent ? value * 100 : value
    return withSign(Self.digits(shown, decimals: decimals, grouped: true)) + (style == .percent ? "%" : "")
  }

  /// The number with no grouping or percent sign (for `\num{}` in LaTeX and for data files); a
  /// percentage is given in percent, so `\num{62}\%` reads as the table does.
  public func plain(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
    return withSign(Self.digits(style == .percent ? value * 100 : value, decimals: decimals, grouped: false))
  }

  private func withSign(_ digits: String) -> String {
    let nonZero = digits.contains { $0.isNumber && $0 != "0" }
    return signed && nonZero && !digits.hasPrefix("-") ? "+" + digits : digits
  }

  /// Rounds half away from zero to `decimals` places, then groups the integer part by threes.
  private static func digits(_ value: Double, decimals: Int, grouped: Bool) -> String {
    let scale = Int64(pow(10, Double(decimals)))
    let scaled = Int64((abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero))
    var integerText = String(scaled / scale)
    if grouped && integerText.count > 3 {
      var groups: [Substring] = []
      var end = integerText.endIndex
      while end > integerText.startIndex {
        let start = integerText.index(end, offsetBy: -3, limitedBy: integerText.startIndex) ?? integerText.startIndex
        groups.insert(integerText[start..<end], at: 0)
        end = start
      }
      integerText = groups.joined(separator: ",")
    }
    var text = (value < 0 && scaled != 0 ? "-" : "") + integerText
    if decimals > 0 {
      let fraction = String(scaled % scale)
      text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    return text
  }
}

extension NumberFormat.Style {
  /// The style that suits a catalogue unit ("亿元", "万人次", "count", "rank", "score 0–100", …).
  public init(unit: String) {
    let lowered = unit.lowercased()
    if lowered.hasPrefix("score") || unit == "分" {
      self = .score
    } else if ["count", "rank", "per year", "beds", "vehicles", "个", "位"].contains(lowered) {
      self = .count
    } else if lowered == "probability" || unit == "%" {
      self = .percent
    } else {
      self = .quantity
    }
  }
}
