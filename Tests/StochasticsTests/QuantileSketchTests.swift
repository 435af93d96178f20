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
}
