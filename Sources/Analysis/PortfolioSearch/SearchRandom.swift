import Stochastics

/// The evolutionary search's own random choices: draw k is draw k of the `RandomStream` keyed by
/// the search's seed, so a search is reproduced exactly by its seed, whatever the platform.
struct SearchRandom {
  private let stream: RandomStream
  private var next: UInt64 = 0

  init(seed: UInt64) {
    stream = RandomStream(seed: seed, run: 0, key: StreamKey("portfolio-search"))
  }

  /// A uniform draw strictly inside (0, 1).
  mutating func uniform() -> Double {
    defer { next += 1 }
    return stream.uniform(next)
  }

  /// A uniform integer in 0..<bound (bound ≥ 1), without modulo bias (Lemire 2019, "Fast random
  /// integer generation in an interval": multiply, and redraw the few draws that would bias).
  mutating func below(_ bound: Int) -> Int {
    precondition(bound >= 1, "an empty range has no draw")
    let range = UInt64(bound)
    let threshold = (0 &- range) % range
    while true {
      let bits = stream.bits(next)
      next += 1
      let product = bits.multipliedFullWidth(by: range)
      if product.low >= threshold { return Int(product.high) }
    }
  }
}
