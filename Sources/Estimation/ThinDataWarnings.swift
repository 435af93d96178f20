import Foundation

extension Regression {
  /// Fewer observations per estimated parameter than this is thin data (a common rule of thumb
  /// for regression: Harrell 2015, §4.4, asks for 10–20 per parameter).
  public static let observationsPerParameterFloor = 10.0
  /// Fewer clusters than this makes cluster-robust standard errors and their t(G − 1) p-values
  /// unreliable, typically too small (Cameron & Miller 2015, §VI; MacKinnon & Webb 2017).
  public static let clusterFloor = 30

  /// Warnings that the data are too thin for the reported inference: few observations per
  /// parameter (n / k below `observationsPerParameterFloor`, k counting absorbed fixed effects),
  /// few clusters for a cluster-robust covariance (G below `clusterFloor`), and, with few
  /// clusters, cluster-robust standard errors below the classical ones; and a wild bootstrap with
  /// too few sign vectors to enumerate (`WildClusterBootstrap.coarsenessWarning`). Empty when
  /// none applies.
  public var thinDataWarnings: [String] {
    var warnings: [String] = []
    let parameters = rank + (absorbed?.degreesOfFreedom ?? 0)
    let perParameter = Double(observationCount) / Double(max(parameters, 1))
    if perParameter < Self.observationsPerParameterFloor {
      warnings.append(
        "thin data: \(observationCount) observations for \(parameters) parameters "
          + "(\(String(format: "%.1f", perParameter)) per parameter, fewer than "
          + "\(Int(Self.observationsPerParameterFloor))); estimates and standard errors are fragile; "
          + "use fewer terms or more data, and list the rows used with --show-rows")
    }
    if let clusterCount, !covarianceType.clusterColumns.isEmpty, clusterCount < Self.clusterFloor {
      warnings.append(
        "few clusters: \(clusterCount) clusters of \(covarianceType.clusterColumns.joined(separator: ", ")) "
          + "(fewer than \(Self.clusterFloor)); cluster-robust standard errors and their p-values are "
          + "unreliable, usually too small; use --wild-bootstrap for p-values and intervals")
      let below = zip(coefficients, classicalStandardErrors ?? []).filter { $0.standardError < $1 }.map(\.0.term)
      if !below.isEmpty {
        warnings.append(
          "the cluster-robust standard error is below the classical one for \(Self.listing(below)): "
            + "with \(clusterCount) clusters the cluster estimate is itself too noisy to trust")
      }
    }
    if let warning = wildBootstrap?.coarsenessWarning { warnings.append(warning) }
    return warnings
  }
}
