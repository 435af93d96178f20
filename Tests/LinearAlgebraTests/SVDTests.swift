import LinearAlgebra
import Testing
import _TestSupport

@Suite struct SVDTests {
  /// Known singular values: diag(3, −2) has σ = (3, 2); the all-ones 2×2 has σ = (2, 0) and is
  /// singular; diag(1, 1e-3) has condition number 1000. Exact up to a few ulps.
  @Test func knownSingularValues() throws {
    let diagonal = try SingularValueDecomposition(Matrix(rowMajor: [[3, 0], [0, -2]]))
    assertClose(diagonal.singularValues, [3, 2], relative: 4 * .ulpOfOne, reason: "|diagonal|, sorted")
    let ones = try SingularValueDecomposition(Matrix(rowMajor: [[1, 1], [1, 1]]))
    assertClose(ones.singularValues, [2, 0], absolute: 8 * .ulpOfOne, reason: "rank one, σ₁ = ‖A‖_F = 2")
    let scaled = try SingularValueDecomposition(Matrix(rowMajor: [[1, 0], [0, 1e-3]]))
    assertClose(scaled.conditionNumber, 1000, relative: 4 * .ulpOfOne, reason: "σ₁/σ₂ by hand")
    let zero = try SingularValueDecomposition(Matrix(rows: 2, columns: 2))
    #expect(zero.conditionNumber == .infinity)
  }

  /// U·Σ·Vᵀ = A with orthonormal U and V on random matrices. The SVD is backward stable
  /// (Golub & Van Loan, 4th ed., §8.6.3): ‖ΔA‖ ≈ p(m, n)·ε·‖A‖; 10·max(m, n)·ε relative to
  /// max|aᵢⱼ| as for QR.
  @Test(arguments: [(UInt64(31), 30, 6), (32, 6, 30), (33, 12, 12)])
  func factorsReproduceTheMatrix(seed: UInt64, rows: Int, columns: Int) throws {
    var random = SplitMix64(seed: seed)
    let a = random.matrix(rows: rows, columns: columns)
    let svd = try SingularValueDecomposition(a)
    let k = min(rows, columns)
    var sigma = Matrix(rows: k, columns: k)
    for i in 0..<k { sigma[i, i] = svd.singularValues[i] }
    let tolerance = 10 * Double(max(rows, columns)) * .ulpOfOne
    assertClose(svd.u * sigma * svd.vt, a, relative: tolerance, reason: "U·Σ·Vᵀ = A, backward stability")
    assertClose(
      try svd.u.multiplied(by: svd.u, transposingSelf: true), .identity(k), absolute: tolerance,
      reason: "UᵀU = I")
    assertClose(
      try svd.vt.multiplied(by: svd.vt, transposingOther: true), .identity(k), absolute: tolerance,
      reason: "VᵀV = I")
    #expect(svd.singularValues == svd.singularValues.sorted(by: >))
  }
}
