// Ordinary, weighted and ridge least squares through the column-pivoted QR of LinearAlgebra
// (dgeqp3 on unit-norm columns; see PivotedQR.swift for the rank rule), never the normal
// equations.
//
// Steps (LeastSquaresSolution): whiten by √w (WLS); for ridge append √λ·I rows for the penalised columns (the
// intercept is not penalised); factor; if the rank is short, choose the independent columns in
// the order the model lists them (an R-style rule: a column is aliased when it is a combination
// of the columns before it, so the dummy trap drops a dummy, not the intercept), name the others,
// and refactor the kept columns; solve by back substitution; residuals directly as y − Xβ̂.

import Foundation
import LinearAlgebra
import Stochastics

extension Regression {
  /// Fits `design` by least squares.
  ///
  /// - Parameters:
  ///   - covariance: the covariance estimator (its cluster column must be the one the design was
  ///     built with).
  ///   - ridge: λ ≥ 0 for ridge regression, nil for OLS/WLS.
  ///   - varianceInflation: compute VIF for every non-intercept coefficient.
  public init(
    fitting design: Design, covariance: CovarianceType = .classical, ridge: Double? = nil,
    varianceInflation: Bool = false
  ) throws {
    let penalty = try Self.checkedPenalty(design: design, covariance: covariance, ridge: ridge)
    let n = design.observationCount
    let absorbedDF = design.absorbed?.degreesOfFreedom ?? 0
    let solution = try LeastSquaresSolution(design, penalty: penalty)
    let rank = solution.kept.count

    var leverage: [Double]?
    if covariance.needsLeverage || penalty != nil {
      leverage = Self.leverage(solution.qr.q, rows: n, rank: rank)
    }
    let residualDF = penalty == nil ? Double(n - rank - absorbedDF) : Double(n) - (leverage ?? []).reduce(0, +)
    if let absorbed = design.absorbed, let within = leverage { leverage = absorbed.fullLeverage(within) }
    let bread = try solution.qr.inverseCrossProduct()
    let estimate = try CovarianceEstimator.compute(
      covariance,
      SandwichInputs(
        design: solution.keptDesign, residuals: solution.residuals, bread: bread, leverage: leverage,
        residualDF: residualDF, isRidge: penalty != nil),
      clusters: design.clusters)

    let hasConstant =
      try design.absorbed != nil || design.hasIntercept
      || Self.spansConstant(qr: solution.qr, rootWeights: solution.rootWeights, rows: n, ridge: penalty)
    let fit = GoodnessOfFit(
      response: design.absorbed?.response ?? design.response, weights: design.weights,
      residualSumOfSquares: solution.rss, residualDF: residualDF, rank: rank + absorbedDF, hasConstant: hasConstant)
    let leverageOne = estimate.leverageOne.map(design.observationName)
    var coefficients = Self.coefficients(
      names: solution.kept.map { design.columnNames[$0] }, beta: solution.beta, estimate: estimate,
      covariance: covariance, leverageOne: leverageOne)
    if varianceInflation {
      let vif = Diagnostics.varianceInflation(
        design: solution.keptDesign, bread: bread, constantColumn: design.hasIntercept ? 0 : nil,
        centred: hasConstant)
      for position in coefficients.indices { coefficients[position].varianceInflation = vif[position] }
    }
    let fTest = try Self.fTest(
      design: design, beta: solution.beta, estimate: estimate, fit: fit, covariance: covariance,
      penalised: penalty != nil, hasConstant: hasConstant, rank: rank)

    self.init(
      responseName: design.responseName, coefficients: coefficients,
      aliased: (0..<design.parameterCount).filter { !solution.kept.contains($0) }.map { design.columnNames[$0] },
      observationCount: n, droppedCount: design.droppedCount, rank: rank, residualDF: residualDF,
      modelDF: fit.modelDF, inferenceDF: estimate.inferenceDF, rSquared: fit.rSquared,
      adjustedRSquared: fit.adjustedRSquared, rSquaredIsCentred: hasConstant,
      residualStandardError: (solution.rss / residualDF).squareRoot(), residualSumOfSquares: solution.rss,
      fTest: fTest, conditionNumber: solution.conditionNumber, covarianceType: covariance,
      covariance: estimate.matrix, clusterCount: estimate.clusterCount, leverageOneObservations: leverageOne,
      ridge: ridge,
      weightsColumn: design.weightsColumn)
    absorbed = design.absorbed
    if !covariance.clusterColumns.isEmpty && penalty == nil {
      let s2 = solution.rss / residualDF
      classicalStandardErrors = (0..<rank).map { (s2 * bread[$0, $0]).squareRoot() }
    }
  }

  /// The options checked against the design; the ridge penalty, nil for least squares (λ = 0 is
  /// least squares itself: fitted and reported as OLS, F test and exact df, with `ridge` = 0).
  static func checkedPenalty(design: Design, covariance: CovarianceType, ridge: Double?) throws -> Double? {
    if covariance.clusterColumns != design.clusters.map(\.column) && !covariance.clusterColumns.isEmpty {
      throw EstimationError.invalidOption(
        "the design was not built with cluster column\(covariance.clusterColumns.count > 1 ? "s" : "") "
          + "`\(covariance.clusterColumns.joined(separator: "`, `"))`"
      )
    }
    if let ridge, !(ridge >= 0 && ridge.isFinite) {
      throw EstimationError.invalidOption("--ridge must be a finite number ≥ 0, not \(ridge)")
    }
    let penalty = ridge.flatMap { $0 > 0 ? $0 : nil }
    try design.absorbed?.checkSupports(covariance: covariance, ridge: penalty)
    return penalty
  }

  /// Each coefficient with its t, p-value and 95 % interval on the covariance's degrees of
  /// freedom, and why its standard error is undefined where it is.
  static func coefficients(
    names: [String], beta: [Double], estimate: CoefficientCovariance, covariance: CovarianceType, leverageOne: [String]
  ) -> [Coefficient] {
    let df = estimate.inferenceDF
    let critical = studentTQuantile(0.975, df: df)
    return names.enumerated().map { position, term in
      let variance = estimate.matrix[position, position]
      let se = variance.squareRoot()
      let t = beta[position] / se
      let undefinedReason: String? =
        if estimate.undefined.contains(position) {
          "\(covariance) divides by 1 − h, and h = 1 (fitted exactly whatever its value) at "
            + Self.listing(leverageOne)
        } else if variance < 0 {
          "its estimated variance is negative (the covariance matrix is not positive semi-definite)"
        } else {
          nil
        }
      return Coefficient(
        term: term, estimate: beta[position], standardError: se, t: t,
        pValue: se.isNaN ? .nan : 2 * studentTSurvival(abs(t), df: df),
        confidenceLow: beta[position] - critical * se, confidenceHigh: beta[position] + critical * se,
        varianceInflation: nil, undefinedReason: undefinedReason)
    }
  }

  /// The joint test that every coefficient but the intercept is zero: none for ridge or when a
  /// standard error is undefined; classical F for a classical fit; otherwise the Wald F (with
  /// absorbed fixed effects only the listed coefficients are tested, as areg does).
  static func fTest(
    design: Design, beta: [Double], estimate: CoefficientCovariance, fit: GoodnessOfFit, covariance: CovarianceType,
    penalised: Bool, hasConstant: Bool, rank: Int
  ) throws -> FTest? {
    if penalised || !estimate.undefined.isEmpty { return nil }
    if covariance == .classical && design.absorbed == nil { return fit.classicalF }
    let restricted =
      design.absorbed != nil || !hasConstant
      ? Array(0..<rank) : (design.hasIntercept ? Array(1..<rank) : [])
    return try Diagnostics.waldF(
      beta: beta, covariance: estimate.matrix, restricted: restricted, denominatorDF: estimate.inferenceDF)
  }

  /// Up to five names, then how many more.
  static func listing(_ names: [String]) -> String {
    names.prefix(5).joined(separator: "; ") + (names.count > 5 ? "; and \(names.count - 5) more" : "")
  }

  /// Greedy in model order on the k×k factor: with X·P = Q·R, the columns of X have the same
  /// linear dependencies as the columns of R·Pᵀ, so deciding on R costs O(k³) however many rows
  /// X has. Column j is kept when its distance from the span of the kept columns, relative to its
  /// own norm, exceeds the rank tolerance of the factorisation. If this does not reproduce the
  /// pivoted rank, the pivoted choice is used.
  static func independentColumnsInOrder(_ qr: PivotedQR) -> [Int] {
    let r = qr.r
    let k = qr.columns
    var basis: [[Double]] = []
    var kept: [Int] = []
    for j in 0..<k {
      let pivotPosition = qr.permutation.firstIndex(of: j)!
      var v = r.column(pivotPosition)
      let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
      guard norm > 0 else { continue }
      for _ in 0..<2 {  // Gram–Schmidt twice ("twice is enough", Giraud et al. 2005)
        for q in basis {
          let projection = zip(q, v).reduce(0) { $0 + $1.0 * $1.1 }
          for i in v.indices { v[i] -= projection * q[i] }
        }
      }
      let distance = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
      if distance > qr.rankTolerance * norm {
        basis.append(v.map { $0 / distance })
        kept.append(j)
      }
    }
    return kept.count == qr.rank ? kept : qr.independentColumns
  }

  static func columns(_ indices: [Int], of matrix: Matrix) -> Matrix {
    var elements: [Double] = []
    elements.reserveCapacity(matrix.rows * indices.count)
    for j in indices { elements += matrix.elements[(j * matrix.rows)..<((j + 1) * matrix.rows)] }
    return Matrix(rows: matrix.rows, columns: indices.count, elements: elements)
  }

  /// [X; √λ·E] where E has one row per penalised column with a 1 in that column.
  static func ridgeAugmented(_ x: Matrix, penalised: [Bool], lambda: Double) -> Matrix {
    let extra = penalised.filter { $0 }.count
    let rows = x.rows + extra
    var elements = [Double](repeating: 0, count: rows * x.columns)
    var penaltyRow = x.rows
    for j in 0..<x.columns {
      for i in 0..<x.rows { elements[i + j * rows] = x[i, j] }
      if penalised[j] {
        elements[penaltyRow + j * rows] = lambda.squareRoot()
        penaltyRow += 1
      }
    }
    return Matrix(rows: rows, columns: x.columns, elements: elements)
  }

  /// h_i = Σ_{j<rank} Q_ij² for the first `rows` rows of Q.
  static func leverage(_ q: Matrix, rows: Int, rank: Int) -> [Double] {
    var h = [Double](repeating: 0, count: rows)
    q.elements.withUnsafeBufferPointer { values in
      for j in 0..<rank {
        let column = j * q.rows
        for i in 0..<rows { h[i] += values[column + i] * values[column + i] }
      }
    }
    return h
  }

  /// Whether the constant (√w for WLS) lies in the column space: its residual after projection
  /// on Q is below 1e-10 of its norm. This is how a model without `Intercept` whose dummies sum
  /// to one gets a centred R², as statsmodels does (its `k_constant` check).
  static func spansConstant(qr: PivotedQR, rootWeights: [Double]?, rows: Int, ridge: Double?) throws -> Bool {
    guard ridge == nil else { return false }
    let constant = rootWeights ?? [Double](repeating: 1, count: rows)
    let rotated = try qr.qTransposeTimes(constant)
    let outside = rotated[qr.rank...].reduce(0) { $0 + $1 * $1 }
    let total = constant.reduce(0) { $0 + $1 * $1 }
    return outside <= 1e-20 * total
  }
}
