/// Φ⁻¹ of every value of `values` (each in (0, 1)), in place: bit for bit `standardNormalQuantile`
/// of each, computed in two passes.
///
/// Which of PPND16's regions a uniform draw falls in is random (a tail one time in 6.7), so a
/// branch on it mispredicts and stalls the loop. The first pass evaluates the central rational
/// function for every value without that branch and lists the values that belong to a tail; the
/// second pass computes those with the tail formula.
public func standardNormalQuantiles(inPlace values: UnsafeMutableBufferPointer<Double>) {
  let n = values.count
  withUnsafeTemporaryAllocation(of: Int.self, capacity: n) { tailIndices in
    withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { tailProbabilities in
      var tails = 0
      for i in 0..<n {
        let p = values[i]
        precondition(p > 0 && p < 1, "normal quantile needs p in (0, 1)")
        let q = p - 0.5
        // Written unconditionally; the count moves on only for a tail value.
        tailIndices[tails] = i
        tailProbabilities[tails] = p
        tails &+= abs(q) <= 0.425 ? 0 : 1
        values[i] = q * centralNormalQuantileRatio(0.180625 - q * q)
      }
      for k in 0..<tails { values[tailIndices[k]] = signedTailNormalQuantile(tailProbabilities[k]) }
    }
  }
}
