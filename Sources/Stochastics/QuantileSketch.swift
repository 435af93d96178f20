// A deterministic, mergeable quantile sketch with a proven rank-error bound.
//
// Sources: Manku, Rajagopalan & Lindsay (1998), "Approximate medians and other quantiles in one
// pass and with limited memory", SIGMOD — the hierarchy of equal-capacity compactors;
// Karnin, Lang & Liberty (2016), "Optimal quantile approximation in streams", FOCS — compaction
// with alternating offsets (here deterministic: even, odd, even, … per level, instead of a coin).
//
// Level h holds values of weight 2^h. When a level reaches `capacity` values it is sorted (level 0
// by a radix sort; the levels above are kept sorted, since what they receive is already sorted and
// is merged in) and an even number of them is compacted: every other value (offset alternating per
// compaction) moves to level h + 1 with twice the weight. For any threshold y, one compaction at
// level h changes the estimated count of values ≤ y by 0 or ±2^h, so the estimate's error never
// exceeds Σ_h (compactions at level h)·2^h, which the sketch tracks exactly (`rankErrorBound`).
// Level h receives at most n/2^h values and compacts at least capacity − 1 of them each time, so
// the bound is at most L·n/(capacity − 1) with L ≤ ⌈log₂(n/capacity)⌉ + 1 levels that compact:
// 0.2 % of n for n = 10⁶ and 0.44 % for n = 10⁹ at the default capacity 4096.
// Memory is at most `capacity` values per level, and there are at most 64 levels.

/// Weighted compactor levels; see the file header for the algorithm and its error bound.
struct QuantileSketch: Codable, Sendable, Hashable {
  /// Values per level at which the level is compacted (even, ≥ 2).
  let capacity: Int
  /// levels[h] holds values of weight 2^h: level 0 in arrival order, the levels above ascending.
  private(set) var levels: [[Double]] = [[]]
  /// The number of compactions performed at each level, including those of merged parts.
  private(set) var compactions: [Int] = [0]
  /// The number of values summarised.
  private(set) var count: Int = 0

  init(capacity: Int) {
    precondition(capacity >= 2 && capacity % 2 == 0, "sketch capacity must be even and ≥ 2")
    self.capacity = capacity
  }

  private enum CodingKeys: String, CodingKey { case capacity, levels, compactions, count }

  /// Decodes a sketch written by another process, rejecting states no sketch can reach: the
  /// level weights must add up to the count (compaction preserves total weight), and levels
  /// and compaction counts must line up.
  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    capacity = try container.decode(Int.self, forKey: .capacity)
    // The levels above 0 are kept ascending; a file's are put in order (the values are what count).
    let packed = try container.decode([String].self, forKey: .levels)
    levels = try packed.enumerated().map { level, text in
      guard let values = PackedDoubles.decode(text) else {
        throw DecodingError.dataCorruptedError(
          forKey: .levels, in: container, debugDescription: "level \(level) is not base64 of whole doubles")
      }
      return level == 0 ? values : values.sorted()
    }
    compactions = try container.decode([Int].self, forKey: .compactions)
    count = try container.decode(Int.self, forKey: .count)
    var weight = 0.0
    for (level, values) in levels.enumerated() {
      weight += Double(values.count) * Double(sign: .plus, exponent: level, significand: 1)
    }
    let consistent =
      capacity >= 2 && capacity % 2 == 0 && !levels.isEmpty && levels.count <= 64
      && levels.count == compactions.count && compactions.allSatisfy { $0 >= 0 }
      && levels.allSatisfy { $0.count < capacity && $0.allSatisfy(\.isFinite) }
      && weight == Double(count)
    guard consistent else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath, debugDescription: "inconsistent quantile sketch"))
    }
  }

  /// Writes each level packed (`PackedDoubles`).
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(capacity, forKey: .capacity)
    try container.encode(levels.map(PackedDoubles.encode), forKey: .levels)
    try container.encode(compactions, forKey: .compactions)
    try container.encode(count, forKey: .count)
  }

  mutating func add(_ value: Double) {
    count += 1
    levels[0].append(value)
    if levels[0].count >= capacity { compact(from: 0) }
  }

  /// Adds values in order: the same as adding them one by one.
  mutating func add(contentsOf values: UnsafeBufferPointer<Double>) {
    var start = 0
    while start < values.count {
      let end = min(values.count, start + capacity - levels[0].count)
      levels[0].append(contentsOf: UnsafeBufferPointer(rebasing: values[start..<end]))
      count += end - start
      start = end
      if levels[0].count >= capacity { compact(from: 0) }
    }
  }

  /// Adds another sketch's values (same capacity); deterministic for a given merge order.
  mutating func merge(_ other: QuantileSketch) {
    precondition(capacity == other.capacity, "sketches of different capacity cannot be merged")
    count += other.count
    for level in other.levels.indices {
      if level == levels.count {
        levels.append([])
        compactions.append(0)
      }
      levels[level] = level == 0 ? levels[0] + other.levels[0] : Self.merged(levels[level], other.levels[level])
      compactions[level] += other.compactions[level]
    }
    compact(from: 0)
  }

  /// The proven bound on |estimated rank − true rank| of any returned value, in values:
  /// the compaction error plus the weight of one value at the top level (the granularity).
  var rankErrorBound: Double {
    var bound = 0.0
    for (level, performed) in compactions.enumerated() {
      bound += Double(performed) * Double(sign: .plus, exponent: level, significand: 1)
    }
    return bound + Double(sign: .plus, exponent: levels.count - 1, significand: 1)
  }

  /// For each rank (a position in 0…count − 1), the value whose estimated 0-based rank range
  /// covers it: in the ascending order of all weighted values, the first whose cumulative weight
  /// passes the rank. That is the smallest value v of the sketch whose weight of values ≤ v
  /// exceeds the rank, which binary searches find without ordering all the values: in each
  /// sorted level, the first value that qualifies (the weight below a value is a sum of binary
  /// searches, one per level), and the smallest of those.
  func values(atRanks ranks: [Double]) -> [Double] {
    var sorted = levels
    sorted[0].withUnsafeMutableBufferPointer { OrderStatistics.sort($0) }
    func weight(atOrBelow value: Double) -> Double {
      var total = 0.0
      for (level, values) in sorted.enumerated() {
        let count = Self.firstIndex(in: values) { $0 > value }
        total += Double(count) * Double(sign: .plus, exponent: level, significand: 1)
      }
      return total
    }
    return ranks.map { rank in
      var smallest = Double.infinity
      for values in sorted {
        let first = Self.firstIndex(in: values) { weight(atOrBelow: $0) > rank }
        if first < values.count { smallest = min(smallest, values[first]) }
      }
      // Past the total weight (no rank the summary asks for): the largest value.
      return smallest < .infinity ? smallest : sorted.compactMap(\.last).max()!
    }
  }

  /// The first index of ascending `values` at which `isPast` holds, which once true stays true
  /// (values.count when it never does).
  private static func firstIndex(in values: [Double], where isPast: (Double) -> Bool) -> Int {
    var low = 0, high = values.count
    while low < high {
      let middle = (low + high) / 2
      if isPast(values[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// Compacts every level, from `level` upwards, that has reached capacity.
  private mutating func compact(from level: Int) {
    var level = level
    while level < levels.count {
      while levels[level].count >= capacity {
        compactOnce(level)
      }
      level += 1
    }
  }

  private mutating func compactOnce(_ level: Int) {
    if level + 1 == levels.count {
      levels.append([])
      compactions.append(0)
    }
    if level == 0 { levels[0].withUnsafeMutableBufferPointer { OrderStatistics.sort($0) } }
    // An even number of the smallest values is compacted; an odd one out stays behind. Every
    // other one of them, from the alternating offset, is merged into the (ascending) level above.
    let count = levels[level].count
    let compacted = count - count % 2
    let offset = compactions[level] % 2
    levels[level + 1] = levels[level].withUnsafeBufferPointer { source in
      Self.merged(levels[level + 1], with: source, from: offset, by: 2, count: compacted / 2)
    }
    levels[level].removeFirst(compacted)
    compactions[level] += 1
  }

  /// The union of two ascending arrays, ascending.
  private static func merged(_ a: [Double], _ b: [Double]) -> [Double] {
    b.withUnsafeBufferPointer { merged(a, with: $0, from: 0, by: 1, count: b.count) }
  }

  /// `ascending` merged with the ascending values b[start], b[start + step], … (`count` of them);
  /// equal values keep those of `ascending` first.
  ///
  /// Each step of a branch-free merge waits for the comparison before it, so the merge runs four
  /// independent chains in one loop: the result is split at its middle (the split's position in
  /// each input found by binary search, as in merge-path partitioning), and each half is merged
  /// from its front and from its back at once. Both inputs are copied between −∞ and +∞
  /// sentinels, so no chain checks for the end of an input: values are finite, a chain stops
  /// before it could pass both sentinels, and a half's chains see the other half's first values
  /// as their bounds. Every chain puts `ascending`'s values before equal ones of `b`, so the four
  /// parts are the parts of one stable merge.
  private static func merged(
    _ ascending: [Double], with b: UnsafeBufferPointer<Double>, from start: Int, by step: Int, count: Int
  ) -> [Double] {
    let na = ascending.count
    let nb = count
    let total = na + nb
    guard na > 0 && nb > 0 else {
      return ascending + (0..<nb).map { b[start + $0 * step] }
    }
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: na + 2) { left in
      withUnsafeTemporaryAllocation(of: Double.self, capacity: nb + 2) { right in
        left[0] = -.infinity
        left[na + 1] = .infinity
        right[0] = -.infinity
        right[nb + 1] = .infinity
        ascending.withUnsafeBufferPointer { for k in 0..<na { left[k + 1] = $0[k] } }
        for k in 0..<nb { right[k + 1] = b[start + k * step] }
        // The first half of the result takes the first `split` values of `ascending` and the first
        // half − split of b: the smallest split whose next value of `ascending` comes after the
        // last of b's taken (positions are 1-based, after the sentinel).
        let half = total / 2
        var low = max(0, half - nb), high = min(half, na)
        while low < high {
          let middle = (low + high) / 2
          if right[half - middle] < left[middle + 1] { high = middle } else { low = middle + 1 }
        }
        let split = low
        return [Double](unsafeUninitializedCapacity: total) { result, initialized in
          initialized = total
          // Front chains take the smaller head (`ascending`'s on a tie) and move up; back chains
          // take the larger (b's on a tie) and move down.
          typealias Chain = (left: Int, right: Int, out: Int)
          var front0: Chain = (1, 1, 0)
          var back0: Chain = (split, half - split, half - 1)
          var front1: Chain = (split + 1, half - split + 1, half)
          var back1: Chain = (na, nb, total - 1)
          let frontSteps0 = half / 2, backSteps0 = half - half / 2
          let frontSteps1 = (total - half) / 2, backSteps1 = total - half - (total - half) / 2
          func stepFront(_ c: inout Chain) {
            let x = left[c.left], y = right[c.right]
            let takeRight = y < x ? 1 : 0
            result[c.out] = takeRight == 1 ? y : x
            c.right &+= takeRight
            c.left &+= 1 &- takeRight
            c.out &+= 1
          }
          func stepBack(_ c: inout Chain) {
            let u = left[c.left], v = right[c.right]
            let takeLeft = u > v ? 1 : 0
            result[c.out] = takeLeft == 1 ? u : v
            c.left &-= takeLeft
            c.right &-= 1 &- takeLeft
            c.out &-= 1
          }
          let together = min(frontSteps0, frontSteps1)
          for _ in 0..<together {
            stepFront(&front0)
            stepBack(&back0)
            stepFront(&front1)
            stepBack(&back1)
          }
          for _ in together..<frontSteps0 { stepFront(&front0) }
          for _ in together..<frontSteps1 { stepFront(&front1) }
          for _ in together..<backSteps0 { stepBack(&back0) }
          for _ in together..<backSteps1 { stepBack(&back1) }
        }
      }
    }
  }
}
