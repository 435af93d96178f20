import CityModel
import Estimation

extension EstimatesFile {
  /// The YAML text, headed by comment lines (the command, then n, R² and the covariance, then
  /// the repair of the covariance when there was one).
  public static func text(
    _ set: EstimateSet, command: String, regression: Regression, repair: CovarianceRepair? = nil
  ) -> String {
    var lines =
      [
        "# \(command)",
        "# n = \(regression.observationCount) (\(regression.droppedCount) dropped), "
          + "R² = \(StatisticText.fixed(regression.rSquared, 4)), covariance \(regression.covarianceType)"
          + (regression.clusterCount.map { " (\($0) clusters)" } ?? ""),
      ] + (repair.map { ["# \($0.description)"] } ?? []) + [
        "response: \(set.response)",
        "covariance_type: \(set.covarianceType)",
        "terms:",
      ]
    for (term, estimate) in zip(set.terms, set.coefficients) {
      lines.append("  - {driver: \(term.driver), lag: \(term.lag), estimate: \(YAMLWriter.roundTripText(estimate))}")
    }
    let rows = set.covariance.map { "[" + $0.map(YAMLWriter.roundTripText).joined(separator: ", ") + "]" }
    lines.append("covariance: [" + rows.joined(separator: ", ") + "]")
    return lines.joined(separator: "\n") + "\n"
  }
}
