import LinearAlgebra

/// A small seeded generator (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
/// generators"), so a test's random inputs are the same on every run and platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A double uniform on [−1, 1), from the top 53 bits (independent of the standard library's
  /// `Double.random(in:using:)`, whose algorithm may change between releases).
  public mutating func nextSymmetricUnit() -> Double {
    Double(next() >> 11) * 0x1p-52 - 1
  }

  /// A rows×columns matrix of independent uniform [−1, 1) elements.
  public mutating func matrix(rows: Int, columns: Int) -> Matrix {
    Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in nextSymmetricUnit() })
  }

  /// `count` independent uniform [−1, 1) values.
  public mutating func vector(_ count: Int) -> [Double] {
    (0..<count).map { _ in nextSymmetricUnit() }
  }
}
