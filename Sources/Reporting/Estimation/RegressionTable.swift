import Estimation
import Foundation

extension Regression {
  /// A terminal summary laid out like statsmodels' `summary()`: the fit statistics in two
  /// columns, then one row per coefficient (estimate, standard error, t, p, 95 % interval, and
  /// VIF when computed), then notes on dropped rows, aliased terms and the covariance. An
  /// undefined value (NaN, such as a standard error that does not exist) is shown as "—", with
  /// the reason in the notes when it is known. Lines longer than `fitting` display columns (the
  /// notes) wrap.
  public func table(fitting columns: Int? = nil) -> String {
    let termWidth = max(14, coefficients.map { displayWidth($0.term) }.max() ?? 0)
    let showVIF = coefficients.contains { $0.varianceInflation != nil }
    let width = termWidth + 6 * 11 + (showVIF ? 11 : 0)
    let rule = String(repeating: "=", count: width)
    let thin = String(repeating: "-", count: width)
    let method = ridge != nil ? "Ridge" : (weightsColumn != nil ? "WLS" : "OLS")

    func pair(_ leftLabel: String, _ leftValue: String, _ rightLabel: String, _ rightValue: String) -> String {
      let half = width / 2
      let left = padded(leftLabel, to: half - displayWidth(leftValue) - 1) + " " + leftValue
      let right = padded(rightLabel, to: width - half - displayWidth(rightValue) - 2) + " " + rightValue
      return padded(left, to: half) + "  " + right
    }
    let f = fTest.map { Self.number($0.statistic) } ?? "—"
    let fp = fTest.map { Self.probability($0.pValue) } ?? "—"
    var lines = [
      padded("", to: (width - 28) / 2) + "\(method) Regression Results",
      rule,
      pair(
        "Dep. Variable:", responseName, rSquaredIsCentred ? "R-squared:" : "R-squared (uncentred):",
        Self.fixed(rSquared, 3)),
      pair("Method:", "Least Squares", "Adj. R-squared:", Self.fixed(adjustedRSquared, 3)),
      pair("No. Observations:", "\(observationCount)", "F-statistic:", f),
      pair("Dropped (missing):", "\(droppedCount)", "Prob (F-statistic):", fp),
      pair("Df Residuals:", Self.degrees(residualDF), "Residual std. error:", Self.number(residualStandardError)),
      pair("Df Model:", Self.degrees(modelDF), "Condition number:", Self.number(conditionNumber)),
      pair("Covariance type:", covarianceType.description, "Rank:", "\(rank)"),
      rule,
    ]
    var header = padded("", to: termWidth)
    for title in ["coef", "std err", "t", "P>|t|", "[0.025", "0.975]"] + (showVIF ? ["VIF"] : []) {
      header += padded(title, to: 11, alignRight: true)
    }
    lines += [header, thin]
    for c in coefficients {
      var row = padded(c.term, to: termWidth)
      for value in [
        Self.number(c.estimate), Self.number(c.standardError), Self.fixed(c.t, 3), Self.fixed(c.pValue, 3),
        Self.number(c.confidenceLow), Self.number(c.confidenceHigh),
      ] {
        row += padded(value, to: 11, alignRight: true)
      }
      if showVIF { row += padded(c.varianceInflation.map { Self.fixed($0, 2) } ?? "", to: 11, alignRight: true) }
      lines.append(row)
    }
    lines.append(rule)

    var notes: [String] = []
    if !aliased.isEmpty {
      notes.append("Aliased (linearly dependent on earlier terms, not estimated): \(aliased.joined(separator: ", ")).")
    }
    switch covarianceType {
    case .classical:
      notes.append("Standard errors assume homoskedastic, independent errors.")
    case .cluster:
      notes.append(
        "Standard errors robust to clustering on \(clusterCount ?? 0) groups, with G/(G−1)·(n−1)/(n−k); t with "
          + "\(Self.degrees(inferenceDF)) df."
      )
    case let .twoWayCluster(first, second):
      notes.append(
        "Standard errors robust to two-way clustering on \(first) and \(second) (V_\(first) + V_\(second) − "
          + "V_both, each with G/(G−1)·(n−1)/(n−k)); t with min(G) − 1 = \(Self.degrees(inferenceDF)) df."
      )
    default:
      notes.append("Standard errors heteroskedasticity-robust (\(covarianceType)).")
    }
    if let absorbed {
      let factors = absorbed.factors.map { "\($0.column) (\($0.levels) levels)" }.joined(separator: " and ")
      let sweeps = absorbed.factors.count > 1 ? " in \(absorbed.sweeps) sweeps" : ""
      notes.append(
        "Fixed effects of \(factors) absorbed by demeaning\(sweeps), using \(absorbed.degreesOfFreedom) df; "
          + "R² is the full model's, the F test covers the listed coefficients.")
    }
    var undefinedTerms: [(reason: String, terms: [String])] = []
    for c in coefficients {
      guard let reason = c.undefinedReason else { continue }
      if let known = undefinedTerms.firstIndex(where: { $0.reason == reason }) {
        undefinedTerms[known].terms.append(c.term)
      } else {
        undefinedTerms.append((reason, [c.term]))
      }
    }
    for (reason, terms) in undefinedTerms {
      let plural = terms.count == 1 ? "" : "s"
      notes.append("Standard error\(plural) of \(terms.joined(separator: ", ")) undefined: \(reason).")
    }
    let penalised = (ridge ?? 0) > 0
    if fTest == nil && !penalised {
      notes.append(
        coefficients.contains { $0.undefinedReason != nil }
          ? "No F test: a tested coefficient has no standard error."
          : "No F test: the covariance of the tested coefficients is not positive definite (fewer clusters than "
            + "restrictions, or an indefinite two-way cluster covariance), or the constant is only implied.")
    }
    if let ridge {
      notes.append(
        penalised
          ? "Ridge penalty λ = \(Self.number(ridge)) on every coefficient but the intercept; df are effective "
            + "(n − tr H); no F test (the estimates are shrunk towards 0, so the F distribution does not apply)."
          : "Ridge penalty λ = \(Self.number(ridge)): least squares, with its df and F test.")
    }
    if let weightsColumn { notes.append("Weighted by \(weightsColumn).") }
    for (index, note) in notes.enumerated() { lines.append("[\(index + 1)] \(note)") }
    return wrapLines(lines.joined(separator: "\n"), width: columns, hanging: "    ")
  }

  /// statsmodels' `forg`: 4 decimals for moderate magnitudes, else 4 significant digits in
  /// scientific notation; "—" for NaN (undefined), `inf` and `-inf` for infinities.
  static func number(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "—" : (x > 0 ? "inf" : "-inf") }
    let magnitude = abs(x)
    return magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e4)
      ? String(format: "%.4f", x) : String(format: "%.3e", x)
  }

  /// `x` with `digits` decimals, or as `number` shows it when it is not finite.
  static func fixed(_ x: Double, _ digits: Int) -> String {
    x.isFinite ? StatisticText.fixed(x, digits) : number(x)
  }

  static func probability(_ p: Double) -> String {
    guard p.isFinite else { return number(p) }
    return p >= 1e-3 ? String(format: "%.4f", p) : String(format: "%.2e", p)
  }

  static func degrees(_ df: Double) -> String {
    guard df.isFinite else { return number(df) }
    return df == df.rounded() ? String(Int(df)) : String(format: "%.2f", df)
  }
}
