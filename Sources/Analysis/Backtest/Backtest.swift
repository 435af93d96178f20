import CityModel
import ErrorCategories
import Estimation
import Foundation
import Simulation

/// A projection of the backtest that cannot be scored (it overflowed).
public struct BacktestError: CategorisedError, CustomStringConvertible, Sendable {
  public var message: String
  public var description: String { message }
  /// The panel's numbers defeat the projection.
  public var category: ErrorCategory { .data }
}

/// Are the fans honest? Each city is projected from each origin year's observed values and the
/// projection is scored against what was observed later: interval coverage, PIT, CRPS, the
/// median's error and skill against two naive forecasts.
///
/// Unconditional: stocks follow their modelled additions. Conditional: the observed stock paths
/// are imposed, so the response equations are tested alone. Recalibrated: the model is fitted
/// on the panel's years up to each origin (`Calibration`), a true out-of-sample test.
public struct Backtest: Sendable {
  public struct Options: Sendable {
    public var origins: ClosedRange<Int>
    public var horizons: ClosedRange<Int>
    public var runs: Int
    public var seed: UInt64
    public var conditional: Bool
    public var recalibrate: Bool
    /// Start each response from its estimated deviation at the origin (see `BacktestProjection`).
    public var originState: Bool
    public var minimumObservations: Int
    public var threads: Int

    public init(
      origins: ClosedRange<Int>, horizons: ClosedRange<Int>, runs: Int = 1_000, seed: UInt64 = 1,
      conditional: Bool = false, recalibrate: Bool = false, originState: Bool = true, minimumObservations: Int = 20,
      threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
      self.origins = origins
      self.horizons = horizons
      self.runs = runs
      self.seed = seed
      self.conditional = conditional
      self.recalibrate = recalibrate
      self.originState = originState
      self.minimumObservations = minimumObservations
      self.threads = threads
    }
  }

  /// One scored forecast.
  public struct Point: Sendable {
    public var city: String
    public var indicator: String
    public var origin: Int
    public var horizon: Int
    public var year: Int
    public var observed: Double
    public var score: ForecastScore
    /// The naive forecasts: the origin's value, and the city's own past drift continued (nil
    /// with a single observation up to the origin).
    public var noChange: Double
    public var ownDrift: Double?
  }

  /// Scores over a group of points: one indicator (or all, `indicator` nil) at one horizon (or
  /// all, `horizon` nil).
  public struct Summary: Sendable {
    public var indicator: String?
    public var horizon: Int?
    public var n: Int
    public var coverage50: Double
    public var coverage90: Double
    public var coverage50Interval: WilsonInterval
    public var coverage90Interval: WilsonInterval
    public var crps: Double
    /// Mean of |P50 − y| / |y|.
    public var mapeP50: Double
    /// 1 − Σ CRPS/|y| ÷ Σ |naive − y|/|y| (a point forecast's CRPS is its absolute error):
    /// above 0, the fan beats the naive forecast; scale-free, so indicators can be pooled.
    public var skillNoChange: Double?
    public var skillDrift: Double?
  }

  public var points: [Point]
  public var summary: [Summary]
  /// What the backtest had to leave out (drivers not in the panel), once each.
  public var notes: [String]

  /// Runs the backtest of `model` on `data` (columns named by catalogue id).
  public init(model: Model, data: DataTable, options: Options) throws {
    let panel = try PanelSeries(data, indicators: model.indicators.map(\.id))
    var points: [Point] = []
    var notes: [String] = []
    for origin in options.origins {
      let fitted =
        options.recalibrate
        ? try Calibration(
          model: model, data: data.rows(until: origin),
          options: .init(minimumObservations: options.minimumObservations)
        ).calibrated(model)
        : model
      for (c, city) in panel.cities.enumerated() {
        let seed = options.seed &+ UInt64(c) &* 1_000_003 &+ UInt64(origin) &* 7_919
        guard
          let projection = BacktestProjection(
            model: fitted, city: city, origin: origin, panel: panel, options: options, seed: seed)
        else { continue }
        for omission in projection.omissions where !notes.contains(omission) { notes.append(omission) }
        points += try Self.score(projection, panel: panel, model: model, options: options)
      }
    }
    self.points = points
    self.notes = notes
    summary = Self.summarise(points)
  }

  private static func score(
    _ projection: BacktestProjection, panel: PanelSeries, model: Model, options: Options
  ) throws -> [Point] {
    let compiled = try CompiledScenario(projection.scenario)
    let origin = projection.scenario.baseYear
    let city = projection.scenario.city
    // Every run's value of each scored indicator and year, in one flat buffer per pair.
    let wanted = projection.scored.compactMap { item in
      compiled.outputs.firstIndex { $0.id == item.id }.map { (item.id, $0, item.years) }
    }
    let pairs = wanted.flatMap { id, output, years in years.map { (id: id, output: output, year: $0) } }
    var ensembles = [[Double]](repeating: [Double](repeating: 0, count: options.runs), count: pairs.count)
    let monteCarlo = MonteCarloOptions(
      runs: options.runs, threads: options.threads,
      keepRuns: { block in
        for (k, pair) in pairs.enumerated() {
          ensembles[k].withUnsafeMutableBufferPointer { values in
            for run in block.runs { values[run] = block.value(series: pair.output, year: pair.year - origin, run: run) }
          }
        }
      })
    let result = MonteCarlo.run(compiled, options: monteCarlo)
    if let failure = result.diagnostics.first(where: \.isError) {
      throw BacktestError(message: "\(city) from \(origin): \(failure.message)")
    }
    let ensembleOf = Dictionary(uniqueKeysWithValues: pairs.enumerated().map { ("\($1.id)@\($1.year)", $0) })
    var points: [Point] = []
    for (id, _, years) in wanted {
      guard let entry = model.catalogue[id], let start = panel.value(city, id, origin) else { continue }
      let offset = model.indicators.first { $0.id == id }?.offset ?? 1
      let transform = ModellingTransform(scale: entry.scale, offset: offset)
      let history = panel.history(city, id, through: origin)
      let drift: Double? =
        history.count >= 2
        ? (transform.forward(start) - transform.forward(history[0].value)) / Double(origin - history[0].year) : nil
      for year in years {
        guard let observed = panel.value(city, id, year), let k = ensembleOf["\(id)@\(year)"] else { continue }
        let runs = ensembles[k]
        let h = year - origin
        points.append(
          Point(
            city: city, indicator: id, origin: origin, horizon: h, year: year, observed: observed,
            score: ForecastScore(runs: runs, observed: observed), noChange: start,
            ownDrift: drift.map { transform.inverse(transform.forward(start) + Double(h) * $0) }))
      }
    }
    return points
  }

  /// Per indicator and horizon, per indicator, per horizon and overall.
  static func summarise(_ points: [Point]) -> [Summary] {
    let indicators: [String?] = [nil] + Array(Set(points.map(\.indicator))).sorted().map(Optional.some)
    let horizons: [Int?] = [nil] + Array(Set(points.map(\.horizon))).sorted().map(Optional.some)
    var summaries: [Summary] = []
    for indicator in indicators {
      for horizon in horizons {
        let group = points.filter {
          (indicator == nil || $0.indicator == indicator) && (horizon == nil || $0.horizon == horizon)
        }
        guard !group.isEmpty else { continue }
        summaries.append(summary(group, indicator: indicator, horizon: horizon))
      }
    }
    return summaries
  }

  static func summary(_ group: [Point], indicator: String?, horizon: Int?) -> Summary {
    let n = group.count
    let inside50 = group.filter { $0.score.p25 <= $0.observed && $0.observed <= $0.score.p75 }.count
    let inside90 = group.filter { $0.score.p5 <= $0.observed && $0.observed <= $0.score.p95 }.count
    func relative(_ error: Double, _ y: Double) -> Double { abs(error) / max(abs(y), .leastNormalMagnitude) }
    let crps = group.reduce(0) { $0 + $1.score.crps } / Double(n)
    let mape = group.reduce(0) { $0 + relative($1.score.p50 - $1.observed, $1.observed) } / Double(n)
    func skill(_ naive: (Point) -> Double?) -> Double? {
      let usable = group.compactMap { point in naive(point).map { (point, $0) } }
      let naiveError = usable.reduce(0) { $0 + relative($1.1 - $1.0.observed, $1.0.observed) }
      guard !usable.isEmpty, naiveError > 0 else { return nil }
      return 1 - usable.reduce(0) { $0 + relative($1.0.score.crps, $1.0.observed) } / naiveError
    }
    return Summary(
      indicator: indicator, horizon: horizon, n: n,
      coverage50: Double(inside50) / Double(n), coverage90: Double(inside90) / Double(n),
      coverage50Interval: WilsonInterval(successes: inside50, of: n),
      coverage90Interval: WilsonInterval(successes: inside90, of: n),
      crps: crps, mapeP50: mape, skillNoChange: skill { $0.noChange }, skillDrift: skill { $0.ownDrift })
  }
}
