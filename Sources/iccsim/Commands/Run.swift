import ArgumentParser
import CityModel
import Foundation
import Reporting
import Simulation

/// `iccsim run`: project scenarios year by year with Monte Carlo uncertainty.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Project one or more scenarios with Monte Carlo uncertainty.",
    discussion: """
      Prints key indicators at milestone years as P50 [P5–P95], the probability of meeting each
      target and the programme cost. `--format json` writes the full result (every indicator,
      dimension score and the index, every year), as read by `export`, `report` and `merge`.
      """)

  @Argument(help: "Scenario files (YAML).")
  var scenarios: [String]

  @OptionGroup var options: SimulationOptions

  @OptionGroup var output: ResultOutputOptions

  @OptionGroup var presentation: PresentationOptions

  func run() throws {
    try exitingOnError {
      let catalogue = IndicatorCatalogue.bundled
      var documents: [ResultDocument] = []
      for path in scenarios {
        let scenario = try loadScenario(path, catalogue: catalogue, options: options)
        let result = try simulate(scenario, options: options)
        documents.append(.run(result))
      }
      try output.emit(documents, presentation: presentation)
    }
  }
}

/// Loads a scenario and applies the command-line overrides of runs and seed.
func loadScenario(_ path: String, catalogue: IndicatorCatalogue = .bundled, options: SimulationOptions) throws -> Scenario {
  var scenario = try Scenario.load(from: URL(fileURLWithPath: path), catalogue: catalogue)
  if let runs = options.runs { scenario.runs = runs }
  if let seed = options.seed { scenario.seed = seed }
  return scenario
}

/// Runs one scenario with a progress bar and attaches the manifest.
func simulate(_ scenario: Scenario, options: SimulationOptions) throws -> RunResult {
  let compiled = try CompiledScenario(scenario)
  let progress = ProgressBar(total: scenario.runs, label: scenario.id)
  let clock = ContinuousClock()
  let start = clock.now
  var result = MonteCarlo.run(
    compiled, options: MonteCarloOptions(runs: scenario.runs, threads: options.threads, progress: { progress.update($0) }))
  try screen(result.diagnostics)
  result.meta = try ManifestBuilder.manifest(
    inputs: scenario.sourceFiles, seed: scenario.seed, threads: options.threads, elapsed: clock.now - start)
  return result
}

/// A result with values that overflowed or became undefined: refused whole (exit 65).
struct NumericalFailure: Error, CustomStringConvertible {
  let diagnostics: [NumericalDiagnostic]

  var description: String {
    "the projection is numerically unusable:\n" + diagnostics.map { "  " + $0.message }.joined(separator: "\n")
  }
}

/// Prints warnings to standard error and refuses a result that has numerical errors.
func screen(_ diagnostics: [NumericalDiagnostic]) throws {
  for warning in diagnostics where !warning.isError {
    printToStandardError("iccsim: warning: \(warning.message)")
  }
  let errors = diagnostics.filter(\.isError)
  if !errors.isEmpty { throw NumericalFailure(diagnostics: errors) }
}
