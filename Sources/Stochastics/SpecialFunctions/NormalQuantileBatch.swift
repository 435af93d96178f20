import Foundation

/// Φ⁻¹ of every value of `values` (each in (0, 1)), in place: bit for bit `standardNormalQuantile`
/// of each, computed in passes that vectorise or do not mispredict.
///
/// Which of PPND16's regions a uniform draw falls in is random (a tail one time in 6.7), so a
/// branch on it mispredicts and stalls the loop. The first pass checks the probabilities and lists
/// those that belong to a tail, without that branch; the second evaluates the central rational
/// function for every value, a loop without branches that the compiler turns into vector
/// instructions. The tail values follow in passes of their own: the signed root ±√(−ln r) of each
/// (a call of log each), the near tail's rational function for all (vectorised), then each value
/// put in place, with the far tail's function for the few beyond √(−ln r) = 5.
public func standardNormalQuantiles(inPlace values: UnsafeMutableBufferPointer<Double>) {
  let n = values.count
  withUnsafeTemporaryAllocation(of: Int.self, capacity: n) { tailIndices in
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * n) { scratch in
      let tailRoots = UnsafeMutableBufferPointer(rebasing: scratch[0..<n])
      let nearTails = UnsafeMutableBufferPointer(rebasing: scratch[n...])
      var tails = 0
      for i in 0..<n {
        let p = values[i]
        precondition(p > 0 && p < 1, "normal quantile needs p in (0, 1)")
        // Written unconditionally; the count moves on only for a tail value, |p − ½| > 0.425,
        // which is where 0.425 − |p − ½| has its sign bit set (a comparison here compiles to a
        // branch again).
        tailIndices[tails] = i
        tailRoots[tails] = p
        tails &+= Int(truncatingIfNeeded: (0.425 - abs(p - 0.5)).bitPattern >> 63)
      }
      for i in 0..<n {
        let q = values[i] - 0.5
        values[i] = q * centralNormalQuantileRatio(0.180625 - q * q)
      }
      // The root √(−ln r) of the tail probability r = min(p, 1 − p), negative in the lower tail.
      for k in 0..<tails {
        let p = tailRoots[k]
        let root = (-log(p < 0.5 ? p : 1 - p)).squareRoot()
        tailRoots[k] = p < 0.5 ? -root : root
      }
      for k in 0..<tails {
        let root = tailRoots[k]
        let tail = nearTailNormalQuantile(root: abs(root))
        nearTails[k] = root < 0 ? -tail : tail
      }
      for k in 0..<tails {
        let root = tailRoots[k]
        guard abs(root) > 5 else {
          values[tailIndices[k]] = nearTails[k]
          continue
        }
        let tail = farTailNormalQuantile(root: abs(root))
        values[tailIndices[k]] = root < 0 ? -tail : tail
      }
    }
  }
}
