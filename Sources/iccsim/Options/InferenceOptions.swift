import ArgumentParser
import Estimation

extension WildClusterBootstrap.Weights: ExpressibleByArgument {}

/// `estimate`'s options for inference beyond the table: the wild cluster bootstrap and the list
/// of the observations used.
struct InferenceOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Wild cluster bootstrap (restricted) of each slope's t test with this many draws: bootstrap-t p-values and "
        + "95 % intervals by test inversion, for one-way clustered OLS (Rademacher weights enumerate all 2^G "
        + "sign vectors when G ≤ 12).",
      valueName: "draws"))
  var wildBootstrap: Int?

  @Option(help: "Bootstrap weights: rademacher (default) or webb (six points; better with few clusters).")
  var wildWeights: WildClusterBootstrap.Weights?

  @Option(help: "Seed of the bootstrap draws (default 1); the same seed gives the same p-values and intervals.")
  var seed: UInt64?

  @Flag(help: "List the observations used after listwise deletion (file:line, city, year).")
  var showRows = false

  /// Usage errors: the bootstrap's options without it, and fits it does not support.
  func check(absorb: Bool, ridge: Double?, weights: String?, covariance: String?) throws {
    guard let wildBootstrap else {
      if wildWeights != nil || seed != nil {
        throw ValidationError("--wild-weights and --seed apply to --wild-bootstrap")
      }
      return
    }
    guard wildBootstrap >= 1 else { throw ValidationError("--wild-bootstrap takes a number of draws ≥ 1") }
    if absorb || ridge != nil || weights != nil {
      throw ValidationError(
        "--wild-bootstrap is available for OLS with dummies: not with --absorb, --ridge or --weights")
    }
    if let covariance, (try? CovarianceType(parsing: covariance))?.clusterColumns.count != 1 {
      throw ValidationError("--wild-bootstrap needs one-way clustering (--se cluster:COLUMN), not --se \(covariance)")
    }
  }

  /// The bootstrap and the rows used, added to `regression` when asked for.
  func add(to regression: inout Regression, design: Design, covariance: CovarianceType) throws {
    if let wildBootstrap {
      guard covariance.clusterColumns.count == 1 else {
        throw EstimationError.invalidOption(
          "--wild-bootstrap needs one-way clustering; the data have no city column, give --se cluster:COLUMN")
      }
      regression.wildBootstrap = try WildClusterBootstrap(
        design: design, weights: wildWeights ?? .rademacher, draws: wildBootstrap, seed: seed ?? 1)
    }
    if showRows, let source = design.observationSource {
      regression.observationSources = (0..<design.observationCount).map(source)
    }
  }
}
