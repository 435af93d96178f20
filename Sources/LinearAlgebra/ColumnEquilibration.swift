/// Scaling of a matrix's columns to unit Euclidean norm, A·D⁻¹ with D = diag(‖a_j‖₂), and the
/// relative rank tolerance both least-squares routes apply to the scaled matrix.
///
/// Why scale: a rank decision on raw columns depends on their units (x in metres versus
/// kilometres changes ‖a_j‖ by 10³), and raw polynomial designs such as NIST Filip have cond(X)
/// ≈ 1.8e15, at the rounding level, while cond(X·D⁻¹) ≈ 5e9. The least-squares solution is
/// unchanged by the scaling (x = D⁻¹·z where z solves the scaled problem); among rank-deficient
/// solutions the scaled problem selects the one minimising ‖D·x‖ rather than ‖x‖. See van der
/// Sluis (1969), "Condition numbers and equilibration of matrices", Numer. Math. 14: column
/// equilibration is within a factor √n of the best diagonal column scaling for cond₂.
struct ColumnEquilibration {
  /// ‖a_j‖₂ for each column, or 1 for a column of zeros (which stays zero and is rank-deficient).
  let scales: [Double]

  init(_ a: Matrix) {
    scales = (0..<a.columns).map { j in
      let norm = euclideanNorm(a.elements, offset: j * a.rows, count: a.rows)
      return norm > 0 ? norm : 1
    }
  }

  /// A·D⁻¹: each column divided by its scale.
  func scaled(_ a: Matrix) -> Matrix {
    var result = a
    for j in 0..<a.columns {
      let scale = scales[j]
      for i in 0..<a.rows {
        result.elements[i + j * a.rows] /= scale
      }
    }
    return result
  }

  /// The default relative rank tolerance for an m×n problem: max(m, n)·ε, applied to the
  /// column-equilibrated matrix as |R_kk| ≤ τ·|R_11| (QR) or σ_k ≤ τ·σ_1 (SVD).
  ///
  /// max(m, n)·ε is the bound on the backward error of Householder QR and of the SVD divided by
  /// ‖A‖ (Golub & Van Loan, *Matrix Computations*, 4th ed., §5.4.1 and §5.5.8), the convention of
  /// MATLAB's `rank` and NumPy's `matrix_rank`: a smaller singular value or R diagonal is
  /// indistinguishable from rounding. Exactly dependent columns (a duplicated column, dummies
  /// that sum to the intercept) leave ratios near ε and are dropped; NIST Filip, ill-conditioned
  /// but identifiable, keeps its smallest ratio at about 1e-9 (QR) and 2e-10 (SVD) after scaling,
  /// four orders of magnitude above the tolerance, so all 11 parameters are estimated.
  static func defaultRankTolerance(rows: Int, columns: Int) -> Double {
    Double(Swift.max(rows, columns, 1)) * machineEpsilon
  }
}
