import ArgumentParser
import CityModel
import Foundation
import Reporting
import Simulation

/// `iccsim merge PART… --out RESULT.json`: the result of a run split with `run --shard K/N`.
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Combine the partial results of `iccsim run --shard K/N` into the result of the whole run.",
    discussion: """
      The parts must come from one job (same scenario, seed, run count, sampling and
      shard count, inputs with the same SHA-256) and hold every shard exactly once,
      in any order; a missing, duplicated or foreign part is an error naming it
      (exit 65). Every header is checked before any part is read whole; the parts
      are then read one at a time. The result equals a single-process run byte for
      byte up to 50,000 runs (exact quantiles); beyond, the quantiles are within the
      sketch's documented rank error and the mean and sd equal it up to rounding in
      the last bits. `meta` is this command's manifest.
      """)

  @Argument(help: "Partial results written by `iccsim run --shard K/N --out FILE`.")
  var parts: [String]

  @Option(help: "Result file (written atomically); default: standard output.")
  var out: String?

  @Option(
    help: "Output format: json (the result, as `run --format json` writes it), table, csv, md, tex, html or xlsx.")
  var format: ExportFormat = .json

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  @Flag(help: "Leave out `meta` (timing, host, date, command line), so results compare byte for byte.")
  var noMeta = false

  @OptionGroup var presentation: PresentationOptions

  func validate() throws {
    if parts.isEmpty { throw ValidationError("merge needs the partial results of every shard") }
    if format == .xlsx && out == nil { throw ValidationError("--format xlsx needs --out FILE") }
  }

  func run() throws {
    try exitingOnError {
      let files = try CommandOutput([out], force: force)
      let clock = ContinuousClock()
      let start = clock.now
      // Headers first, to check and order the parts; then one part in memory at a time.
      let headers = try parts.map { (name: $0, header: try Self.read($0, as: PartialRunHeader.self)) }
      let merged = try PartialRun.merge(headers: headers) { try Self.read(parts[$0], as: PartialRun.self) }
      var result = MonteCarlo.finalise(merged, threads: ProcessInfo.processInfo.activeProcessorCount)
      try screen(result.diagnostics)
      warnOfGoalpostCrossings(result.goalpostCrossings ?? [], scenario: result.scenario)
      if !noMeta {
        result.meta = ManifestBuilder.iccsim.manifest(
          files: headers[0].header.meta?.inputs ?? [], seed: result.seed,
          threads: ProcessInfo.processInfo.activeProcessorCount, elapsed: clock.now - start)
      }
      let data = try Exporter.resultFile(
        .run(result), as: format, settings: try presentation.settings(toStandardOutput: out == nil))
      try files.complete { try $0.write(data, to: out) }
    }
  }

  /// Reads one part as `T` (its header, or all of it): a file that cannot be read exits 66; one
  /// that is not a partial result, 65.
  static func read<T: Decodable>(_ path: String, as type: T.Type) throws -> T {
    try PartialRun.decode(T.self, from: try readInput(path, limit: ResultFileLimits.partialResult), file: path)
  }
}
