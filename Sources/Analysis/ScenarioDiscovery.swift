import CityModel
import LinearAlgebra
import Simulation

/// Scenario discovery: which ranges of a scenario's uncertain quantities lead to a target being
/// missed (or met), found by PRIM over the runs.
///
/// Run r draws every parameter as `run` does under the scenario's seed (`MonteCarloSampler`: the
/// stream keyed by seed, r and the parameter's path), and is projected with those values on one
/// common path of yearly shocks and disruptions (`DesignSampler`, noise `common`), so whether the
/// target is met is a function of the inputs alone.
public struct ScenarioDiscovery: Sendable {
  /// Which runs are the cases of interest.
  public enum Outcome: String, Sendable, CaseIterable {
    case missed, met
  }

  /// The analysis's result: the inputs, the trajectory and the chosen box.
  public struct Report: Sendable {
    public let target: Target
    /// The stable paths of the inputs, in column order.
    public let inputs: [String]
    public let runs: Int
    /// Share of runs that are cases of interest.
    public let baseRate: Double
    public let trajectory: [PRIM.Box]
    /// Position of the chosen box in `trajectory`.
    public let chosen: Int
    public let restrictions: [PRIM.Restriction]
    public let diagnostics: [NumericalDiagnostic]
  }

  public let target: String
  public let year: Int
  public let outcome: Outcome
  public let runs: Int
  public let prim: PRIM
  public let threads: Int

  public init(target: String, year: Int, outcome: Outcome, runs: Int, prim: PRIM, threads: Int) {
    self.target = target
    self.year = year
    self.outcome = outcome
    self.runs = runs
    self.prim = prim
    self.threads = threads
  }

  /// The scenario's target for this output and year; a usage error listing the targets when
  /// there is none.
  public func scenarioTarget(in scenario: CompiledScenario) throws -> Target {
    if let found = scenario.targets.first(where: { $0.output == target && $0.year == year }) { return found }
    let known = scenario.targets.map { "\($0.output):\($0.year)" }
    throw SensitivityError.invalidOption(
      "'\(target):\(year)' is not a target of scenario '\(scenario.id)'; expected one of: "
        + (known.isEmpty ? "(the scenario has no targets)" : known.joined(separator: ", ")))
  }

  /// Runs the scenario and PRIM. Throws a usage error when the target is unknown or no run (or
  /// every run) is a case of interest.
  public func run(on scenario: CompiledScenario) throws -> Report {
    let target = try scenarioTarget(in: scenario)
    let inputs = ScenarioModel.uncertainInputs(of: scenario, noise: .common).map(\.name)
    let points = draws(of: inputs, in: scenario)
    let sampler = try DesignSampler(scenario: scenario, paths: inputs, points: points, noise: .common)
    let result = try scenario.evaluate(
      sampler, values: [OutputYear(output: target.output, year: target.year)], threads: threads)
    let interest = (0..<runs).map { target.isMet(by: result.values[$0, 0]) == (outcome == .met) }
    let cases = interest.filter { $0 }.count
    guard cases > 0, cases < runs else {
      throw SensitivityError.invalidOption(
        "the target \(target.output):\(target.year) is \(cases == 0 ? "never" : "always") \(outcome.rawValue) "
          + "in \(runs) runs: there is nothing to discover")
    }
    let trajectory = prim.trajectory(inputs: points, interest: interest)
    let chosen = prim.chosen(in: trajectory)
    return Report(
      target: target, inputs: inputs, runs: runs, baseRate: Double(cases) / Double(runs), trajectory: trajectory,
      chosen: chosen,
      restrictions: PRIM.restrictions(of: trajectory[chosen], inputs: points, interest: interest),
      diagnostics: result.diagnostics)
  }

  /// runs × inputs: each input's draws, as `MonteCarloSampler` makes them for `run`.
  private func draws(of inputs: [String], in scenario: CompiledScenario) -> Matrix {
    let parameters = scenario.parameters
    var all = [Double](repeating: 0, count: parameters.count * runs)
    all.withUnsafeMutableBufferPointer {
      MonteCarloSampler(seed: scenario.seed).sample(parameters, runs: 0..<runs, into: $0)
    }
    let position = Dictionary(uniqueKeysWithValues: parameters.enumerated().map { ($1.path, $0) })
    var points = Matrix(rows: runs, columns: inputs.count)
    for (column, path) in inputs.enumerated() {
      guard let p = position[path] else { continue }
      for run in 0..<runs { points[run, column] = all[p * runs + run] }
    }
    return points
  }
}
