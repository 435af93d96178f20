import Foundation
import LinearAlgebra
import Stochastics

/// R², adjusted R² and the classical F test, with statsmodels' conventions: R² is centred
/// (about the weighted mean for WLS) when the model has a constant and uncentred (1 − RSS/Σwy²)
/// otherwise; adjusted R² = 1 − (n − c)/(n − k)·(1 − R²) with c = 1 for a constant.
struct GoodnessOfFit {
  var rSquared: Double
  var adjustedRSquared: Double
  var modelDF: Double
  var classicalF: Regression.FTest?

  init(
    response y: [Double], weights: [Double]?, residualSumOfSquares rss: Double, residualDF: Double, rank: Int,
    hasConstant: Bool
  ) {
    let n = Double(y.count)
    let w = weights ?? [Double](repeating: 1, count: y.count)
    let totalWeight = w.reduce(0, +)
    let mean = hasConstant ? zip(w, y).reduce(0) { $0 + $1.0 * $1.1 } / totalWeight : 0
    let tss = zip(w, y).reduce(0) { $0 + $1.0 * ($1.1 - mean) * ($1.1 - mean) }
    let c: Double = hasConstant ? 1 : 0
    rSquared = 1 - rss / tss
    adjustedRSquared = 1 - (n - c) / residualDF * (1 - rSquared)
    modelDF = Double(rank) - c
    if modelDF > 0 && rss > 0 {
      let f = ((tss - rss) / modelDF) / (rss / residualDF)
      classicalF = .init(
        statistic: f, numeratorDF: modelDF, denominatorDF: residualDF,
        pValue: fisherFSurvival(f, df1: modelDF, df2: residualDF))
    } else {
      classicalF = nil
    }
  }
}

enum Diagnostics {
  /// Wald F = (Rβ)ᵀ(R V Rᵀ)⁻¹(Rβ)/q for the coefficients `restricted` all zero, with q and
  /// `denominatorDF` degrees of freedom; nil when there is nothing to test or R V Rᵀ is singular
  /// at the rank tolerance (a cluster covariance has rank at most G − 1).
  static func waldF(
    beta: [Double], covariance: Matrix, restricted: [Int], denominatorDF: Double
  ) throws
    -> Regression.FTest?
  {
    let q = restricted.count
    guard q > 0 else { return nil }
    var sub = Matrix(rows: q, columns: q)
    for (b, j) in restricted.enumerated() {
      for (a, i) in restricted.enumerated() { sub[a, b] = covariance[i, j] }
    }
    guard try PivotedQR(sub).rank == q, let cholesky = try? Cholesky(sub) else { return nil }
    let values = restricted.map { beta[$0] }
    let solved = try cholesky.solve(values)
    let f = zip(values, solved).reduce(0) { $0 + $1.0 * $1.1 } / Double(q)
    return .init(
      statistic: f, numeratorDF: Double(q), denominatorDF: denominatorDF,
      pValue: fisherFSurvival(f, df1: Double(q), df2: denominatorDF))
  }

  /// VIF_j = A_jj · TSS_j, the identity [(XᵀX)⁻¹]_jj = 1/RSS_j with RSS_j = TSS_j(1 − R²_j) from
  /// regressing column j on the others; TSS_j centred when the model has a constant. nil for the
  /// intercept column. For WLS it is computed on the √w-scaled design, like everything else.
  static func varianceInflation(design: Matrix, bread: Matrix, constantColumn: Int?, centred: Bool) -> [Double?] {
    (0..<design.columns).map { j in
      guard j != constantColumn else { return nil }
      let column = design.column(j)
      let mean = centred ? column.reduce(0, +) / Double(column.count) : 0
      let tss = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      return bread[j, j] * tss
    }
  }
}
