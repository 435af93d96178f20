import LinearAlgebra
import Testing
import _TestSupport

@Suite struct SymmetricEigenTests {
  /// [2 1; 1 2] has eigenvalues 1 and 3 with eigenvectors (1, −1)/√2 and (1, 1)/√2 (up to
  /// sign). Accurate to a few ulps: the matrix is tiny and well conditioned.
  @Test func twoByTwoByHand() throws {
    let eigen = try SymmetricEigendecomposition(Matrix(rowMajor: [[2, 1], [1, 2]]))
    assertClose(eigen.values, [1, 3], relative: 4 * .ulpOfOne, reason: "eigenvalues by hand")
    let h = 0.5.squareRoot()
    let first = eigen.vectors.column(0)
    let sign = first[0] < 0 ? -1.0 : 1.0
    assertClose(first.map { $0 * sign }, [h, -h], relative: 8 * .ulpOfOne, reason: "eigenvector of 1")
    let second = eigen.vectors.column(1)
    let sign2 = second[0] < 0 ? -1.0 : 1.0
    assertClose(second.map { $0 * sign2 }, [h, h], relative: 8 * .ulpOfOne, reason: "eigenvector of 3")
  }

  /// V·Λ·Vᵀ = A and VᵀV = I on random symmetric matrices. dsyevr is backward stable
  /// (LAPACK Users' Guide §4.7: ‖ΔA‖ ≤ p(n)·ε·‖A‖); 10·n·ε relative to max|aᵢⱼ|.
  @Test(arguments: [(UInt64(41), 4), (42, 25), (43, 80)])
  func factorsReproduceTheMatrix(seed: UInt64, n: Int) throws {
    var random = SplitMix64(seed: seed)
    let b = random.matrix(rows: n, columns: n)
    let a = b + b.transposed
    let eigen = try SymmetricEigendecomposition(a)
    var lambda = Matrix(rows: n, columns: n)
    for i in 0..<n { lambda[i, i] = eigen.values[i] }
    let tolerance = 10 * Double(n) * .ulpOfOne
    assertClose(
      try (eigen.vectors * lambda).multiplied(by: eigen.vectors, transposingOther: true), a,
      relative: tolerance, reason: "V·Λ·Vᵀ = A, backward stability")
    assertClose(
      try eigen.vectors.multiplied(by: eigen.vectors, transposingSelf: true), .identity(n),
      absolute: tolerance, reason: "VᵀV = I")
    #expect(eigen.values == eigen.values.sorted())
  }
}
