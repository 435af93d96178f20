import CityModel
import Stochastics

/// An indexed indicator's goalposts as a result records them: L and U in natural units (a drawn
/// goalpost by its median), and which end the index scores 100.
public struct IndexGoalpost: Codable, Sendable, Equatable {
  public var indicator: String
  public var low: Double
  public var high: Double
  /// True when lower is better, so that the low goalpost scores 100.
  public var reversed: Bool

  public init(indicator: String, low: Double, high: Double, reversed: Bool) {
    self.indicator = indicator
    self.low = low
    self.high = high
    self.reversed = reversed
  }

  /// The goalposts of every indicator in the model's index, in catalogue order.
  static func all(of model: Model) -> [IndexGoalpost] {
    model.catalogue.indicators.compactMap { indicator in
      guard model.indicators.contains(where: { $0.id == indicator.id }),
        let goalpost = model.index.goalposts[indicator.id]
      else { return nil }
      return IndexGoalpost(
        indicator: indicator.id, low: goalpost.low.median, high: goalpost.high.median,
        reversed: indicator.better == .lower)
    }
  }
}

/// The first year the median (P50) of an indexed indicator lies beyond one of its goalposts:
/// from then on the index scores it 0 or 100, and further change in that direction does not move
/// the index (a plan's gain there counts for less, or nothing).
public struct GoalpostCrossing: Codable, Sendable, Equatable {
  public enum End: String, Codable, Sendable {
    case low, high
  }

  public var indicator: String
  public var year: Int
  public var end: End
  /// The goalpost passed, in natural units.
  public var goalpost: Double
  /// The median that passed it.
  public var p50: Double
  /// The score the index gives the indicator beyond the goalpost: 100 or 0.
  public var score: Double

  public init(indicator: String, year: Int, end: End, goalpost: Double, p50: Double, score: Double) {
    self.indicator = indicator
    self.year = year
    self.end = end
    self.goalpost = goalpost
    self.p50 = p50
    self.score = score
  }

  /// The warning, in English: which indicator, year and goalpost, and what it means for the index.
  public func message(scenario: String) -> String {
    let direction = end == .high ? "rise" : "fall"
    return "\(scenario): the median of \(indicator) passes its \(end.rawValue) goalpost \(plainNumberText(goalpost)) "
      + "in \(year) (P50 \(plainNumberText((p50 * 10).rounded() / 10))): from there the index scores it "
      + "\(plainNumberText(score)), and a further \(direction) does not move the index"
  }

  /// Per indicator and goalpost, the first year whose median lies beyond it, in the order of
  /// `goalposts`.
  static func find(in series: [SeriesPoint], goalposts: [IndexGoalpost]) -> [GoalpostCrossing] {
    var medians: [String: [(year: Int, p50: Double)]] = [:]
    for point in series { medians[point.indicator, default: []].append((point.year, point.p50)) }
    return goalposts.flatMap { goalpost -> [GoalpostCrossing] in
      let path = (medians[goalpost.indicator] ?? []).sorted { $0.year < $1.year }
      let ends: [(End, Double, (Double) -> Bool)] = [
        (.low, goalpost.low, { $0 < goalpost.low }), (.high, goalpost.high, { $0 > goalpost.high }),
      ]
      return ends.compactMap { end, value, beyond in
        path.first(where: { beyond($0.p50) }).map {
          GoalpostCrossing(
            indicator: goalpost.indicator, year: $0.year, end: end, goalpost: value, p50: $0.p50,
            score: (end == .high) != goalpost.reversed ? 100 : 0)
        }
      }
    }
  }
}
