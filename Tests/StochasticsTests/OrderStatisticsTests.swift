import Foundation
import Testing

@testable import Stochastics

/// The sort must give the ascending order whatever route it takes: radix passes on the leading
/// varying bits and an insertion finish, or the full radix sort when values crowd together.
@Suite struct OrderStatisticsTests {
  /// Values crowded into a sliver of their range defeat the leading-bits pass (thousands share
  /// its buckets), so the insertion finish gives up and the full radix sort must take over.
  @Test(arguments: [100, 4096, 50_000])
  func crowdedValuesAreSortedByTheFullRadixSort(count: Int) {
    let stream = RandomStream(seed: 11, run: UInt64(count), key: StreamKey("crowded"))
    var values = (0..<count).map { 1 + stream.uniform(UInt64($0)) * 1e-9 }
    values[count / 2] = 1e300
    values[count / 3] = -1e300
    var copy = values
    copy.withUnsafeMutableBufferPointer { OrderStatistics.sort($0) }
    #expect(copy == values.sorted())
  }

  /// Lognormal-like values (the simulation's typical series) and integer counts with many ties.
  @Test(arguments: [65, 4096, 50_000])
  func typicalSeriesAreSorted(count: Int) {
    let stream = RandomStream(seed: 12, run: UInt64(count), key: StreamKey("typical"))
    let spread = (0..<count).map { exp(4 * (stream.uniform(UInt64($0)) - 0.5)) * 18_500 }
    let counts = (0..<count).map { (stream.uniform(UInt64(count + $0)) * 30).rounded(.down) }
    for values in [spread, counts] {
      var copy = values
      copy.withUnsafeMutableBufferPointer { OrderStatistics.sort($0) }
      #expect(copy == values.sorted())
    }
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
