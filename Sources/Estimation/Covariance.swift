// Covariance of least-squares coefficients: classical, heteroskedasticity-consistent (HC0–HC3)
// and one-way cluster-robust, with the small-sample corrections of statsmodels and Stata.
//
// Notation: X is the n×k design of the independent (non-aliased) columns, after whitening by
// √w for WLS (statsmodels' `wexog`); e = y − Xβ̂ the (whitened) residuals; k the rank;
// A = (XᵀX)⁻¹ the "bread", formed by `PivotedQR.inverseCrossProduct` as R⁻¹R⁻ᵀ, never by
// inverting XᵀX; h_i = x_iᵀ A x_i the leverage, the squared norm of row i of Q (X·P = Q·R), so it
// is also never formed from an inverse; s² = eᵀe / (n − k).
//
//   classical  V = s² A
//   HC0        V = A (Σ_i e_i² x_i x_iᵀ) A                                 White (1980)
//   HC1        V = n / (n − k) · HC0                                        MacKinnon & White (1985)
//   HC2        V = A (Σ_i e_i² / (1 − h_i) · x_i x_iᵀ) A                    MacKinnon & White (1985)
//   HC3        V = A (Σ_i e_i² / (1 − h_i)² · x_i x_iᵀ) A                   MacKinnon & White (1985)
//   cluster    V = G/(G − 1) · (n − 1)/(n − k) · A (Σ_g u_g u_gᵀ) A,  u_g = Σ_{i∈g} e_i x_i
//                                                    Cameron & Miller (2015), §VI.A eq. (12)–(13)
//   two-way    V = V_a + V_b − V_ab: one-way cluster covariances on a, on b and on the (a, b)
//              pairs, each with its own G; t with min(G_a, G_b) − 1 df
//                                            Cameron, Gelbach & Miller (2011), eq. (2.11)
//              (may be indefinite in small samples; a negative variance gives a NaN standard
//              error, as in statsmodels)
//
// An observation with leverage h_i = 1 is fitted exactly whatever its value (e_i = 0, e.g. the
// only row of a dummy): HC2 and HC3 weigh it by 0/0. It is left out of their meat, and the
// coefficients it influences (A x_i ≠ 0) get an undefined (NaN) variance and covariances; the
// others are exact, since e_i x_i contributes nothing to them. statsmodels prints whatever the
// rounding leaves for those coefficients (it changes with the row order).
//
// These are the defaults of statsmodels 0.14 (`OLS.fit(cov_type="HC0"…"HC3")`,
// `cov_type="cluster"` with `use_correction=True`, two-way with a two-column `groups`, which
// calls `sandwich_covariance.cov_cluster_2groups`) and of
// Stata (`vce(robust)` is HC1, `vce(hc2)`, `vce(hc3)`, `vce(cluster c)` uses the same
// G/(G−1)·(n−1)/(n−k) factor). Reference distributions: t with n − k degrees of freedom for
// classical and HC; t with G − 1 for cluster (Stata's rule and statsmodels' `df_correction`;
// Cameron & Miller 2015 §VI.C), and the Wald F for the joint test uses the same denominator df.
//
// The meats are accumulated without n×n matrices: Σ ω_i x_i x_iᵀ = (D X)ᵀ(D X) with
// D = diag(√ω_i) in one dgemm, and the cluster scores u_g in one pass over the rows.
//
// Ridge (penalty λ on every column but the intercept, P = λ·diag(0, 1, …, 1)): the bread is
// (XᵀX + P)⁻¹ from the QR of [X; √P]; classical V = s² A XᵀX A, the robust meats as above with
// h_i the ridge leverage (row i of Q of the augmented problem), and n − k replaced by
// n − tr(H), the effective residual degrees of freedom (Hastie, Tibshirani & Friedman 2009, §3.4.1).
//
// References: H. White (1980), Econometrica 48(4), 817–838. J. G. MacKinnon & H. White (1985),
// J. Econometrics 29(3), 305–325. A. C. Cameron & D. L. Miller (2015), J. Human Resources 50(2),
// 317–372. A. C. Cameron, J. B. Gelbach & D. L. Miller (2011), J. Business & Economic
// Statistics 29(2), 238–249. statsmodels documentation,
// "statsmodels.regression.linear_model.RegressionResults.get_robustcov_results".

import Foundation
import LinearAlgebra

/// Which covariance estimator a regression reports (and `run` draws from, for estimated β).
public enum CovarianceType: Sendable, Hashable, CustomStringConvertible {
  case classical, hc0, hc1, hc2, hc3
  /// One-way cluster-robust, clustered on a column of the data.
  case cluster(column: String)
  /// Two-way cluster-robust (Cameron, Gelbach & Miller 2011), e.g. on city and year.
  case twoWayCluster(first: String, second: String)

  /// Parses `classical` (or `nonrobust`), `hc0` … `hc3` (any case), `cluster:COLUMN` or
  /// `cluster:COLUMN,COLUMN` (two-way).
  public init(parsing text: String) throws {
    let lower = text.lowercased()
    switch lower {
    case "classical", "nonrobust": self = .classical
    case "hc0": self = .hc0
    case "hc1": self = .hc1
    case "hc2": self = .hc2
    case "hc3": self = .hc3
    default:
      let columns =
        lower.hasPrefix("cluster:")
        ? text.dropFirst("cluster:".count).split(separator: ",", omittingEmptySubsequences: false).map(String.init) : []
      switch columns.count {
      case 1 where !columns[0].isEmpty:
        self = .cluster(column: columns[0])
      case 2 where !columns[0].isEmpty && !columns[1].isEmpty && columns[0] != columns[1]:
        self = .twoWayCluster(first: columns[0], second: columns[1])
      default:
        throw EstimationError.invalidOption(
          "unknown covariance `\(text)`; use classical, hc0, hc1, hc2, hc3, cluster:COLUMN or "
            + "cluster:COLUMN,COLUMN (two different columns)"
        )
      }
    }
  }

  /// `classical`, `HC0` … `HC3`, `cluster:COLUMN`: the name written to JSON and estimates files.
  public var description: String {
    switch self {
    case .classical: "classical"
    case .hc0: "HC0"
    case .hc1: "HC1"
    case .hc2: "HC2"
    case .hc3: "HC3"
    case let .cluster(column): "cluster:\(column)"
    case let .twoWayCluster(first, second): "cluster:\(first),\(second)"
    }
  }

  /// The columns whose values define the clusters: none, one, or two for two-way clustering.
  public var clusterColumns: [String] {
    switch self {
    case let .cluster(column): [column]
    case let .twoWayCluster(first, second): [first, second]
    default: []
    }
  }

  var needsLeverage: Bool { self == .hc2 || self == .hc3 }
}

/// What a covariance estimator needs from a fit.
struct SandwichInputs {
  /// Independent columns of the (whitened) design, n×k.
  var design: Matrix
  var residuals: [Double]
  /// A = (XᵀX + P)⁻¹, k×k.
  var bread: Matrix
  /// h_i, needed for HC2 and HC3.
  var leverage: [Double]?
  /// Residual degrees of freedom n − k (or n − tr H for ridge).
  var residualDF: Double
  /// Whether the bread includes a ridge penalty (the classical form is then a sandwich too).
  var isRidge: Bool
}

/// The covariance matrix and the degrees of freedom of its t reference distribution.
struct CoefficientCovariance {
  var matrix: Matrix
  var inferenceDF: Double
  /// The clusters behind the inference df: G, or min(G_a, G_b) for two-way clustering.
  var clusterCount: Int?
  /// Observations with leverage 1, which make HC2 and HC3 undefined for some coefficients.
  var leverageOne: [Int] = []
  /// Positions of the coefficients those observations influence: their rows and columns of
  /// `matrix` are NaN.
  var undefined: [Int] = []
}

enum CovarianceEstimator {
  static func compute(
    _ type: CovarianceType, _ inputs: SandwichInputs, clusters: [Design.Clusters]
  ) throws -> CoefficientCovariance {
    let n = inputs.design.rows
    let e = inputs.residuals
    let rss = e.reduce(0) { $0 + $1 * $1 }
    let s2 = rss / inputs.residualDF
    let bread = inputs.bread

    func sandwich(_ meat: Matrix, scale: Double) throws -> Matrix {
      let left = try bread.multiplied(by: meat)
      return symmetrised(try left.multiplied(by: bread)).scaled(by: scale)
    }

    switch type {
    case .classical:
      if inputs.isRidge {
        let gram = try inputs.design.multiplied(by: inputs.design, transposingSelf: true)
        return .init(matrix: try sandwich(gram, scale: s2), inferenceDF: inputs.residualDF)
      }
      return .init(matrix: symmetrised(bread).scaled(by: s2), inferenceDF: inputs.residualDF)

    case .hc0, .hc1, .hc2, .hc3:
      let exponent: Double = type == .hc2 ? 1 : (type == .hc3 ? 2 : 0)
      let leverage = exponent == 0 ? [] : inputs.leverage ?? []
      precondition(exponent == 0 || leverage.count == n, "HC2 and HC3 need the leverage of every observation")
      var rootWeights = [Double](repeating: 0, count: n)
      var leverageOne: [Int] = []
      for i in 0..<n {
        if exponent != 0 && 1 - leverage[i] <= leverageOneTolerance {
          leverageOne.append(i)  // 0/0: left out of the meat
          continue
        }
        let discount = exponent == 0 ? 1 : Foundation.pow(1 - leverage[i], exponent / 2)
        rootWeights[i] = abs(e[i]) / discount
      }
      let meat = try weightedCrossProduct(inputs.design, rootWeights: rootWeights)
      let scale = type == .hc1 ? Double(n) / inputs.residualDF : 1
      var matrix = try sandwich(meat, scale: scale)
      let undefined = influencedCoefficients(leverageOne, inputs)
      for j in undefined {
        for m in 0..<matrix.columns {
          matrix[j, m] = .nan
          matrix[m, j] = .nan
        }
      }
      return .init(matrix: matrix, inferenceDF: inputs.residualDF, leverageOne: leverageOne, undefined: undefined)

    case .cluster:
      precondition(clusters.count == 1, "cluster covariance without cluster membership")
      let groups = try clusterGroupCount(clusters[0])
      return .init(
        matrix: try clusterCovariance(clusters[0].index, groups: groups, inputs, sandwich),
        inferenceDF: Double(groups) - 1, clusterCount: groups)

    case .twoWayCluster:
      precondition(clusters.count == 2, "two-way cluster covariance without both memberships")
      let (a, b) = (clusters[0], clusters[1])
      let groupsA = try clusterGroupCount(a), groupsB = try clusterGroupCount(b)
      // The (a, b) pairs that occur, numbered in order of first appearance.
      var pairNumber: [Int: Int] = [:]
      let pairs = (0..<n).map { i in
        let key = a.index[i] * groupsB + b.index[i]
        if let number = pairNumber[key] { return number }
        pairNumber[key] = pairNumber.count
        return pairNumber.count - 1
      }
      let both = try clusterCovariance(pairs, groups: pairNumber.count, inputs, sandwich)
      var matrix = try clusterCovariance(a.index, groups: groupsA, inputs, sandwich)
      let second = try clusterCovariance(b.index, groups: groupsB, inputs, sandwich)
      for j in 0..<matrix.columns {
        for i in 0..<matrix.rows { matrix[i, j] += second[i, j] - both[i, j] }
      }
      let fewest = min(groupsA, groupsB)
      return .init(matrix: matrix, inferenceDF: Double(fewest) - 1, clusterCount: fewest)
    }
  }

  /// How close to 1 a computed leverage must be to count as 1: rounding leaves the h of an
  /// exactly fitted observation within a few ulps of 1, and a genuine 1 − h below 1e-10 would
  /// give HC2/HC3 weights dominated by rounding anyway.
  static let leverageOneTolerance = 1e-10

  /// The coefficients that the observations `rows` influence: j with (A x_i)_j² > 1e-12 · A_jj.
  /// Since Σ_i (A x_i)_j² = A_jj (least squares), the ratio is observation i's share of
  /// coefficient j's sampling variance: of order 1 when x_i matters to β̂_j, rounding otherwise.
  private static func influencedCoefficients(_ rows: [Int], _ inputs: SandwichInputs) -> [Int] {
    let k = inputs.design.columns
    var influenced = Set<Int>()
    for i in rows {
      for j in 0..<k {
        let influence = (0..<k).reduce(0) { $0 + inputs.bread[j, $1] * inputs.design[i, $1] }
        if influence * influence > 1e-12 * inputs.bread[j, j] { influenced.insert(j) }
      }
    }
    return influenced.sorted()
  }

  /// The number of clusters, which must be at least two.
  static func clusterGroupCount(_ clusters: Design.Clusters) throws -> Int {
    guard clusters.labels.count >= 2 else {
      throw EstimationError.tooFewClusters(column: clusters.column, count: clusters.labels.count)
    }
    return clusters.labels.count
  }

  /// The one-way cluster-robust covariance G/(G − 1)·(n − 1)/(n − k)·A (Σ_g u_g u_gᵀ) A for
  /// observation i in cluster `index[i]` ∈ 0..<groups.
  private static func clusterCovariance(
    _ index: [Int], groups: Int, _ inputs: SandwichInputs, _ sandwich: (Matrix, Double) throws -> Matrix
  ) throws -> Matrix {
    let n = inputs.design.rows, k = inputs.design.columns
    let e = inputs.residuals
    var sums = [Double](repeating: 0, count: groups * k)
    inputs.design.elements.withUnsafeBufferPointer { x in
      sums.withUnsafeMutableBufferPointer { u in
        for j in 0..<k {
          let column = j * n, target = j * groups
          for i in 0..<n { u[target + index[i]] += e[i] * x[column + i] }
        }
      }
    }
    let scores = Matrix(rows: groups, columns: k, elements: sums)
    let meat = try scores.multiplied(by: scores, transposingSelf: true)
    let g = Double(groups)
    return try sandwich(meat, g / (g - 1) * Double(n - 1) / inputs.residualDF)
  }

  /// Xᵀ diag(r²) X as (diag(r) X)ᵀ (diag(r) X).
  static func weightedCrossProduct(_ x: Matrix, rootWeights r: [Double]) throws -> Matrix {
    var values = x.elements
    let n = x.rows
    values.withUnsafeMutableBufferPointer { values in
      for j in 0..<x.columns {
        let column = j * n
        for i in 0..<n { values[column + i] *= r[i] }
      }
    }
    let scaled = Matrix(rows: n, columns: x.columns, elements: values)
    return try scaled.multiplied(by: scaled, transposingSelf: true)
  }

  /// (M + Mᵀ)/2, removing the rounding asymmetry of a product of three matrices.
  static func symmetrised(_ m: Matrix) -> Matrix {
    var result = m
    for j in 0..<m.columns {
      for i in 0..<j {
        let mean = (m[i, j] + m[j, i]) / 2
        result[i, j] = mean
        result[j, i] = mean
      }
    }
    return result
  }
}
