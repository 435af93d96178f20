import LinearAlgebra
import Testing
import _TestSupport

@Suite struct LeastSquaresTests {
  /// The straight line of `PivotedQRTests.straightLineByHand`: intercept 2/3, slope 1/2, RSS 1/6.
  /// Tolerance 1e-14 relative: cond(X) ≈ 6.3, forward error of order cond·ε.
  @Test func straightLineByHand() throws {
    let x = Matrix(rowMajor: [[1, 1], [1, 2], [1, 3]])
    let fit = try leastSquares(x, [1, 2, 2])
    #expect(fit.rank == 2)
    assertClose(fit.coefficients, [2.0 / 3, 0.5], relative: 1e-14, reason: "hand-solved; cond(X) ≈ 6.3")
    let rss = try #require(fit.residualSumOfSquares)
    assertClose(rss, 1.0 / 6, relative: 1e-14, reason: "RSS = 1/6 by hand")
    #expect(fit.singularValues.count == 2)
  }

  /// Rank one: every row is (1, 1), so only x₁ + x₂ is determined; least squares gives
  /// x₁ + x₂ = mean(b) = 2, and with equal column norms the minimum-norm solution is (1, 1).
  /// The residual sum of squares is not the tail of Qᵀb for a rank-deficient A, so it is nil.
  @Test func rankDeficientMinimumNorm() throws {
    let a = Matrix(rowMajor: [[1, 1], [1, 1], [1, 1]])
    let fit = try leastSquares(a, [1, 2, 3])
    #expect(fit.rank == 1)
    assertClose(fit.coefficients, [1, 1], relative: 1e-14, reason: "minimum-norm solution by hand")
    #expect(fit.residualSumOfSquares == nil)
    // D scales each column by 2, the power of two nearest its norm √3, so A·D⁻¹ has every
    // element 1/2: σ₁ = ‖A·D⁻¹‖_F = √6/2 and σ₂ = 0.
    assertClose(fit.singularValues[0], 6.0.squareRoot() / 2, relative: 1e-15, reason: "σ₁ by hand")
    assertClose(fit.singularValues[1], 0, absolute: 1e-15, reason: "exactly singular, to rounding")
  }

  /// Underdetermined: x₁ + x₂ = 2 has minimum-norm solution (1, 1) and an exact fit.
  @Test func underdeterminedMinimumNorm() throws {
    let fit = try leastSquares(Matrix(rowMajor: [[1, 1]]), [2])
    #expect(fit.rank == 1)
    assertClose(fit.coefficients, [1, 1], relative: 1e-15, reason: "minimum-norm solution by hand")
    #expect(fit.residualSumOfSquares == nil)
  }

  /// Several right-hand sides at once agree with one at a time and with pivoted QR, on a
  /// random 50×6 problem (cond ≈ 3): both routes are backward stable, so they agree to a small
  /// multiple of cond·ε; 1e-13 relative leaves margin.
  @Test func matrixRightHandSideAgreesWithQR() throws {
    var random = SplitMix64(seed: 3)
    let a = random.matrix(rows: 50, columns: 6)
    let b = random.matrix(rows: 50, columns: 2)
    let both = try leastSquares(a, b)
    #expect(both.rank == 6)
    let qr = try PivotedQR(a)
    for j in 0..<2 {
      let single = try leastSquares(a, b.column(j))
      assertClose(both.solution.column(j), single.coefficients, relative: 1e-13, reason: "same problem, same routine")
      assertClose(single.coefficients, try qr.solve(b.column(j)), relative: 1e-13, reason: "SVD and QR routes")
      let residual = zip(b.column(j), a * single.coefficients).map { $0 - $1 }
      let direct = residual.reduce(0) { $0 + $1 * $1 }
      assertClose(
        try #require(single.residualSumOfSquares), direct, relative: 1e-12,
        reason: "tail of Qᵀb versus ‖b − Ax‖², which cancels ‖b‖² ≈ 17 down to RSS ≈ 15")
    }
  }

  /// rcond applies to the column-equilibrated matrix: badly scaled but independent columns keep
  /// full rank, and a larger rcond drops a nearly dependent column that the default keeps
  /// (σ₂/σ₁ ≈ 3e-10 for the second matrix, above 3ε but below 1e-6).
  @Test func explicitRcondControlsTheRank() throws {
    let a = Matrix(rowMajor: [[1, 0], [0, 1e-6], [0, 0]])
    // Column scaling maps both columns to unit vectors: A·D⁻¹ has σ = (1, 1), so rank 2 even
    // at rcond 0.5, although σ₂/σ₁ = 1e-6 for A itself.
    #expect(try leastSquares(a, [1, 1, 0], rcond: 0.5).rank == 2)
    let b = Matrix(rowMajor: [[1, 1], [1, 1 + 1e-9], [1, 1]])
    #expect(try leastSquares(b, [1, 2, 3]).rank == 2)
    #expect(try leastSquares(b, [1, 2, 3], rcond: 1e-6).rank == 1)
  }
}
