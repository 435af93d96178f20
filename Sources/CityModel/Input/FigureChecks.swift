import Foundation

// Checks of base-year figures against the catalogue and the model: the unit, a 0–100 score given
// as a fraction, a value far outside the index's goalposts (docs/file-formats.md, "City data").

extension Diagnostics {
  /// A city-table figure's value in its indicator's catalogue unit: converted, with a note, when
  /// the row gives a unit of the same family (万元 for 亿元); nil, with the problem recorded, when
  /// the unit cannot be converted or the value lies outside the indicator's scale.
  func catalogueValue(of figure: CityFigure, indicator: Indicator, in file: SourceFile) -> Double? {
    let location = SourceLocation(file: file, line: figure.line)
    var value = figure.value
    switch UnitConversion(from: figure.unit, to: indicator.unit) {
    case .same:
      break
    case .scaled(let factor):
      value *= factor
      let operation = factor < 1 ? "÷ \(plainNumberText(1 / factor))" : "× \(plainNumberText(factor))"
      note(
        "\(indicator.id) is given in \(figure.unit): read as \(plainNumberText(value)) \(indicator.unit) (the value "
          + "\(operation))",
        at: location)
    case .refused(let remedy):
      error(
        "\(indicator.id) is measured in \(indicator.unit), this row gives '\(excerpt(figure.unit))': \(remedy)",
        at: location)
      return nil
    }
    if let problem = scaleProblem(value, of: indicator) {
      error(problem, at: location)
      return nil
    }
    warnIfFraction(value, of: indicator, at: location)
    return value
  }

  /// Warns of a 0–100 score below 1: most likely a fraction (0.8) written for a percentage (80).
  func warnIfFraction(_ value: Double, of indicator: Indicator, at location: SourceLocation) {
    guard indicator.scale == .logit, value < 1 else { return }
    warning(
      "\(indicator.id) is a score from 0 to 100 and \(plainNumberText(value)) is below 1: if it is a fraction, write "
        + "\(plainNumberText(value * 100))",
      at: location)
  }

  /// Warns of a base-year value beyond its goalposts by more than `farFactor` times their range:
  /// most likely a unit slip (万元 for 亿元) or goalposts meant for another unit.
  func warnIfFar(
    _ value: Double, of indicator: Indicator, from goalpost: Goalpost, modelFile: String,
    at location: SourceLocation
  ) {
    let low = goalpost.low.valueBounds.lower, high = goalpost.high.valueBounds.upper
    let reach = farFactor * (high - low)
    guard value < low - reach || value > high + reach else { return }
    warning(
      "\(indicator.id) = \(plainNumberText(value)) lies more than \(plainNumberText(farFactor))× the goalposts' "
        + "range outside them (\(plainNumberText(low))–\(plainNumberText(high)) in \(modelFile)): check that the "
        + "value is in \(indicator.unit), or the goalposts",
      at: location)
  }
}

/// How far outside its goalposts, in multiples of their range, a base value is taken for a slip.
let farFactor = 10.0

/// A number as a person writes it: at most 12 significant digits, so 10001.000000000002 reads 10001.
public func plainNumberText(_ value: Double) -> String {
  formatNumber(Double(String(format: "%.12g", value)) ?? value)
}
