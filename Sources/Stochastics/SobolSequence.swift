import ErrorCategories

// Sobol low-discrepancy points in up to 64 dimensions, optionally scrambled.
//
// Sources:
// - Construction: Bratley & Fox (1988), ACM TOMS 14(1), algorithm 659, with the direction
//   numbers of Joe & Kuo (2008) (SobolDirectionNumbers.swift).
// - Order: Antonov & Saleev (1979) Gray-code order, point i = ⊕ of the direction numbers at the
//   set bits of i ⊕ (i >> 1). This is the order scipy.stats.qmc.Sobol produces, so unscrambled
//   points equal scipy's bit for bit.
// - Scrambling: Matoušek (1998), "On the L2-discrepancy for anchored boxes", J. Complexity
//   14(4) — the random linear matrix scramble (a lower-triangular binary matrix with unit
//   diagonal applied to every direction number) followed by a random digital shift, as in
//   scipy's `scramble=True`. Both keep every (t, m, s)-net property of the sequence and make each
//   point uniformly distributed on the unit cube.

/// A Sobol sequence: points of the unit cube that fill it far more evenly than independent
/// uniforms, for quasi-Monte Carlo and for Sobol sensitivity designs.
///
/// Any coordinate of any point can be computed directly (`coordinate(_:dimension:)`), so each
/// parameter's column is reproducible on its own and runs can be split across shards.
/// Unscrambled points start at the origin, where the quantiles of unbounded families are
/// infinite: skip point 0 or use a scrambled sequence, whose coordinates lie strictly inside (0, 1).
public struct SobolSequence: Sendable {
  /// The number of dimensions for which direction numbers are built in.
  public static let maximumDimensions = 64
  /// Points are 32-bit binary fractions, so at most 2³² points are distinct.
  public static let maximumPoints = 1 << 32

  /// The dimension count given at creation.
  public let dimensions: Int
  /// The seed of the scramble, or nil for the plain sequence.
  public let scrambleSeed: UInt64?
  /// Direction numbers (after scrambling), 32 per dimension, row-major by dimension.
  private let directions: [UInt32]
  /// Digital shift per dimension (zero when not scrambled).
  private let shifts: [UInt32]

  /// The Sobol sequence in `dimensions` dimensions (1…64); scrambled when a seed is given.
  public init(dimensions: Int, scrambleSeed: UInt64? = nil) throws(SobolSequenceError) {
    guard (1...Self.maximumDimensions).contains(dimensions) else {
      throw .unsupportedDimensions(requested: dimensions, maximum: Self.maximumDimensions)
    }
    self.dimensions = dimensions
    self.scrambleSeed = scrambleSeed
    var directions: [UInt32] = []
    var shifts: [UInt32] = []
    directions.reserveCapacity(32 * dimensions)
    for dimension in 0..<dimensions {
      var columns = Self.directionNumbers(dimension: dimension)
      var shift: UInt32 = 0
      if let seed = scrambleSeed {
        let stream = RandomStream(seed: seed, run: UInt64(dimension), key: StreamKey("sobol.scramble"))
        columns = Self.matrixScrambled(columns, stream: stream)
        shift = UInt32(truncatingIfNeeded: stream.bits(32) >> 32)
      }
      directions += columns
      shifts.append(shift)
    }
    self.directions = directions
    self.shifts = shifts
  }

  /// Coordinate `dimension` (0-based) of point `index`, in [0, 1) unscrambled and strictly
  /// inside (0, 1) scrambled (the centre of its 2⁻³² cell).
  public func coordinate(_ index: Int, dimension: Int) -> Double {
    precondition(index >= 0 && index < Self.maximumPoints, "Sobol index out of range")
    precondition(dimension >= 0 && dimension < dimensions, "Sobol dimension out of range")
    let bits = integerCoordinate(UInt64(index), dimension: dimension)
    return scrambleSeed == nil ? Double(bits) * 0x1p-32 : (Double(bits) + 0.5) * 0x1p-32
  }

  /// All coordinates of point `index`.
  public func point(_ index: Int) -> [Double] {
    (0..<dimensions).map { coordinate(index, dimension: $0) }
  }

  /// The first `count` points, one array per point.
  public func points(_ count: Int) -> [[Double]] {
    (0..<count).map(point)
  }

  /// The coordinate as a 32-bit binary fraction: XOR of the direction numbers selected by the
  /// Gray code of the index, then the digital shift.
  private func integerCoordinate(_ index: UInt64, dimension: Int) -> UInt32 {
    var gray = index ^ (index >> 1)
    var value: UInt32 = 0
    let base = 32 * dimension
    var bit = 0
    while gray != 0 {
      if gray & 1 != 0 { value ^= directions[base + bit] }
      gray >>= 1
      bit += 1
    }
    return value ^ shifts[dimension]
  }

  /// The 32 direction numbers V_k = m_k·2^(32−k) of a dimension (0-based), by the
  /// Bratley–Fox recurrence m_k = 2a₁m_(k−1) ⊕ 4a₂m_(k−2) ⊕ … ⊕ 2^s m_(k−s) ⊕ m_(k−s).
  static func directionNumbers(dimension: Int) -> [UInt32] {
    var m = [UInt32](repeating: 1, count: 32)
    if dimension > 0 {
      let row = directionTable[dimension - 1]
      let s = row.degree
      for k in 0..<s { m[k] = row.initial[k] }
      for k in s..<32 {
        var next = m[k - s] ^ (m[k - s] << UInt32(s))
        for j in 1..<s where (row.coefficients >> UInt32(s - 1 - j)) & 1 == 1 {
          next ^= m[k - j] << UInt32(j)
        }
        m[k] = next
      }
    }
    return (0..<32).map { k in m[k] << UInt32(31 - k) }
  }

  /// Applies a random lower-triangular unit-diagonal binary matrix L to each direction number
  /// (bit 31 is the first row): output bit r = parity(L_r · v).
  private static func matrixScrambled(_ columns: [UInt32], stream: RandomStream) -> [UInt32] {
    // Row r of L as a mask over input bits: the diagonal bit plus random bits above it in
    // significance (earlier rows), i.e. lower-triangular in most-significant-first order.
    let rows: [UInt32] = (0..<32).map { r in
      let diagonal = UInt32(1) << UInt32(31 - r)
      let earlier = r == 0 ? 0 : ~((diagonal << 1) &- 1)
      let random = UInt32(truncatingIfNeeded: stream.bits(UInt64(r)) >> 32)
      return diagonal | (random & earlier)
    }
    return columns.map { v in
      var out: UInt32 = 0
      for r in 0..<32 where (rows[r] & v).nonzeroBitCount & 1 == 1 {
        out |= UInt32(1) << UInt32(31 - r)
      }
      return out
    }
  }
}

/// Why a Sobol sequence could not be built.
public enum SobolSequenceError: CategorisedError, Equatable, CustomStringConvertible {
  case unsupportedDimensions(requested: Int, maximum: Int)

  /// Callers check the dimensions first, so this is a failure inside iccsim.
  public var category: ErrorCategory { .internal }

  public var description: String {
    switch self {
    case .unsupportedDimensions(let requested, let maximum):
      "a Sobol sequence supports 1 to \(maximum) dimensions (got \(requested))"
    }
  }
}
