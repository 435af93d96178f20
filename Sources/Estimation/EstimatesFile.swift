import CityModel
import FileOutput
import Foundation

/// The estimates file `iccsim estimate --write` produces and a model lists under `estimates:`,
/// so that `run` draws the driver elasticities jointly from N(β̂, V̂):
///
/// ```yaml
/// # iccsim estimate --data panel.csv --model model.yaml --response retail_sales
/// # n = 120, R² = 0.4123, covariance cluster:city (12 clusters)
/// response: retail_sales
/// covariance_type: cluster:city
/// terms:
///   - {driver: metro_km, lag: 1, estimate: 0.081}
///   - {driver: tourism_spending, lag: 0, estimate: 0.21}
/// covariance: [[0.0009, 0.0001], [0.0001, 0.0016]]
/// ```
///
/// Only driver terms are written (not the intercept or fixed effects), in the model's order,
/// with V̂ the submatrix of the chosen covariance for those terms. Numbers are written with
/// every digit Double needs to round-trip, and the header is free of dates so identical fits
/// give identical files. Reporting writes the text (`EstimatesFile.text`).
public enum EstimatesFile {
  /// The estimate set of a fitted panel equation; every driver term must have been estimated,
  /// with a finite estimate and standard error.
  public static func estimateSet(equation: PanelEquation, regression: Regression) throws -> EstimateSet {
    var positions: [Int] = []
    for term in equation.drivers {
      let name = equation.name(of: term)
      guard let position = regression.coefficients.firstIndex(where: { $0.term == name }) else {
        throw EstimationError.invalidEquation(
          "cannot write estimates: \(name) was aliased (a linear combination of other regressors), so its "
            + "elasticity is not identified"
        )
      }
      positions.append(position)
    }
    // A negative variance is left to `CovarianceRepair`; a value that is not a number cannot be written.
    for position in positions {
      let coefficient = regression.coefficients[position]
      guard coefficient.estimate.isFinite, positions.allSatisfy({ regression.covariance[position, $0].isFinite }) else {
        throw EstimationError.invalidEstimates(
          "cannot write estimates: the standard error of \(coefficient.term) is "
            + (coefficient.undefinedReason ?? "not finite") + "; choose another --se (hc0 and hc1 are defined)")
      }
    }
    return EstimateSet(
      response: equation.response, terms: equation.drivers,
      coefficients: positions.map { regression.coefficients[$0].estimate },
      covariance: positions.map { i in positions.map { regression.covariance[i, $0] } },
      covarianceType: regression.covarianceType.description)
  }

  /// Writes `text` to `path` whole or not at all, replacing an existing file only with `force`
  /// (`AtomicWrite`; throws `OutputError`).
  public static func write(_ text: String, to path: String, force: Bool = false) throws {
    try AtomicWrite.write(Data(text.utf8), to: path, force: force)
  }
}
