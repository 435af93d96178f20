import CityModel

/// Which years a projection table shows as columns.
public enum YearSelection: Sendable, Equatable {
  /// The base year and base +1, +3, +5, +10, and always the final year (those within the horizon).
  case milestones
  /// Every year from the base year to the end of the horizon.
  case every
  /// The years given, in order (each must lie within the result's years).
  case years([Int])

  /// Whether the years were named one by one (and so are shown even where they say nothing new).
  var isExplicit: Bool {
    if case .years = self { return true }
    return false
  }

  /// The selected years of a result that spans `baseYear` … `baseYear + horizon`.
  func resolve(baseYear: Int, horizon: Int) throws(ReportingError) -> [Int] {
    switch self {
    case .milestones:
      let offsets = [0, 1, 3, 5, 10].filter { $0 <= horizon }
      let years = offsets.map { baseYear + $0 }
      return years.last == baseYear + horizon ? years : years + [baseYear + horizon]
    case .every:
      return Array(baseYear...(baseYear + horizon))
    case .years(let years):
      if let outside = years.first(where: { $0 < baseYear || $0 > baseYear + horizon }) {
        throw .yearOutsideResult(outside, first: baseYear, last: baseYear + horizon)
      }
      return years
    }
  }
}

/// A summary statistic of one output in one year.
public enum Statistic: String, CaseIterable, Sendable {
  case mean, sd, p5, p25, p50, p75, p95

  /// Column heading: "均值"/"Mean", "标准差"/"SD", "P5" …
  func heading(_ language: Language) -> String {
    switch self {
    case .mean: language == .zh ? "均值" : "Mean"
    case .sd: language == .zh ? "标准差" : "SD"
    default: rawValue.uppercased()
    }
  }

  func value(of point: SeriesPointValues) -> Double? {
    switch self {
    case .mean: point.mean
    case .sd: point.sd
    case .p5: point.p5
    case .p25: point.p25
    case .p50: point.p50
    case .p75: point.p75
    case .p95: point.p95
    }
  }
}

/// The statistics a series point or a paired difference offers (a difference has no quartiles).
struct SeriesPointValues {
  var mean: Double
  var sd: Double
  var p5: Double
  var p25: Double?
  var p50: Double
  var p75: Double?
  var p95: Double
}

/// What a cell of a projection table shows.
public enum CellStatistic: Sendable, Equatable {
  /// The median with the P5–P95 interval: `29,038 [25,497–33,071]`.
  case medianWithInterval
  /// One statistic.
  case single(Statistic)

  /// Parses `p50-p5-p95` (the default) or a statistic name (`mean`, `sd`, `p5` … `p95`).
  public init?(argument: String) {
    if argument == "p50-p5-p95" {
      self = .medianWithInterval
    } else if let statistic = Statistic(rawValue: argument) {
      self = .single(statistic)
    } else {
      return nil
    }
  }

  /// Names of the data columns a cell of this kind becomes.
  func dataColumns(_ language: Language) -> [String] {
    switch self {
    case .medianWithInterval: ["P50", "P5", "P95"]
    case .single(let statistic): [statistic.heading(language)]
    }
  }
}

/// Choices shared by every table and chart: language, columns, cell statistic.
public struct ReportOptions: Sendable, Equatable {
  public var language: Language
  public var years: YearSelection
  public var statistic: CellStatistic

  public init(
    language: Language = .zh, years: YearSelection = .milestones, statistic: CellStatistic = .medianWithInterval
  ) {
    self.language = language
    self.years = years
    self.statistic = statistic
  }
}
