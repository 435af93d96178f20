import LinearAlgebra
import Stochastics

/// Parameter values taken from a design matrix, for sensitivity analyses: run r of the
/// projection uses row r of `points`.
///
/// Each column of `points` sets one parameter (named by its stable path), in natural units.
/// Parameters not in the design keep their median (a fixed parameter its value), so a design over
/// a subset of the uncertain quantities holds the rest at their central values.
///
/// Yearly shocks and disruptions are not inputs of an analysis: the `noise` policy fixes them so
/// that a run's outputs are a deterministic function of its row (see `NoisePolicy`).
public struct DesignSampler: ParameterSampler {
  /// What the yearly shock and disruption streams do in a design run.
  public enum NoisePolicy: String, Hashable, Sendable, CaseIterable {
    /// Every run sees the same realisation of the yearly shocks and disruptions (those of run 0
    /// under the scenario's seed), so σ, ρ, exposures and the disruption probability still act,
    /// on one common path.
    case common
    /// Shocks and disruptions are switched off: every `<indicator>.shock.sd`, `<stock>.yearly.sd`
    /// and `disruption.probability` is 0 and every stock adds its rate each year, so the
    /// projection follows its deterministic path.
    case zero
  }

  public let points: Matrix
  /// The parameter (position in `CompiledScenario.parameters`) each column of `points` sets.
  public let columns: [Int]
  public let noise: NoisePolicy
  private let held: [Double]

  /// A sampler setting the parameters at `paths` from the columns of `points` (one row per run).
  /// Throws when a path is not a parameter of `scenario`, is listed twice, or is a noise
  /// parameter that the `zero` policy switches off.
  public init(scenario: CompiledScenario, paths: [String], points: Matrix, noise: NoisePolicy) throws {
    guard points.columns == paths.count else {
      throw SimulationError(
        "a design with \(paths.count) parameters needs \(paths.count) columns, got \(points.columns)")
    }
    var position: [String: Int] = [:]
    for (p, parameter) in scenario.parameters.enumerated() { position[parameter.path] = p }
    var columns: [Int] = []
    for path in paths {
      guard let p = position[path] else {
        throw SimulationError("'\(path)' is not an uncertain quantity of scenario '\(scenario.id)'")
      }
      guard !columns.contains(p) else { throw SimulationError("'\(path)' is listed twice in the design") }
      if noise == .zero, Self.isNoise(path) {
        throw SimulationError("'\(path)' is switched off when shocks are zero: leave it out of the design")
      }
      columns.append(p)
    }
    self.points = points
    self.columns = columns
    self.noise = noise
    held = scenario.parameters.map { noise == .zero && Self.isNoise($0.path) ? 0 : $0.distribution.median }
  }

  /// Whether `path` names a parameter of the yearly noise that the `zero` policy switches off.
  public static func isNoise(_ path: String) -> Bool {
    path.hasSuffix(".shock.sd") || path.hasSuffix(".yearly.sd") || path == "disruption.probability"
  }

  public func sample(
    _ parameters: [UncertainParameter], runs: Range<Int>, into values: UnsafeMutableBufferPointer<Double>
  ) {
    let n = runs.count
    for p in parameters.indices {
      for i in 0..<n { values[p * n + i] = held[p] }
    }
    for (column, p) in columns.enumerated() {
      for (i, run) in runs.enumerated() { values[p * n + i] = points[run, column] }
    }
  }

  public func noiseRun(_ run: Int) -> Int { 0 }

  public var drawsYearlyNoise: Bool { noise != .zero }
}
