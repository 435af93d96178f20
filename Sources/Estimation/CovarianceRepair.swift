import CityModel
import Foundation
import LinearAlgebra

/// What `estimate --write --psd` does with a covariance of the driver terms that is not positive
/// semi-definite (two-way clustering can give one: V_A + V_B − V_AB is not a covariance
/// estimate by construction), which `validate` and `run` would refuse: refuse to write it
/// (the default), or clip its negative eigenvalues at 0.
public enum PSDPolicy: String, Sendable, CaseIterable {
  case refuse, clip
}

/// An explicit repair of an indefinite covariance V = Q Λ Qᵀ (LAPACK's symmetric eigensolver):
/// V⁺ = Q max(Λ, 0) Qᵀ, the nearest positive semi-definite matrix in the Frobenius norm
/// (Higham 1988, "Computing a nearest symmetric positive semidefinite matrix", Linear Algebra
/// Appl. 103, 103–118).
public struct CovarianceRepair: Sendable, Equatable {
  /// The eigenvalues below 0 that were set to 0, ascending.
  public var clippedEigenvalues: [Double]
  /// max |V⁺_ij − V_ij|.
  public var largestChange: Double

  /// One line for the file's header and the terminal.
  public var description: String {
    let count = clippedEigenvalues.count
    return "covariance repaired (--psd clip): \(count) negative eigenvalue\(count == 1 ? "" : "s") "
      + "(smallest \(String(format: "%.3e", clippedEigenvalues.first ?? 0))) clipped at 0; "
      + "largest change of an entry \(String(format: "%.3e", largestChange))"
  }

  /// Below −1e-12 times the largest variance an eigenvalue is negative beyond rounding: the
  /// rule by which a model's `estimates:` covariance is checked when it is read.
  static func isNegative(_ eigenvalue: Double, scale: Double) -> Bool {
    eigenvalue < -1e-12 * Swift.max(scale, Double.leastNormalMagnitude)
  }

  /// `set` unchanged when its covariance is positive semi-definite (up to rounding), else with
  /// the covariance clipped when `policy` allows, else refused with the reason and the remedies.
  /// The covariance must be finite (`EstimatesFile.estimateSet` sees to that).
  public static func apply(
    _ policy: PSDPolicy, to set: EstimateSet
  ) throws
    -> (set: EstimateSet, repair: CovarianceRepair?)
  {
    let v = set.covariance
    let k = v.count
    guard k > 0 else { return (set, nil) }
    let eigen = try SymmetricEigendecomposition(Matrix(rowMajor: v))
    let scale = (0..<k).map { v[$0][$0] }.max() ?? 0
    guard let smallest = eigen.values.first, isNegative(smallest, scale: scale) else { return (set, nil) }
    guard policy == .clip else {
      let terms = set.terms.map { "\($0.driver) (lag \($0.lag))" }.joined(separator: ", ")
      throw EstimationError.invalidEstimates(
        "cannot write estimates: the \(set.covarianceType) covariance of \(terms) is not positive semi-definite "
          + "(smallest eigenvalue \(String(format: "%.3e", smallest))), so validate and run would refuse the file. "
          + "Choose another --se (a one-way cluster covariance such as cluster:city is positive semi-definite by "
          + "construction), or pass --psd clip to clip the negative eigenvalues at 0 (recorded in the file's header)")
    }
    let clipped = eigen.values.map { Swift.max($0, 0) }
    var repaired = set
    var largestChange = 0.0
    for i in 0..<k {
      for j in 0...i {
        let entry = (0..<k).reduce(0) { $0 + eigen.vectors[i, $1] * clipped[$1] * eigen.vectors[j, $1] }
        repaired.covariance[i][j] = entry
        repaired.covariance[j][i] = entry
        largestChange = Swift.max(largestChange, abs(entry - v[i][j]))
      }
    }
    let repair = CovarianceRepair(clippedEigenvalues: eigen.values.filter { $0 < 0 }, largestChange: largestChange)
    return (repaired, repair)
  }
}
