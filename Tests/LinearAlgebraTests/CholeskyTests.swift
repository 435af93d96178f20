import Foundation
import LinearAlgebra
import Testing
import _TestSupport

@Suite struct CholeskyTests {
  /// [4 2; 2 3] = L·Lᵀ with L = [2 0; 1 √2]; det = 8; inverse = [3 −2; −2 4]/8;
  /// the solution of A·x = (2, 1) is (1/2, 0). All by hand. Tolerances are a few ulps: cond = 4.
  @Test func twoByTwoByHand() throws {
    let cholesky = try Cholesky(Matrix(rowMajor: [[4, 2], [2, 3]]))
    assertClose(
      cholesky.lower, Matrix(rowMajor: [[2, 0], [1, 2.0.squareRoot()]]), relative: 4 * .ulpOfOne,
      reason: "L by hand")
    assertClose(cholesky.logDeterminant, log(8.0), relative: 4 * .ulpOfOne, reason: "log det = log 8")
    assertClose(
      try cholesky.inverse(), Matrix(rowMajor: [[3, -2], [-2, 4]]).scaled(by: 1.0 / 8),
      relative: 8 * .ulpOfOne, reason: "inverse by hand; cond(A) = 4")
    assertClose(try cholesky.solve([2, 1]), [0.5, 0], absolute: 8 * .ulpOfOne, reason: "solution by hand")
  }

  /// L·Lᵀ = A and A·A⁻¹ = I for A = BᵀB + n·I with random B (eigenvalues in [n, n + ‖B‖²]).
  /// Cholesky is backward stable: L·Lᵀ = A + ΔA, |ΔA| ≤ γ_{n+1}|L||Lᵀ| (Higham, 2nd ed.,
  /// Thm 10.3), so 10·n·ε relative to max|aᵢⱼ|. The inverse's residual is bounded by that times
  /// cond(A), which is below 10 here by construction: 100·n·ε absolute.
  @Test(arguments: [(UInt64(7), 5), (8, 20), (9, 60)])
  func factorReproducesTheMatrix(seed: UInt64, n: Int) throws {
    var random = SplitMix64(seed: seed)
    let b = random.matrix(rows: n, columns: n)
    let a = try b.multiplied(by: b, transposingSelf: true) + Matrix.identity(n).scaled(by: Double(n))
    let cholesky = try Cholesky(a)
    let tolerance = 10 * Double(n) * .ulpOfOne
    assertClose(
      try cholesky.lower.multiplied(by: cholesky.lower, transposingOther: true), a,
      relative: tolerance, reason: "L·Lᵀ = A, backward stability")
    assertClose(
      a * (try cholesky.inverse()), .identity(n), absolute: 10 * tolerance,
      reason: "A·A⁻¹ = I, backward error times cond(A) < 10")
    let x = random.vector(n)
    assertClose(try cholesky.solve(a * x), x, relative: 10 * tolerance, reason: "solve inverts A·x")
  }

  /// dpotrf reports the order of the first leading minor that is not positive.
  @Test(arguments: [
    (Matrix(rowMajor: [[1, 2], [2, 1]]), 2),  // det = −3
    (Matrix(rowMajor: [[1, 0, 0], [0, 1, 0], [0, 0, -1]]), 3),
    (Matrix(rowMajor: [[0, 0], [0, 1]]), 1),
    (Matrix(rowMajor: [[1, 1], [1, 1]]), 2),  // positive semidefinite, singular
  ])
  func notPositiveDefiniteNamesTheMinor(matrix: Matrix, minor: Int) {
    #expect(
      throws: LinearAlgebraError.notPositiveDefinite(
        routine: "dpotrf", order: matrix.rows, leadingMinor: minor)
    ) { try Cholesky(matrix) }
  }

  @Test func errorDescriptionNamesRoutineAndMinor() {
    let error = LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", order: 3, leadingMinor: 2)
    #expect(
      error.description
        == "dpotrf: the 3×3 matrix is not positive definite (its leading minor of order 2 is not positive)")
  }
}
