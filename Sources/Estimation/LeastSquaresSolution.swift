import LinearAlgebra

/// The least-squares solution of a design: whitened by √w (WLS), factored by the column-pivoted
/// QR, the independent columns chosen in the model's order (a column is aliased when it is a
/// combination of the columns before it), augmented by √λ·I rows for ridge, solved by back
/// substitution, residuals taken directly as y − Xβ̂ (never the normal equations).
struct LeastSquaresSolution {
  let rootWeights: [Double]?
  /// The design's columns kept, in order.
  let kept: [Int]
  let keptDesign: Matrix
  let qr: PivotedQR
  let conditionNumber: Double
  let beta: [Double]
  let residuals: [Double]
  let rss: Double

  init(_ design: Design, penalty: Double?) throws {
    let n = design.observationCount
    let k = design.parameterCount
    let rootWeights = design.weights?.map { $0.squareRoot() }

    // Whitened response and design (statsmodels' wendog, wexog).
    var y = design.response
    var x = design.columns
    if let rootWeights {
      for i in 0..<n { y[i] *= rootWeights[i] }
      for j in 0..<k {
        for i in 0..<n { x[i + j * n] *= rootWeights[i] }
      }
    }
    let whitened = Matrix(rows: n, columns: k, elements: x)

    // Rank and condition number from the QR of the whole design.
    let full = try PivotedQR(whitened)
    conditionNumber = try SingularValueDecomposition(full.r).conditionNumber
    let kept = full.rank == k ? Array(0..<k) : Regression.independentColumnsInOrder(full)
    let keptDesign = kept.count == k ? whitened : Regression.columns(kept, of: whitened)
    let penalised = kept.map { !(design.hasIntercept && $0 == 0) }

    let qr: PivotedQR
    let factoredRows: Int
    if let penalty {
      let augmented = Regression.ridgeAugmented(keptDesign, penalised: penalised, lambda: penalty)
      qr = try PivotedQR(augmented, rankTolerance: full.rankTolerance)
      factoredRows = augmented.rows
    } else {
      qr = kept.count == k ? full : try PivotedQR(keptDesign, rankTolerance: full.rankTolerance)
      factoredRows = n
    }
    guard qr.rank == kept.count else {
      throw EstimationError.invalidEquation(
        "the independent columns could not be determined consistently (rank \(qr.rank) of \(kept.count)); "
          + "the design is numerically singular at the rounding level")
    }
    let target = factoredRows == n ? y : y + [Double](repeating: 0, count: factoredRows - n)
    beta = try qr.solve(target)
    let fitted = keptDesign * beta
    residuals = zip(y, fitted).map { $0 - $1 }
    rss = residuals.reduce(0) { $0 + $1 * $1 }
    self.rootWeights = rootWeights
    self.kept = kept
    self.keptDesign = keptDesign
    self.qr = qr
  }
}
