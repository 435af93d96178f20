/// Φ⁻¹ of every value of `values` (each in (0, 1)), in place: bit for bit `standardNormalQuantile`
/// of each, computed in three passes.
///
/// Which of PPND16's regions a uniform draw falls in is random (a tail one time in 6.7), so a
/// branch on it mispredicts and stalls the loop. The first pass checks the probabilities and lists
/// those that belong to a tail, without that branch; the second evaluates the central rational
/// function for every value, a loop without branches or stores out of order that the compiler
/// turns into vector instructions; the third computes the listed tail values with the tail formula.
public func standardNormalQuantiles(inPlace values: UnsafeMutableBufferPointer<Double>) {
  let n = values.count
  withUnsafeTemporaryAllocation(of: Int.self, capacity: n) { tailIndices in
    withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { tailProbabilities in
      var tails = 0
      for i in 0..<n {
        let p = values[i]
        precondition(p > 0 && p < 1, "normal quantile needs p in (0, 1)")
        // Written unconditionally; the count moves on only for a tail value, |p − ½| > 0.425,
        // which is where 0.425 − |p − ½| has its sign bit set (a comparison here compiles to a
        // branch again).
        tailIndices[tails] = i
        tailProbabilities[tails] = p
        tails &+= Int(truncatingIfNeeded: (0.425 - abs(p - 0.5)).bitPattern >> 63)
      }
      for i in 0..<n {
        let q = values[i] - 0.5
        values[i] = q * centralNormalQuantileRatio(0.180625 - q * q)
      }
      for k in 0..<tails { values[tailIndices[k]] = signedTailNormalQuantile(tailProbabilities[k]) }
    }
  }
}
