import Testing

@testable import Stochastics

/// Selection must put exactly the value a full sort would put at each requested position.
@Suite struct OrderStatisticsTests {
  @Test(arguments: [1, 2, 17, 18, 100, 1001, 20_000])
  func selectedValuesEqualTheSortedOnes(count: Int) {
    let stream = RandomStream(seed: 99, run: UInt64(count), key: StreamKey("order-statistics"))
    // Coarse values so that ties are common, plus a run of sorted and reversed stretches.
    var values = (0..<count).map { (stream.uniform(UInt64($0)) * 50).rounded(.down) }
    if count > 40 {
      values.replaceSubrange(0..<10, with: (0..<10).map(Double.init))
      values.replaceSubrange(10..<20, with: (0..<10).reversed().map(Double.init))
    }
    let sorted = values.sorted()
    for k in Set([0, count / 3, count / 2, count - 1, max(0, count - 2)]) {
      var copy = values
      copy.withUnsafeMutableBufferPointer { OrderStatistics.select(k, in: $0, within: 0..<count) }
      #expect(copy[k] == sorted[k], "position \(k) of \(count)")
      #expect(copy[..<k].allSatisfy { $0 <= copy[k] } && copy[(k + 1)...].allSatisfy { $0 >= copy[k] })
    }
    // Several positions at once, as the quantile summary asks for them.
    let positions = Array(
      Set([0, count / 20, count / 4, count / 4 + 1, count / 2, 3 * count / 4, count - 1].map { min($0, count - 1) }))
    var copy = values
    copy.withUnsafeMutableBufferPointer { OrderStatistics.select(positions, in: $0) }
    for k in positions { #expect(copy[k] == sorted[k], "position \(k) of \(count), selected together") }
  }
}

extension OrderStatisticsTests {
  @Test(arguments: [0, 1, 2, 16, 17, 1000, 4096, 50_000])
  func sortAgreesWithTheStandardLibrary(count: Int) {
    let stream = RandomStream(seed: 5, run: UInt64(count), key: StreamKey("sort"))
    // Ties, negative numbers, signed zeros and a wide range of magnitudes.
    let values = (0..<count).map { k -> Double in
      let u = stream.uniform(UInt64(k))
      return k % 7 == 0
        ? (u - 0.5) * 1e-300 : k % 5 == 0 ? -0.0 : ((u - 0.3) * 100).rounded(.down) * (k % 3 == 0 ? 1e200 : 1)
    }
    for input in [values, values.sorted(), values.sorted().reversed(), [Double](repeating: 1, count: count)] {
      var copy = Array(input)
      copy.withUnsafeMutableBufferPointer { OrderStatistics.sort($0) }
      #expect(copy == input.sorted())
    }
  }
}

/// Adding a batch is the same as adding its values one by one, below and across the exact limit.
@Suite struct QuantileSummaryBatchTests {
  @Test(arguments: [10, 100, 150])
  func batchEqualsOneByOne(total: Int) {
    let values = (0..<total).map { Double(($0 * 7919) % 101) - 50 }
    var one = QuantileSummary(exactLimit: 120, sketchCapacity: 16)
    for value in values { one.add(value) }
    var batch = QuantileSummary(exactLimit: 120, sketchCapacity: 16)
    values.withUnsafeBufferPointer { all in
      for start in stride(from: 0, to: total, by: 32) {
        batch.add(contentsOf: UnsafeBufferPointer(rebasing: all[start..<min(start + 32, total)]))
      }
    }
    #expect(one == batch)
  }
}
