// The restricted wild cluster bootstrap (WCR) for one-way cluster-robust t tests, with
// bootstrap-t p-values and confidence intervals found by inverting the test: Cameron, Gelbach &
// Miller (2008), "Bootstrap-based improvements for inference with clustered errors", REStat
// 90(3); Roodman, MacKinnon, Nielsen & Webb (2019), "Fast and wild: bootstrap inference in Stata
// using boottest", Stata Journal 19(1); weights of Webb (2023), Canadian J. Economics 56(3).
//
// For coefficient j and the null β_j = c (R = e_j'), with X the n×k design, A = (X'X)⁻¹,
// a = A e_j, û the unrestricted residuals and λ = (β̂_j − c)/A_jj:
//
//   restricted fit    β̃ = β̂ − a λ,  ũ = û + λ d,  d = X a
//   bootstrap data    y* = X β̃ + v_g ũ_i  (v_g one weight per cluster)
//   numerator         β̂*_j − c = Σ_g v_g C_g,           C_g = a'(ŝ_g + λ w_g)
//   cluster scores    a'X_h'u*_h = v_h C_h − Σ_g H_hg v_g,  H_hg = w_h' A (ŝ_g + λ w_g)
//   t*                numerator / √(ssc · Σ_h (a'X_h'u*_h)²)
//
// with ŝ_g = X_g'û_g, w_g = X_g'd_g and ssc = G/(G − 1)·(n − 1)/(n − k), the factor of the
// reported cluster covariance (it cancels in the comparison of t with t*). Everything is affine
// in λ, so for each draw b the numerator is n0_b + λ n1_b and the sum of squares the quadratic
// q0_b + 2λ q1_b + λ² q2_b: after one pass over the draws a p-value at any c costs O(B), which
// makes inverting the test cheap (boottest's observation).
//
// The p-value is the share of draws with |t*_b| > |t| (symmetric, equal-tailed in |t|). The
// sign vectors v = ±(1, …, 1) reproduce ±t exactly (ties at every c); a draw within 1e-10
// relative of |t| counts as a tie and not as exceeding it, so ties do not depend on rounding.

import Foundation
import LinearAlgebra
import Stochastics

/// The wild cluster bootstrap of the t tests of a one-way cluster-robust fit.
public struct WildClusterBootstrap: Sendable {
  /// The distribution of the cluster weights v_g.
  public enum Weights: String, Sendable, CaseIterable, CustomStringConvertible {
    /// ±1 with probability ½ each; with G ≤ 12 clusters all 2^G sign vectors are enumerated.
    case rademacher
    /// ±√(1/2), ±1, ±√(3/2) with probability 1/6 each (Webb 2023): six points, better with few
    /// clusters, where Rademacher weights have only 2^G distinct draws.
    case webb

    public var description: String { rawValue }
  }

  /// One coefficient's bootstrap inference at 95 %.
  public struct Test: Sendable, Equatable {
    public var term: String
    /// The cluster-robust t of the null β = 0.
    public var t: Double
    /// The bootstrap-t p-value of the null β = 0.
    public var pValue: Double
    /// The 95 % confidence interval by test inversion; an end is infinite when the bootstrap
    /// cannot reject any value beyond it.
    public var confidenceLow: Double
    public var confidenceHigh: Double
  }

  public var weights: Weights
  /// Below this many sign vectors (2^G, G ≤ 9) enumerated p-values are too coarse to lean on.
  static let coarseDraws = 1_000

  /// A warning when the enumerated sign vectors are few: every p-value is then a multiple of
  /// 1/2^G; nil otherwise.
  public var coarsenessWarning: String? {
    guard enumerated && draws < Self.coarseDraws else { return nil }
    return "with \(clusterCount) clusters Rademacher weights have only \(draws) sign vectors: bootstrap p-values "
      + "are multiples of 1/\(draws) and the intervals are coarse; Webb weights (--wild-weights webb) have "
      + "6^\(clusterCount) and suit few clusters better (Webb 2023)"
  }

  /// The draws used: B as asked, or 2^G when every Rademacher sign vector is enumerated.
  public var draws: Int
  /// Whether the draws are every sign vector (exact, no seed involved).
  public var enumerated: Bool
  public var seed: UInt64
  public var clusterCount: Int
  public var tests: [Test]

  /// Clusters up to which Rademacher weights are enumerated rather than drawn (2^12 = 4,096).
  public static let enumerationLimit = 12
  /// The level of the intervals (as the regression table's).
  static let level = 0.95
  /// |t*| within this relative distance of |t| is a tie.
  static let tieTolerance = 1e-10

  /// Bootstraps the t test of every coefficient of `design` among `terms` (default: all but the
  /// intercept and the C() dummies), for a one-way cluster-robust least-squares fit.
  ///
  /// - Throws: `EstimationError.invalidOption` when the design is not a one-way clustered OLS
  ///   design (weights and absorbed fixed effects are not supported).
  public init(
    design: Design, weights: Weights, draws: Int, seed: UInt64, terms: [String]? = nil
  ) throws {
    guard design.clusters.count == 1 else {
      throw EstimationError.invalidOption("the wild cluster bootstrap needs one-way clustering (--se cluster:COLUMN)")
    }
    guard design.weights == nil, design.absorbed == nil else {
      throw EstimationError.invalidOption(
        "the wild cluster bootstrap is available for OLS with dummies only "
          + "(not with --weights or --absorb)")
    }
    guard draws >= 1 else { throw EstimationError.invalidOption("the bootstrap needs at least 1 draw, not \(draws)") }
    let solution = try LeastSquaresSolution(design, penalty: nil)
    let x = solution.keptDesign
    let bread = try solution.qr.inverseCrossProduct()
    let clusters = design.clusters[0]
    let groups = try CovarianceEstimator.clusterGroupCount(clusters)
    let n = x.rows, k = x.columns
    let names = solution.kept.map { design.columnNames[$0] }
    let wanted = terms ?? names.filter { $0 != "Intercept" && !$0.contains("C(") }

    let enumerate = weights == .rademacher && groups <= Self.enumerationLimit
    let v = enumerate ? Self.signVectors(groups) : Self.drawn(weights, groups: groups, draws: draws, seed: seed)
    let scale = Double(groups) / Double(groups - 1) * Double(n - 1) / Double(n - k)
    let scores = Self.clusterSums(x, solution.residuals, clusters.index, groups: groups)

    var tests: [Test] = []
    for term in wanted {
      guard let j = names.firstIndex(of: term) else { continue }
      let a = bread.column(j)
      let d = x * a
      let w = Self.clusterSums(x, d, clusters.index, groups: groups)
      let ajj = bread[j, j]
      let statistic = try DrawStatistics(
        a: a, ajj: ajj, bread: bread, scores: scores, leverageScores: w, v: v, scale: scale)
      let beta = solution.beta[j]
      let (low, high) = statistic.confidenceInterval(beta: beta)
      tests.append(
        Test(
          term: term, t: statistic.t(lambda: beta / ajj), pValue: statistic.pValue(lambda: beta / ajj),
          confidenceLow: low, confidenceHigh: high))
    }
    self.weights = weights
    self.draws = v.columns
    self.enumerated = enumerate
    self.seed = seed
    self.clusterCount = groups
    self.tests = tests
  }

  /// The k×G matrix of cluster sums Σ_{i∈g} x_i z_i.
  static func clusterSums(_ x: Matrix, _ z: [Double], _ index: [Int], groups: Int) -> Matrix {
    var sums = Matrix(rows: x.columns, columns: groups)
    for column in 0..<x.columns {
      for i in 0..<x.rows { sums[column, index[i]] += x[i, column] * z[i] }
    }
    return sums
  }

  /// The G×2^G matrix of every sign vector.
  static func signVectors(_ groups: Int) -> Matrix {
    let count = 1 << groups
    var v = Matrix(rows: groups, columns: count)
    for b in 0..<count {
      for g in 0..<groups { v[g, b] = (b >> g) & 1 == 1 ? 1 : -1 }
    }
    return v
  }

  /// G×B weights from the seeded counter-based stream: weight (g, b) is draw b·G + g.
  static func drawn(_ weights: Weights, groups: Int, draws: Int, seed: UInt64) -> Matrix {
    let stream = RandomStream(seed: seed, run: 0, key: StreamKey("wild-bootstrap"))
    let webbPoints = [-1.5, -1, -0.5, 0.5, 1, 1.5].map { $0.magnitude.squareRoot() * ($0 < 0 ? -1 : 1) }
    var v = Matrix(rows: groups, columns: draws)
    for b in 0..<draws {
      for g in 0..<groups {
        let u = stream.uniform(UInt64(b * groups + g))
        v[g, b] =
          switch weights {
          case .rademacher: u < 0.5 ? -1 : 1
          case .webb: webbPoints[min(5, Int(u * 6))]
          }
      }
    }
    return v
  }
}

/// Per-draw coefficients of the bootstrap t as affine (numerator) and quadratic (sum of squared
/// scores) functions of λ, and the observed t, for one coefficient (see the file's header).
struct DrawStatistics {
  var n0: [Double], n1: [Double]
  var q0: [Double], q1: [Double], q2: [Double]
  var standardError: Double
  var ajj: Double
  var scale: Double

  init(
    a: [Double], ajj: Double, bread: Matrix, scores s: Matrix, leverageScores w: Matrix, v: Matrix, scale: Double
  ) throws {
    let groups = s.columns, draws = v.columns
    let aRow = Matrix(rows: 1, columns: a.count, elements: a)
    let c0 = try aRow.multiplied(by: s).elements
    let c1 = try aRow.multiplied(by: w).elements
    let p = try w.multiplied(by: bread.multiplied(by: s), transposingSelf: true)
    let q = try w.multiplied(by: bread.multiplied(by: w), transposingSelf: true)
    let pv = try p.multiplied(by: v), qv = try q.multiplied(by: v)
    n0 = [Double](repeating: 0, count: draws)
    n1 = n0
    q0 = n0
    q1 = n0
    q2 = n0
    for b in 0..<draws {
      var sums = (n0: 0.0, n1: 0.0, q0: 0.0, q1: 0.0, q2: 0.0)
      for h in 0..<groups {
        let weight = v[h, b]
        let alpha = weight * c0[h] - pv[h, b]
        let beta = weight * c1[h] - qv[h, b]
        sums.n0 += weight * c0[h]
        sums.n1 += weight * c1[h]
        sums.q0 += alpha * alpha
        sums.q1 += alpha * beta
        sums.q2 += beta * beta
      }
      (n0[b], n1[b], q0[b], q1[b], q2[b]) = sums
    }
    standardError = (scale * c0.reduce(0) { $0 + $1 * $1 }).squareRoot()
    self.ajj = ajj
    self.scale = scale
  }

  /// The observed t of the null whose λ = (β̂_j − c)/A_jj.
  func t(lambda: Double) -> Double { lambda * ajj / standardError }

  /// The share of draws whose |t*| exceeds |t| (ties excluded).
  func pValue(lambda: Double) -> Double {
    let observed = abs(t(lambda: lambda)) * (1 + WildClusterBootstrap.tieTolerance)
    var exceeding = 0
    for b in n0.indices {
      let numerator = n0[b] + lambda * n1[b]
      let sumOfSquares = q0[b] + lambda * (2 * q1[b] + lambda * q2[b])
      let tStar = numerator / (scale * max(sumOfSquares, 0)).squareRoot()
      if abs(tStar) > observed { exceeding += 1 }
    }
    return Double(exceeding) / Double(n0.count)
  }

  /// The values c of β_j that the bootstrap test does not reject at 5 %: from the estimate
  /// outwards until p ≤ 0.05 (doubling the step, from one standard error), then bisection to
  /// the jump of the p-value (a step function of c). An end is infinite when 60 doublings
  /// reject nothing.
  func confidenceInterval(beta: Double) -> (Double, Double) {
    let alpha = 1 - WildClusterBootstrap.level
    func end(direction: Double) -> Double {
      // c = beta + direction·distance, λ = −direction·distance/ajj.
      func rejected(_ distance: Double) -> Bool { pValue(lambda: -direction * distance / ajj) <= alpha }
      var inside = 0.0
      var outside = standardError
      var doublings = 0
      while !rejected(outside) {
        inside = outside
        outside *= 2
        doublings += 1
        if doublings > 60 || !outside.isFinite { return direction * .infinity }
      }
      for _ in 0..<200 {
        let middle = (inside + outside) / 2
        if middle <= inside || middle >= outside { break }
        if rejected(middle) { outside = middle } else { inside = middle }
      }
      return beta + direction * (inside + outside) / 2
    }
    return (end(direction: -1), end(direction: 1))
  }
}
