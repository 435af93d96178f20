import Foundation
import Stochastics

/// A scenario file with `extends` resolved, its model loaded and its baseline read.
public struct Scenario: Sendable {
  public var id: String
  public var title: LocalizedText
  public var city: String
  public var baseYear: Int
  /// Years projected after the base year (1…30).
  public var horizon: Int
  public var runs: Int
  public var seed: UInt64
  public var model: Model
  /// Base-year value of every indicator in play, in natural units.
  public var baseline: [String: Double]
  public var interventions: [Intervention]
  public var targets: [Target]
  /// Every file read to build the scenario (the scenario, its parents, model, data), for the manifest.
  public var sourceFiles: [URL]
  /// The SHA-256 (hex) of each of `sourceFiles`, taken of the bytes that were parsed.
  public var sourceDigests: [URL: String] = [:]
  /// Remarks from validation that do not make the scenario wrong (including the model's).
  public var notes: [InputProblem] = []
  /// A response's transient deviation ε at the base year, in modelling-space points, where the
  /// base value is known to sit off its path (a backtest from an observed origin); 0 otherwise.
  /// The path then starts at z*(0) = T(Y(0)) − ε(0) and the deviation decays at the AR rate. An
  /// uncertain deviation is drawn once per run (parameter `<id>.initial_deviation`).
  public var initialDeviations: [String: Distribution] = [:]

  public init(
    id: String, title: LocalizedText, city: String, baseYear: Int, horizon: Int, runs: Int,
    seed: UInt64, model: Model, baseline: [String: Double], interventions: [Intervention] = [],
    targets: [Target] = [], sourceFiles: [URL] = []
  ) {
    self.id = id
    self.title = title
    self.city = city
    self.baseYear = baseYear
    self.horizon = horizon
    self.runs = runs
    self.seed = seed
    self.model = model
    self.baseline = baseline
    self.interventions = interventions
    self.targets = targets
    self.sourceFiles = sourceFiles
  }
}

/// Something a plan does: add to stocks, or switch on a policy of the model.
public struct Intervention: Sendable {
  public enum Action: Sendable {
    /// Amounts added to stocks, spread over the ramp years (in file order).
    case addToStocks([StockAddition])
    /// A policy of the model, phased in over the ramp years.
    case policy(String)
  }

  public var id: String
  /// A name for tables and charts, when the file gives one.
  public var name: LocalizedText?
  public var action: Action
  /// Calendar year the intervention starts (before any delay).
  public var start: Int
  /// Years over which additions are spread or the policy phases in (≥ 1).
  public var ramp: Int
  /// Whole years of delay, drawn once per run.
  public var delay: Distribution
  /// Total cost in 亿元, drawn once per run, spread evenly over the same years as the additions.
  public var cost: Distribution

  public init(
    id: String, action: Action, start: Int, ramp: Int = 1, delay: Distribution = .fixed(0),
    cost: Distribution = .fixed(0), name: LocalizedText? = nil
  ) {
    self.id = id
    self.name = name
    self.action = action
    self.start = start
    self.ramp = ramp
    self.delay = delay
    self.cost = cost
  }
}

/// A stock and the amount an intervention adds to it.
public struct StockAddition: Sendable {
  public var indicator: String
  public var amount: Distribution

  public init(indicator: String, amount: Distribution) {
    self.indicator = indicator
    self.amount = amount
  }
}

/// A target the plan aims for: an output (indicator, dimension id or `index`) in a year.
public struct Target: Hashable, Sendable {
  public enum Bound: Hashable, Sendable {
    case atLeast(Double)
    case atMost(Double)
  }

  public var output: String
  public var year: Int
  public var bound: Bound

  public init(output: String, year: Int, bound: Bound) {
    self.output = output
    self.year = year
    self.bound = bound
  }

  /// How options files and the command line name the target: `OUTPUT:YEAR`, e.g. `index:2033`.
  public var id: String { "\(output):\(year)" }

  public func isMet(by value: Double) -> Bool {
    switch bound {
    case .atLeast(let threshold): value >= threshold
    case .atMost(let threshold): value <= threshold
    }
  }
}
