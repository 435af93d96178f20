import CityModel
import Foundation
import Simulation

// The steps `run`, `compare`, `report`, `merge` and the demo share: load a scenario with the
// command line's overrides, project it with a progress bar, show the warnings and refuse a
// numerically unusable result (`NumericalFailure`), and attach the manifest.

extension ManifestBuilder {
  /// The manifests of this executable: its version and command line.
  static var iccsim: ManifestBuilder {
    ManifestBuilder(version: Iccsim.configuration.version, command: CommandLine.arguments)
  }
}

/// Loads a scenario, prints its input warnings (a score given as a fraction, a value far outside
/// its goalposts) to standard error, and applies the command-line overrides of runs and seed.
func loadScenario(
  _ path: String, catalogue: IndicatorCatalogue = .bundled, options: SimulationOptions
) throws -> Scenario {
  var scenario = try Scenario.load(from: URL(fileURLWithPath: path), catalogue: catalogue)
  for warning in scenario.notes where warning.isWarning {
    printToStandardError("iccsim: warning: \(warning.description)")
  }
  if let runs = options.runs { scenario.runs = runs }
  if let seed = options.seed { scenario.seed = seed }
  return scenario
}

/// Runs one scenario with a progress bar (and every run's values into `keepRuns`), refuses a
/// numerically unusable result, and attaches the manifest unless `withManifest` is false (`--no-meta`:
/// then the date, host and digests list are not built at all).
func simulate(
  _ scenario: Scenario, options: SimulationOptions, keepRuns: RunsFileWriter? = nil, withManifest: Bool = true
) throws -> RunResult {
  let compiled = try CompiledScenario(scenario)
  let progress = ProgressBar(total: scenario.runs, label: scenario.id)
  let clock = ContinuousClock()
  let start = clock.now
  var monteCarlo = MonteCarloOptions(
    runs: scenario.runs, threads: options.threads, progress: { progress.update($0) },
    keepRuns: keepRuns.map { writer in { writer.append($0) } },
    sampling: options.sampling)
  monteCarlo.shouldStop = keepRuns.map { writer in { writer.shouldStop } }
  var result = MonteCarlo.run(compiled, options: monteCarlo)
  try keepRuns?.throwIfFailed()
  try screen(result.diagnostics)
  warnOfGoalpostCrossings(result.goalpostCrossings ?? [], scenario: result.scenario)
  if withManifest {
    result.meta = ManifestBuilder.iccsim.manifest(
      of: [scenario], seed: scenario.seed, threads: options.threads, elapsed: clock.now - start)
  }
  return result
}

/// Compiles and compares the scenarios (base first), with the manifest.
func compareScenarios(_ loaded: [Scenario], options: SimulationOptions) throws -> PlanComparison {
  let base = loaded[0]
  // One seed and one run count for all, so the comparison is paired run by run.
  let compiled = try loaded.map { scenario -> CompiledScenario in
    var paired = scenario
    paired.seed = base.seed
    return try CompiledScenario(paired)
  }
  let progress = ProgressBar(total: base.runs, label: "compare")
  let clock = ContinuousClock()
  let start = clock.now
  var result = try MonteCarlo.compare(
    base: compiled[0], alternatives: Array(compiled.dropFirst()),
    options: MonteCarloOptions(
      runs: base.runs, threads: options.threads, progress: { progress.update($0) }, sampling: options.sampling))
  try screen(result.diagnostics)
  result.meta = ManifestBuilder.iccsim.manifest(
    of: loaded, seed: base.seed, threads: options.threads, elapsed: clock.now - start)
  return result
}

/// Prints where a scenario's medians pass an index goalpost, to standard error.
func warnOfGoalpostCrossings(_ crossings: [GoalpostCrossing], scenario: String) {
  for crossing in crossings {
    printToStandardError("iccsim: warning: \(crossing.message(scenario: scenario))")
  }
}

/// Prints a result's numerical warnings to standard error, then refuses it if it has numerical
/// errors (`NumericalFailure.refuseErrors`).
func screen(_ diagnostics: [NumericalDiagnostic]) throws {
  for warning in diagnostics where !warning.isError {
    printToStandardError("iccsim: warning: \(warning.message)")
  }
  try NumericalFailure.refuseErrors(in: diagnostics)
}
