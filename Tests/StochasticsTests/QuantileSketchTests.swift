import Testing

@testable import Stochastics

/// The sketch keeps its upper levels ascending by merging instead of sorting them at each
/// compaction; the values it keeps must be exactly those of the textbook procedure (sort the level,
/// promote every other value from the alternating offset), here written out plainly.
@Suite struct QuantileSketchTests {
  /// The textbook compactor hierarchy: levels unsorted, each sorted when it compacts.
  struct ReferenceSketch {
    let capacity: Int
    var levels: [[Double]] = [[]]
    var compactions: [Int] = [0]

    mutating func add(_ value: Double) {
      levels[0].append(value)
      var level = 0
      while level < levels.count {
        while levels[level].count >= capacity {
          if level + 1 == levels.count {
            levels.append([])
            compactions.append(0)
          }
          let sorted = levels[level].sorted()
          let compacted = sorted.count - sorted.count % 2
          for index in stride(from: compactions[level] % 2, to: compacted, by: 2) {
            levels[level + 1].append(sorted[index])
          }
          levels[level] = Array(sorted[compacted...])
          compactions[level] += 1
        }
        level += 1
      }
    }
  }

  @Test(arguments: [2, 4, 16, 64])
  func keepsTheTextbookValues(capacity: Int) {
    let stream = RandomStream(seed: 11, run: UInt64(capacity), key: StreamKey("sketch"))
    // Ties and both signs, in batches of uneven length.
    let values = (0..<20_000).map { ((stream.uniform(UInt64($0)) - 0.4) * 300).rounded(.down) / 4 }
    var reference = ReferenceSketch(capacity: capacity)
    for value in values { reference.add(value) }
    var sketch = QuantileSketch(capacity: capacity)
    values.withUnsafeBufferPointer { all in
      var start = 0
      var length = 1
      while start < all.count {
        sketch.add(contentsOf: UnsafeBufferPointer(rebasing: all[start..<min(start + length, all.count)]))
        start += length
        length = length * 3 % 997 + 1
      }
    }
    #expect(sketch.count == values.count)
    #expect(sketch.compactions == reference.compactions)
    #expect(sketch.levels.count == reference.levels.count)
    for (level, (kept, expected)) in zip(sketch.levels, reference.levels).enumerated() {
      #expect(kept.sorted() == expected.sorted(), "level \(level)")
      if level > 0 { #expect(kept == kept.sorted(), "level \(level) ascending") }
    }
  }

  /// The values at ranks, found by binary searches, are those of the textbook walk: all weighted
  /// values sorted, the first whose cumulative weight passes the rank — at every rank of a sketch
  /// with many levels, ties and an unsorted level 0.
  @Test(arguments: [4, 16])
  func valuesAtRanksAreTheWeightedWalks(capacity: Int) {
    let stream = RandomStream(seed: 12, run: UInt64(capacity), key: StreamKey("sketch ranks"))
    let values = (0..<5_003).map { ((stream.uniform(UInt64($0)) - 0.3) * 80).rounded(.down) / 2 }
    var sketch = QuantileSketch(capacity: capacity)
    values.withUnsafeBufferPointer { sketch.add(contentsOf: $0) }
    var weighted: [(value: Double, weight: Double)] = []
    for (level, kept) in sketch.levels.enumerated() {
      weighted += kept.map { ($0, Double(1 << level)) }
    }
    weighted.sort { $0.value < $1.value }
    func walk(_ rank: Double) -> Double {
      var cumulative = 0.0
      for item in weighted {
        cumulative += item.weight
        if cumulative > rank { return item.value }
      }
      return weighted[weighted.count - 1].value
    }
    #expect(sketch.levels.count > 4 && !sketch.levels[0].isEmpty)
    let ranks = (0..<values.count).map(Double.init) + [0.5, 2_500.25, Double(values.count - 1)]
    #expect(sketch.values(atRanks: ranks) == ranks.map(walk))
  }
}
