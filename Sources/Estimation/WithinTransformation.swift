// Fixed effects absorbed by the within transformation instead of dummy columns.
//
// By Frisch–Waugh–Lovell, the slopes β of y = Xβ + Dα + e (D the dummies of one or two factors)
// and their residuals are those of the regression of M_D y on M_D X, M_D = I − D(DᵀWD)⁻¹DᵀW the
// (weighted) projection off the dummies. So the design never holds the dummies: every column is
// replaced by its deviation from the fixed effects, which for one factor is its (weighted) group
// mean. For two factors a and b it is the limit of demeaning by one, then the other, repeatedly
// (alternating projections, Guimarães & Portugal 2010, Gaure 2013); that limit is reached by
// conjugate gradients on the symmetric sweep T = P_a P_b P_a (Hernández-Ramos, Escalante & Raydan
// 2011; reghdfe's default acceleration): x = v − d with (I − T) d = (I − T) v, I − T symmetric
// positive semi-definite in the weighted inner product, whose null space is exactly the vectors
// free of both effects. It stops when a sweep moves no value by more than `tolerance` of the
// column's largest magnitude, restarting from the true residual whenever the recurrence claims
// that. A balanced panel (P_a, P_b commute) converges in one step; a panel whose two halves share
// one city, where plain alternation needs more than 10,000 sweeps, in 6 (400 cities, 60 years).
//
// Degrees of freedom: the dummies use rank(D) of them, the number of levels of one factor, or
// G + T − C for two (C the connected components of the graph joining each city to its years; 1
// in a connected panel). The residual df is n − k − rank(D), as with the dummies, so classical,
// HC0–HC3 and cluster-robust covariances of β equal the dummy fit's exactly (the cluster factor
// (n − 1)/(n − k) counts the absorbed levels, as statsmodels with dummies and Stata's `areg`
// do; reghdfe leaves out levels nested in the clusters). HC2/HC3 need the leverage of the full
// design, h_i = h_FE,i + h̃_i (the column spaces of D and M_D X are orthogonal), with
// h_FE,i = w_i / Σ_{j in i's group} w_j for one factor; for two it is not formed, and HC2/HC3
// are refused.
//
// References: P. Guimarães & P. Portugal (2010), Stata Journal 10(4), 628–649; S. Gaure (2013),
// Computational Statistics & Data Analysis 66, 8–18; L. M. Hernández-Ramos, R. Escalante &
// M. Raydan (2011), Numerical Algorithms 56, 129–142; S. Correia (2017), "Linear models with
// high-dimensional fixed effects: an efficient and feasible estimator" (reghdfe).

/// Fixed effects swept out of a design by the within transformation.
public struct AbsorbedEffects: Sendable, Equatable {
  /// An absorbed factor and its number of levels among the rows used.
  public struct Factor: Sendable, Equatable {
    public var column: String
    public var levels: Int
  }

  public var factors: [Factor]
  /// rank(D): the degrees of freedom the fixed effects use.
  public var degreesOfFreedom: Int
  /// Symmetric sweeps (city, year, city) the slowest column took (1 for one factor).
  public var sweeps: Int
  /// Diagonal of the projection on the dummies (for HC2/HC3), known for one factor.
  var leverage: [Double]?
  /// The response before demeaning, for the R² of the full model.
  var response: [Double]
}

enum WithinTransformation {
  /// Two-way demeaning stops when a symmetric sweep moves no value by more than this times the
  /// column's largest magnitude.
  static let tolerance = 1e-13
  static let maximumSweeps = 10_000
  /// A column whose demeaned norm is below this fraction of its norm lies in the span of the
  /// fixed effects (a city-level regressor under city effects): it is zeroed, so the fit names
  /// it aliased.
  static let absorbedColumnTolerance = 1e-9

  /// Replaces the response and every column of `design` by their deviations from the fixed
  /// effects of `groups` (one or two factors, memberships of the rows used) and records them.
  static func absorb(_ groups: [Design.Clusters], into design: inout Design) throws {
    precondition((1...2).contains(groups.count) && !design.hasIntercept, "absorb one or two factors, no intercept")
    let n = design.observationCount
    let weights = design.weights ?? [Double](repeating: 1, count: n)
    let groupWeights = groups.map { factor in
      var sums = [Double](repeating: 0, count: factor.labels.count)
      for i in 0..<n { sums[factor.index[i]] += weights[i] }
      return sums
    }
    var sweeps = 1
    let original = design.response
    sweeps = max(sweeps, try demean(&design.response, groups, groupWeights, weights))
    for j in 0..<design.parameterCount {
      let range = (j * n)..<((j + 1) * n)
      var column = Array(design.columns[range])
      let norm = column.reduce(0) { $0 + $1 * $1 }.squareRoot()
      sweeps = max(sweeps, try demean(&column, groups, groupWeights, weights))
      let within = column.reduce(0) { $0 + $1 * $1 }.squareRoot()
      if within <= absorbedColumnTolerance * norm { column = [Double](repeating: 0, count: n) }
      design.columns.replaceSubrange(range, with: column)
    }

    let levels = groups.map(\.labels.count)
    let rank = groups.count == 1 ? levels[0] : levels[0] + levels[1] - connectedComponents(groups[0], groups[1])
    if n <= design.parameterCount + rank {
      throw EstimationError.tooFewObservations(
        used: n, dropped: design.droppedCount, parameters: design.parameterCount + rank)
    }
    design.absorbed = AbsorbedEffects(
      factors: zip(groups, levels).map { AbsorbedEffects.Factor(column: $0.column, levels: $1) },
      degreesOfFreedom: rank, sweeps: sweeps,
      leverage: groups.count == 1 ? (0..<n).map { weights[$0] / groupWeights[0][groups[0].index[$0]] } : nil,
      response: original)
  }

  /// Removes the fixed effects from `values`: the (weighted) group means for one factor; for
  /// two, conjugate gradients on the symmetric sweep T = P_a P_b P_a (see the header) until a
  /// sweep moves no value by more than the tolerance. Returns the number of sweeps.
  private static func demean(
    _ values: inout [Double], _ groups: [Design.Clusters], _ groupWeights: [[Double]], _ weights: [Double]
  ) throws -> Int {
    let projection = GroupMeans(groups: groups, totals: groupWeights, weights: weights)
    guard groups.count == 2 else {
      projection.remove(0, from: &values)
      return 1
    }
    let scale = values.reduce(0) { max($0, abs($1)) }
    var sweeps = 0
    // x = v − d, where d solves (I − T) d = (I − T) v in the range of I − T; r = (I − T) x.
    var x = values
    var change = 0.0
    while sweeps < maximumSweeps {
      var r = zip(x, projection.symmetricSweep(x)).map(-)
      sweeps += 1
      change = r.reduce(0) { max($0, abs($1)) }
      if change <= tolerance * scale {
        values = x
        return sweeps
      }
      // Restarted from the true residual whenever the recurrence claims convergence.
      var p = r
      var rr = projection.innerProduct(r, r)
      while sweeps < maximumSweeps {
        let ap = zip(p, projection.symmetricSweep(p)).map(-)
        sweeps += 1
        let curvature = projection.innerProduct(p, ap)
        guard curvature > 0 else { break }
        let step = rr / curvature
        for i in x.indices {
          x[i] -= step * p[i]
          r[i] -= step * ap[i]
        }
        if r.reduce(0, { max($0, abs($1)) }) <= tolerance * scale { break }
        let next = projection.innerProduct(r, r)
        for i in p.indices { p[i] = r[i] + next / rr * p[i] }
        rr = next
      }
    }
    throw EstimationError.demeaningDidNotConverge(sweeps: maximumSweeps, change: change / scale)
  }

  /// The projections off each factor's dummies in the inner product ⟨x, y⟩ = Σ w_i x_i y_i.
  private struct GroupMeans {
    let groups: [Design.Clusters]
    let totals: [[Double]]
    let weights: [Double]

    /// x − its weighted group means by factor `factor`.
    func remove(_ factor: Int, from x: inout [Double]) {
      let index = groups[factor].index
      var means = [Double](repeating: 0, count: totals[factor].count)
      for i in x.indices { means[index[i]] += weights[i] * x[i] }
      for g in means.indices { means[g] /= totals[factor][g] }
      for i in x.indices { x[i] -= means[index[i]] }
    }

    /// P_a P_b P_a x: symmetric in the weighted inner product, with eigenvalues in [0, 1] and
    /// eigenvalue 1 exactly on the vectors free of both factors' effects.
    func symmetricSweep(_ x: [Double]) -> [Double] {
      var y = x
      remove(0, from: &y)
      remove(1, from: &y)
      remove(0, from: &y)
      return y
    }

    func innerProduct(_ x: [Double], _ y: [Double]) -> Double {
      var sum = 0.0
      for i in x.indices { sum += weights[i] * x[i] * y[i] }
      return sum
    }
  }

  /// The connected components of the bipartite graph joining each level of `a` to the levels
  /// of `b` it occurs with: the redundant dummies of a two-way fixed-effects design.
  static func connectedComponents(_ a: Design.Clusters, _ b: Design.Clusters) -> Int {
    var parent = Array(0..<(a.labels.count + b.labels.count))
    func root(_ node: Int) -> Int {
      var node = node
      while parent[node] != node {
        parent[node] = parent[parent[node]]
        node = parent[node]
      }
      return node
    }
    var components = parent.count
    for i in a.index.indices {
      let (x, y) = (root(a.index[i]), root(a.labels.count + b.index[i]))
      if x != y {
        parent[x] = y
        components -= 1
      }
    }
    return components
  }
}

extension AbsorbedEffects {
  /// Refuses what a fit with absorbed effects cannot give: a ridge penalty (it would shrink the
  /// fixed effects the dummies carry), and HC2/HC3 when the fixed effects' leverage is unknown.
  func checkSupports(covariance: CovarianceType, ridge: Double?) throws {
    if ridge != nil {
      throw EstimationError.invalidOption("--ridge cannot be combined with absorbed fixed effects (--absorb)")
    }
    if covariance.needsLeverage && leverage == nil {
      throw EstimationError.invalidOption(
        "\(covariance) needs the leverage of the two absorbed fixed effects, which is not computed; "
          + "use hc1 or a cluster covariance, absorb one factor, or fit dummies (without --absorb)")
    }
  }

  /// The leverage of the full design: the fixed effects' plus the demeaned columns'.
  func fullLeverage(_ within: [Double]) -> [Double] {
    guard let leverage else { return within }
    return zip(leverage, within).map(+)
  }
}
