import LinearAlgebra
import Testing
import _TestSupport

/// Products and element-wise arithmetic on small matrices whose answers are worked by hand.
/// Every element is a small integer, and sums and products of small integers are exact in
/// binary floating point, so these compare with `==`.
@Suite struct MatrixTests {
  let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])  // 2×3
  let b = Matrix(rowMajor: [[7, 8], [9, 10], [11, 12]])  // 3×2

  @Test func layoutIsColumnMajor() {
    #expect(a.elements == [1, 4, 2, 5, 3, 6])
    #expect(Matrix(rows: 2, columns: 3, elements: [1, 4, 2, 5, 3, 6]) == a)
    #expect(a.row(1) == [4, 5, 6])
    #expect(a.column(2) == [3, 6])
    #expect(a.transposed == Matrix(rowMajor: [[1, 4], [2, 5], [3, 6]]))
    #expect(Matrix.identity(2) == Matrix(rowMajor: [[1, 0], [0, 1]]))
    #expect(Matrix(rowMajor: []).shape == MatrixShape(rows: 0, columns: 0))
  }

  @Test func productsByHand() throws {
    // [1 2 3; 4 5 6]·[7 8; 9 10; 11 12] = [58 64; 139 154].
    #expect(a * b == Matrix(rowMajor: [[58, 64], [139, 154]]))
    #expect(a * [1, 0, -1] == [-2, -2])
    #expect(try a.multiplied(by: a, transposingOther: true) == Matrix(rowMajor: [[14, 32], [32, 77]]))
    #expect(
      try a.multiplied(by: a, transposingSelf: true)
        == Matrix(rowMajor: [[17, 22, 27], [22, 29, 36], [27, 36, 45]]))
    #expect(try a.multiplied(by: b.transposed, transposingOther: true) == a * b)
    #expect(try b.multiplied(by: a, transposingSelf: true, transposingOther: true) == (a * b).transposed)
  }

  @Test func productWithAnEmptyInnerDimensionIsZero() throws {
    let left = Matrix(rows: 2, columns: 0)
    let right = Matrix(rows: 0, columns: 3)
    #expect(left * right == Matrix(rows: 2, columns: 3))
  }

  @Test func elementWiseArithmetic() {
    #expect(a + a == a.scaled(by: 2))
    #expect(a - a == Matrix(rows: 2, columns: 3))
    #expect(a.maxAbs == 6)
    // √(1 + 4 + 9 + 16 + 25 + 36) = √91.
    assertClose(a.frobeniusNorm, 91.0.squareRoot(), relative: 4 * .ulpOfOne, reason: "dnrm2 is accurate to a few ulps")
    #expect(Matrix(rowMajor: [[1, .nan]]).maxAbs.isNaN)
  }

  @Test func frobeniusNormDoesNotOverflow() {
    // Squaring 1e200 overflows; dnrm2 scales first. ‖[3e200, 4e200]‖ = 5e200.
    let big = Matrix(rowMajor: [[3e200, 4e200]])
    assertClose(big.frobeniusNorm, 5e200, relative: 4 * .ulpOfOne, reason: "dnrm2 is accurate to a few ulps")
  }

  @Test func shapeMismatchIsATypedError() {
    #expect(throws: LinearAlgebraError.shapeMismatch(operation: "matrix product (A·B)", left: a.shape, right: a.shape))
    {
      try a.multiplied(by: a)
    }
    let error = LinearAlgebraError.shapeMismatch(operation: "matrix product (A·B)", left: a.shape, right: a.shape)
    #expect(error.description == "matrix product (A·B): incompatible shapes 2×3 and 2×3")
  }
}
