/// How many values of a block lie above zero, below zero, or are not finite, counted four at a
/// time in vector lanes. One at a time, each comparison compiles to a branch that random data
/// mispredict and the loop cannot vectorise; the simulation tallies every value it summarises.
public struct ValueTally: Sendable, Equatable {
  public private(set) var above = 0
  public private(set) var below = 0
  /// Infinities and NaNs (x − x is 0 exactly for a finite x, NaN otherwise).
  public private(set) var nonFinite = 0

  public init(_ values: UnsafeBufferPointer<Double>) {
    typealias Lanes = SIMD4<Double>
    var above = SIMD4<Int64>.zero, below = SIMD4<Int64>.zero, nonFinite = SIMD4<Int64>.zero
    let whole = values.count - values.count % Lanes.scalarCount
    for start in stride(from: 0, to: whole, by: Lanes.scalarCount) {
      let lanes = Lanes(values[start], values[start + 1], values[start + 2], values[start + 3])
      above &+= SIMD4<Int64>.zero.replacing(with: 1, where: lanes .> 0)
      below &+= SIMD4<Int64>.zero.replacing(with: 1, where: lanes .< 0)
      nonFinite &+= SIMD4<Int64>.one.replacing(with: 0, where: lanes - lanes .== 0)
    }
    self.above = Int(above.wrappedSum())
    self.below = Int(below.wrappedSum())
    self.nonFinite = Int(nonFinite.wrappedSum())
    for value in values[whole...] {
      self.above &+= value > 0 ? 1 : 0
      self.below &+= value < 0 ? 1 : 0
      self.nonFinite &+= value.isFinite ? 0 : 1
    }
  }
}
