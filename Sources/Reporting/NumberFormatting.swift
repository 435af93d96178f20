import CityModel
import Foundation

/// How the numbers of one row or column are shown to people, chosen from the unit so that a
/// table reads naturally: 亿元 and other quantities to four significant digits with thousands
/// separators, scores to one decimal, counts of things (`Indicator.isCountUnit`) as whole numbers,
/// ranks as integers when they are whole, probabilities as percentages.
///
/// Formatting is done by hand, not by `NumberFormatter`, so output is identical on every host
/// and locale.
public struct NumberFormat: Sendable, Equatable, Codable {
  public enum Style: String, Sendable, Codable {
    /// Money and other large quantities: grouped, no decimals past four significant digits.
    case quantity
    /// A 0–100 score: one decimal.
    case score
    /// Counts and ranks: grouped integers (a small fractional rank keeps one decimal).
    case count
    /// A probability in [0, 1] shown as a percentage.
    case percent
    /// A calendar year: a whole number, never grouped (2030, not 2,030).
    case year
  }

  /// The format of a calendar year.
  public static let year = NumberFormat(style: .year, decimals: 0)

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
    case .year:
      return .year
    case .score:
      return NumberFormat(style: .score, decimals: 1, signed: signed)
    case .count:
      // Counts of things print as counts: a stock halfway through a ramp is 7 districts, not 6.7
      // (data formats keep the exact value). A rank is a position, whose median moves by tenths:
      // a tenth is worth showing on a small one (a rank of 9.4).
      let whole = finite.allSatisfy { $0 == $0.rounded() }
      let small = (finite.map(abs).max() ?? 0) < 100
      let tenths = !Indicator.isCountUnit(unit) && !whole && small
      return NumberFormat(style: .count, decimals: tenths ? 1 : 0, signed: signed)
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
    guard style == .percent else { return withSign(Self.digits(value, decimals: decimals, grouped: style != .year)) }
    return percentText(value, grouped: true) + "%"
  }

  /// The number with no grouping or percent sign (for `\num{}` in LaTeX); a percentage is given
  /// in percent, so `\num{62}\%` reads as the table does.
  public func plain(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
    guard style == .percent else { return withSign(Self.digits(value, decimals: decimals, grouped: false)) }
    return percentText(value, grouped: false)
  }

  /// How a probability strictly between 0 and 1 is shown so that it never reads as a certainty
  /// it is not: with the format's decimals, or one decimal more when those would read 0% or 100%.
  public enum ProbabilityPrecision: Equatable, Sendable {
    case decimals(Int)
    /// Past one decimal: `< 0.1%`.
    case belowOneTenthPercent
    /// Past one decimal: `> 99.9%`.
    case aboveNinetyNinePointNinePercent
  }

  /// The precision of an unsigned percentage for `value` strictly between 0 and 1; nil for any
  /// other value or format (an exact 0 or 1 prints as 0% or 100%; signed changes of a
  /// probability are differences, and round as numbers do).
  public func probabilityPrecision(_ value: Double) -> ProbabilityPrecision? {
    guard style == .percent, !signed, value > 0, value < 1 else { return nil }
    let percent = value * 100
    let readsAsCertain = { (decimals: Int) in
      let shown = Double(Self.digits(percent, decimals: decimals, grouped: false))
      return shown == 0 || shown == 100
    }
    if !readsAsCertain(decimals) { return .decimals(decimals) }
    if !readsAsCertain(max(1, decimals)) { return .decimals(max(1, decimals)) }
    return value < 0.5 ? .belowOneTenthPercent : .aboveNinetyNinePointNinePercent
  }

  /// A probability in percent, at `probabilityPrecision`.
  private func percentText(_ value: Double, grouped: Bool) -> String {
    let percent = value * 100
    switch probabilityPrecision(value) {
    case nil: return withSign(Self.digits(percent, decimals: decimals, grouped: grouped))
    case .decimals(let places): return Self.digits(percent, decimals: places, grouped: grouped)
    case .belowOneTenthPercent: return "< 0.1"
    case .aboveNinetyNinePointNinePercent: return "> 99.9"
    }
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
