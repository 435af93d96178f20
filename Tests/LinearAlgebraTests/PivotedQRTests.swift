import LinearAlgebra
import Testing
import _TestSupport

@Suite struct PivotedQRTests {
  /// Straight-line fit through (1, 1), (2, 2), (3, 2): by hand, x̄ = 2, ȳ = 5/3, Sxy = 1,
  /// Sxx = 2, so slope 1/2, intercept 2/3, residuals (−1/6, 1/3, −1/6), RSS 1/6, and
  /// (XᵀX)⁻¹ = [3 6; 6 14]⁻¹ = [7/3 −1; −1 1/2].
  /// Tolerance 1e-14 relative: cond(X) ≈ 6.3, and a backward-stable solve has forward error of
  /// order cond·ε ≈ 1.4e-15; the margin covers the few operations between.
  @Test func straightLineByHand() throws {
    let x = Matrix(rowMajor: [[1, 1], [1, 2], [1, 3]])
    let y = [1.0, 2, 2]
    let qr = try PivotedQR(x)
    #expect(qr.rank == 2)
    #expect(qr.aliasedColumns.isEmpty)
    #expect(qr.independentColumns == [0, 1])
    assertClose(try qr.solve(y), [2.0 / 3, 0.5], relative: 1e-14, reason: "hand-solved; cond(X) ≈ 6.3")
    let rotated = try qr.qTransposeTimes(y)
    assertClose(rotated[2] * rotated[2], 1.0 / 6, relative: 1e-14, reason: "RSS = 1/6 by hand")
    assertClose(
      try qr.inverseCrossProduct(), Matrix(rowMajor: [[7.0 / 3, -1], [-1, 0.5]]), relative: 1e-14,
      reason: "(XᵀX)⁻¹ by hand; cond(XᵀX) ≈ 40")
  }

  /// A·P = Q·R and QᵀQ = I on seeded random matrices, tall and wide.
  /// Householder QR is backward stable: A·P + ΔA = Q·R with ‖ΔA‖ ≤ c·mn·ε·‖A‖ in the worst
  /// case (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., Thm 19.4), and
  /// observed errors grow like √(mn)·ε. We allow 10·max(m, n)·ε relative to max|aᵢⱼ| (and the
  /// same for QᵀQ − I, Thm 19.4's orthogonality bound), between the two.
  @Test(arguments: [(UInt64(1), 40, 7), (2, 7, 7), (3, 5, 12), (4, 200, 30)])
  func factorsReproduceTheMatrix(seed: UInt64, rows: Int, columns: Int) throws {
    var random = SplitMix64(seed: seed)
    let a = random.matrix(rows: rows, columns: columns)
    let qr = try PivotedQR(a)
    #expect(qr.rank == min(rows, columns), "random matrices have full rank with probability 1")
    var permuted = Matrix(rows: rows, columns: columns)
    for k in 0..<columns {
      for i in 0..<rows {
        permuted[i, k] = a[i, qr.permutation[k]]
      }
    }
    let tolerance = 10 * Double(max(rows, columns)) * .ulpOfOne
    assertClose(qr.q * qr.r, permuted, relative: tolerance, reason: "A·P = Q·R, backward stability")
    let k = min(rows, columns)
    assertClose(
      try qr.q.multiplied(by: qr.q, transposingSelf: true), .identity(k), absolute: tolerance,
      reason: "QᵀQ = I, orthogonality of Householder products")
    #expect(qr.permutation.sorted() == Array(0..<columns))
    for j in 0..<columns {
      for i in (j + 1)..<max(k, j + 1) {
        #expect(qr.r[i, j] == 0, "R is upper triangular")
      }
    }
  }

  /// (XᵀX)⁻¹ from R agrees with the inverse of XᵀX formed explicitly, and A·x − b is orthogonal
  /// to the columns of A. X is 60×8 with cond(X) ≈ 10, so cond(XᵀX) ≈ 100 and forming XᵀX
  /// loses only two digits: 1e-12 relative leaves room for that loss at ~1e-14 and the inverse.
  @Test func inverseCrossProductAndNormalEquationResidual() throws {
    var random = SplitMix64(seed: 11)
    let x = random.matrix(rows: 60, columns: 8)
    let y = random.vector(60)
    let qr = try PivotedQR(x)
    let crossProduct = try x.multiplied(by: x, transposingSelf: true)
    let inverse = try qr.inverseCrossProduct()
    assertClose(inverse * crossProduct, .identity(8), absolute: 1e-12, reason: "(XᵀX)⁻¹·XᵀX = I")
    let coefficients = try qr.solve(y)
    let residual = zip(y, x * coefficients).map { $0 - $1 }
    let gradient = x.transposed * residual
    assertClose(
      gradient, [Double](repeating: 0, count: 8), absolute: 1e-13,
      reason: "Xᵀ(y − Xβ) = 0 at the minimum, to rounding in ‖X‖·‖y‖ ≈ 60")
  }

  /// A duplicated column is exactly dependent. After scaling to unit norm the two copies are
  /// the same vector, and dgeqp3 breaks the tie for the largest norm in favour of the earlier
  /// column, so the later copy is the one aliased, and its coefficient is exactly 0.
  @Test func duplicatedColumnIsAliased() throws {
    var random = SplitMix64(seed: 5)
    let base = random.matrix(rows: 20, columns: 3)
    var columns = (0..<3).map { base.column($0) }
    columns.insert(columns[1], at: 3)  // column 3 duplicates column 1
    let x = Matrix(rows: 20, columns: 4, elements: columns.flatMap { $0 })
    let y = random.vector(20)
    let qr = try PivotedQR(x)
    #expect(qr.rank == 3)
    #expect(qr.aliasedColumns == [3])
    #expect(qr.independentColumns == [0, 1, 2])
    let full = try qr.solve(y)
    #expect(full[3] == 0)
    let reduced = try PivotedQR(base).solve(y)
    assertClose(Array(full.prefix(3)), reduced, relative: 1e-13, reason: "same fit without the copy; cond ≈ 3")
    #expect(try qr.inverseCrossProduct().shape == MatrixShape(rows: 3, columns: 3))
  }

  /// A column that is the sum of two others, a constant that is the sum of a full set of
  /// dummies: any one column of the dependent set may be dropped, and which one follows the
  /// pivot order. The test checks the invariants that make the answer right: the rank, that
  /// the aliased column belongs to the dependent set, and that the kept columns have full rank.
  @Test func linearCombinationIsDetected() throws {
    var random = SplitMix64(seed: 8)
    let x1 = random.vector(25)
    let x2 = random.vector(25)
    let sum = zip(x1, x2).map { $0 + $1 }
    let noise = random.vector(25)
    let x = Matrix(rows: 25, columns: 4, elements: x1 + noise + x2 + sum)
    let qr = try PivotedQR(x)
    #expect(qr.rank == 3)
    #expect(qr.aliasedColumns.count == 1)
    #expect([0, 2, 3].contains(qr.aliasedColumns.first ?? -1), "the dropped column is x1, x2 or x1 + x2")
    let kept = Matrix(rows: 25, columns: 3, elements: qr.independentColumns.flatMap { x.column($0) })
    #expect(try PivotedQR(kept).rank == 3)

    // Intercept plus one dummy per group of three: the dummies sum to the intercept.
    let group = (0..<12).map { $0 % 3 }
    let intercept = [Double](repeating: 1, count: 12)
    let dummies = (0..<3).flatMap { g in group.map { $0 == g ? 1.0 : 0 } }
    let design = Matrix(rows: 12, columns: 4, elements: intercept + dummies)
    let dummyQR = try PivotedQR(design)
    #expect(dummyQR.rank == 3)
    #expect(dummyQR.aliasedColumns.count == 1)
  }

  /// The rank tolerance is relative to |R₁₁| after scaling, so units do not matter: rescaling
  /// one column by 1e8 leaves the rank, and scales its coefficient by 1e-8 (to rounding).
  @Test func rankAndSolutionAreUnitInvariant() throws {
    var random = SplitMix64(seed: 21)
    var x = random.matrix(rows: 30, columns: 4)
    let y = random.vector(30)
    let before = try PivotedQR(x).solve(y)
    for i in 0..<30 { x[i, 2] *= 1e8 }
    let qr = try PivotedQR(x)
    #expect(qr.rank == 4)
    let after = try qr.solve(y)
    assertClose(after[2] * 1e8, before[2], relative: 1e-13, reason: "x₂ in other units; cond ≈ 3 after scaling")
    assertClose(after[0], before[0], relative: 1e-13, reason: "other coefficients unchanged")
  }

  @Test func emptyAndZeroMatrices() throws {
    let zero = try PivotedQR(Matrix(rows: 4, columns: 2))
    #expect(zero.rank == 0)
    #expect(zero.aliasedColumns == [0, 1])
    #expect(try zero.solve([1, 2, 3, 4]) == [0, 0])
    #expect(try zero.inverseCrossProduct().shape == MatrixShape(rows: 0, columns: 0))
    let noColumns = try PivotedQR(Matrix(rows: 3, columns: 0))
    #expect(noColumns.rank == 0)
    #expect(try noColumns.qTransposeTimes([1, 2, 3]) == [1, 2, 3])
  }
}
