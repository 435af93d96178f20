import ArgumentParser
import CityModel
import Foundation
import Reporting
import Simulation

/// `iccsim run`: project scenarios year by year with Monte Carlo uncertainty.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Project one or more scenarios with Monte Carlo uncertainty.",
    discussion: """
      Prints key indicators at milestone years as P50 [P5–P95], the probability of
      meeting each target and the programme cost. `--format json` writes the full
      result (every indicator, dimension score and the index, every year), as read
      by `export` and `report`.

      `--shard K/N` runs only the K-th of N contiguous run ranges, runs ⌊(K−1)·R/N⌋
      ..< ⌊K·R/N⌋ of R, with exactly the draws they get in one process, and writes a
      partial result (JSON) to `--out FILE` or standard output; `iccsim merge`
      combines the N parts.
      """)

  @Argument(help: "Scenario files (YAML).")
  var scenarios: [String]

  @OptionGroup var options: SimulationOptions

  @OptionGroup var output: ResultOutputOptions

  @OptionGroup var presentation: PresentationOptions

  @Option(help: "Run only shard K of N (1-based) and write its partial result (JSON) to --out FILE or standard output.")
  var shard: Shard?

  @Flag(help: "Leave out `meta` (timing, host, date, command line), so results compare byte for byte.")
  var noMeta = false

  @Option(help: "Also write every run's values (CSV: one row per run, one column per output and year) to this file.")
  var keepRuns: String?

  func validate() throws {
    if keepRuns != nil && (scenarios.count != 1 || shard != nil) {
      throw ValidationError("--keep-runs takes one scenario and no --shard")
    }
    guard shard != nil else { return }
    if scenarios.count != 1 { throw ValidationError("--shard runs one scenario (got \(scenarios.count))") }
    if !["table", "json"].contains(output.format) {
      throw ValidationError("--shard writes a partial result (JSON) for `iccsim merge`; --format does not apply")
    }
    if noMeta {
      throw ValidationError("--shard always writes the manifest: `iccsim merge` checks the parts' inputs with it")
    }
  }

  func run() throws {
    try exitingOnError {
      let catalogue = IndicatorCatalogue.bundled
      if let shard {
        try runShard(shard, of: try loadScenario(scenarios[0], catalogue: catalogue, options: options))
        return
      }
      let loaded = try scenarios.map { try loadScenario($0, catalogue: catalogue, options: options) }
      let files = try output.files(
        stems: loaded.map { ResultDocument.runStem($0.id) }, also: keepRuns.map { [$0] } ?? [])
      try files.complete { files in
        var documents: [ResultDocument] = []
        for scenario in loaded {
          let runsFile = try keepRuns.map { path in
            try RunsFileWriter(
              file: try files.staged(path), outputs: try CompiledScenario(scenario).outputs,
              baseYear: scenario.baseYear, horizon: scenario.horizon)
          }
          let result = try simulate(scenario, options: options, keepRuns: runsFile, withManifest: !noMeta)
          documents.append(.run(result))
        }
        try output.emit(documents, presentation: presentation, into: files)
      }
    }
  }

  /// Runs one shard and writes its partial result; `--out` names the file.
  private func runShard(_ shard: Shard, of scenario: Scenario) throws {
    guard shard.count <= scenario.runs else {
      throw ValidationError("--shard \(shard) splits \(scenario.runs) runs into more shards than runs")
    }
    let files = try CommandOutput([output.out], force: output.force)
    let compiled = try CompiledScenario(scenario)
    let runs = shard.runs(of: scenario.runs)
    let progress = ProgressBar(total: runs.count, label: "\(scenario.id) \(shard)")
    let clock = ContinuousClock()
    let start = clock.now
    var partial = MonteCarlo.accumulate(
      compiled, shard: shard,
      options: MonteCarloOptions(
        runs: scenario.runs, threads: options.threads, progress: { progress.update($0) }, sampling: options.sampling))
    try screen(partial.diagnostics)
    partial.meta = ManifestBuilder.iccsim.manifest(
      of: [scenario], seed: scenario.seed, threads: options.threads, elapsed: clock.now - start)
    let data = try partial.encoded()
    try files.complete { try $0.write(data, to: output.out) }
  }
}

extension Shard: ExpressibleByArgument {
  /// `K/N` with 1 ≤ K ≤ N.
  public init?(argument: String) {
    self.init(argument)
  }
}
