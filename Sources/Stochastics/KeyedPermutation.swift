// A pseudo-random permutation of 0..<n computed one element at a time.
//
// Sources: Luby & Rackoff (1988), "How to construct pseudorandom permutations from pseudorandom
// functions", SIAM J. Comput. 17(2) — a balanced Feistel network with four rounds; Black &
// Rogaway (2002), "Ciphers with arbitrary finite domains", CT-RSA — cycle walking, which turns a
// permutation of a larger domain into one of 0..<n.
//
// The domain is 2^(2h) ≥ n, split into two halves of h bits; round k maps (L, R) to
// (R, L ⊕ F_k(R)) with F_k(R) = the low h bits of the stream's draw at index (k + 1)·2^40 + R.
// Each round is a bijection whatever F is, so the network is one; values that land at or beyond n
// are mapped again until they fall inside, which stays a bijection of 0..<n. Since 2^(2h) < 4n,
// an element needs fewer than four applications on average.

/// A keyed permutation of 0..<count whose image of any one element costs O(1) time and memory,
/// so a Latin hypercube over millions of runs can be sampled run by run, on any thread or shard.
public struct KeyedPermutation: Sendable {
  public let count: Int
  private let stream: RandomStream
  private let halfBits: UInt64

  /// The permutation of 0..<count keyed by `stream` (1 ≤ count ≤ 2⁴⁰); it uses the stream's
  /// draws at indices from 2⁴⁰ on, leaving those below to the caller.
  public init(count: Int, stream: RandomStream) {
    precondition(count >= 1 && count <= 1 << 40, "a keyed permutation needs 1 ≤ count ≤ 2^40")
    self.count = count
    self.stream = stream
    var bits: UInt64 = 1
    while UInt64(1) << (2 * bits) < UInt64(count) { bits += 1 }
    halfBits = bits
  }

  /// The image of `element` (in 0..<count).
  public func callAsFunction(_ element: Int) -> Int {
    precondition((0..<count).contains(element), "element outside the permutation's domain")
    var value = UInt64(element)
    repeat {
      value = network(value)
    } while value >= UInt64(count)
    return Int(value)
  }

  private func network(_ value: UInt64) -> UInt64 {
    let mask = (UInt64(1) << halfBits) - 1
    var left = value >> halfBits
    var right = value & mask
    for round in 1...4 as ClosedRange<UInt64> {
      let mixed = left ^ (stream.bits(round << 40 | right) & mask)
      left = right
      right = mixed
    }
    return left << halfBits | right
  }
}
