/// A counter-based random stream keyed by (seed, run, parameter key).
///
/// Draw `k` of a stream is a pure function of `(seed, run, key, k)`: no state is shared between
/// streams, so adding a parameter, an indicator or an intervention never shifts the draws of any
/// other quantity, runs can be computed in any order on any thread, and two scenarios that name
/// the same parameter see the same draws (common random numbers).
///
/// The mixing function is the SplitMix64 finaliser (Steele, Lea & Flood 2014) applied twice to a
/// Weyl sequence offset by the keyed stream base; each application is a bijection on 64 bits.
public struct RandomStream: Sendable {
  /// The keyed base of the stream; draws are offsets from it.
  public let base: UInt64

  public init(seed: UInt64, run: UInt64, key: StreamKey) {
    self = RandomStreamFamily(seed: seed, key: key).stream(run: run)
  }

  @usableFromInline
  init(keyedBase: UInt64, run: UInt64) {
    base = Self.mix(keyedBase &+ run &* 0x9E37_79B9_7F4A_7C15)
  }

  /// The `index`-th 64-bit draw of the stream.
  @inlinable
  public func bits(_ index: UInt64) -> UInt64 {
    Self.mix(Self.mix(base &+ (index &+ 1) &* 0xD1B5_4A32_D192_ED03))
  }

  /// The `index`-th uniform draw, strictly inside (0, 1): the top 53 bits plus one half ulp.
  @inlinable
  public func uniform(_ index: UInt64) -> Double {
    Self.unitInterval(bits(index))
  }

  /// Maps 64 random bits to (0, 1): (top 53 bits + ½)·2⁻⁵³. Above ½ the half is rounded (ties
  /// to even), and for the single all-ones pattern that rounding would give exactly 1, so the
  /// result is capped at the largest double below 1 (every other pattern is unaffected).
  @inlinable
  static func unitInterval(_ bits: UInt64) -> Double {
    Swift.min((Double(bits >> 11) + 0.5) * 0x1p-53, 1.0.nextDown)
  }

  /// Draw `index` of every stream: `values[i] = streams[i].uniform(index)`.
  ///
  /// Compiled for size, which keeps the loop scalar: vectorised, each 64-bit multiply of the
  /// mixing would be emulated from 32-bit ones (x86-64 has no packed 64-bit multiply below
  /// AVX-512), which measured 1.7 times slower than one scalar multiply after another.
  @_optimize(size)
  public static func uniforms(
    of streams: UnsafeBufferPointer<RandomStream>, draw index: UInt64, into values: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(values.count == streams.count, "one value per stream")
    for i in 0..<streams.count { values[i] = streams[i].uniform(index) }
  }

  @inlinable
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The streams of one (seed, key) pair, one per run, with the part of the keying that does not
/// depend on the run mixed once: `stream(run: r)` is `RandomStream(seed:run: r, key:)`.
public struct RandomStreamFamily: Sendable {
  @usableFromInline let keyedBase: UInt64

  public init(seed: UInt64, key: StreamKey) {
    keyedBase = RandomStream.mix(seed ^ key.hash)
  }

  @inlinable
  public func stream(run: UInt64) -> RandomStream {
    RandomStream(keyedBase: keyedBase, run: run)
  }

  /// The first draw of the stream of each run: `values[i] = stream(run: runs[i]).uniform(0)`,
  /// kept scalar for the reason `RandomStream.uniforms` gives.
  @_optimize(size)
  public func firstUniforms(runs: Range<Int>, into values: UnsafeMutableBufferPointer<Double>) {
    precondition(values.count == runs.count, "one value per run")
    for (i, run) in runs.enumerated() { values[i] = stream(run: UInt64(run)).uniform(0) }
  }
}

/// The name of a random quantity, hashed once (FNV-1a, 64 bit) so streams are cheap to key.
public struct StreamKey: Hashable, Sendable, CustomStringConvertible {
  public let name: String
  public let hash: UInt64

  public init(_ name: String) {
    self.name = name
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in name.utf8 {
      h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    hash = h
  }

  public var description: String { name }
}
