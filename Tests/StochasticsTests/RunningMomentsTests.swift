import Foundation
import Stochastics
import Testing

struct RunningMomentsTests {
  /// Known answer: 2, 4, 4, 4, 5, 5, 7, 9 has mean 5, population variance 4, sample variance 32/7
  /// (exact in binary here, so equality is required).
  @Test func knownAnswer() {
    let moments = RunningMoments([2, 4, 4, 4, 5, 5, 7, 9])
    #expect(moments.count == 8)
    #expect(moments.mean == 5)
    #expect(moments.populationVariance == 4)
    #expect(abs(moments.sampleVariance - 32.0 / 7) <= 1e-15)
  }

  /// Stability: values 10⁹ + {4, 7, 13, 16} have variance 30 (sample). The naive Σx² − n·x̄²
  /// loses every digit here; Welford keeps them to 1e-9 relative (the values themselves carry
  /// an absolute rounding of 1e-7 relative to their spread of 12).
  @Test func stableForLargeOffsets() {
    let moments = RunningMoments([4, 7, 13, 16].map { 1e9 + $0 })
    #expect(abs(moments.sampleVariance - 30) <= 30 * 1e-9)
  }

  /// Merging shards equals one pass over all values to 1e-13 relative (the two orders round
  /// differently in the last bits), and the same merge order gives the same bits every time.
  @Test func mergeMatchesSinglePass() {
    let stream = RandomStream(seed: 1, run: 0, key: StreamKey("moments"))
    let values = (0..<10_000).map { 100 + 5 * standardNormalQuantile(stream.uniform(UInt64($0))) }
    let whole = RunningMoments(values)
    var merged = RunningMoments()
    for shard in stride(from: 0, to: values.count, by: 1237) {
      merged.merge(RunningMoments(values[shard..<min(shard + 1237, values.count)]))
    }
    #expect(merged.count == whole.count)
    #expect(abs(merged.mean - whole.mean) <= 1e-13 * abs(whole.mean))
    #expect(abs(merged.sampleVariance - whole.sampleVariance) <= 1e-13 * whole.sampleVariance)
    var again = RunningMoments()
    for shard in stride(from: 0, to: values.count, by: 1237) {
      again.merge(RunningMoments(values[shard..<min(shard + 1237, values.count)]))
    }
    #expect(again == merged)
    var withEmpty = merged
    withEmpty.merge(RunningMoments())
    #expect(withEmpty == merged)
  }

  /// Batches: the known answers again, split at every point, and far from the first batch's centre.
  @Test func batchesGiveTheKnownAnswers() {
    let values: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
    for split in 0...values.count {
      var moments = RunningMoments()
      values[..<split].withUnsafeBufferPointer { moments.add(contentsOf: $0) }
      values[split...].withUnsafeBufferPointer { moments.add(contentsOf: $0) }
      #expect(moments.count == 8 && moments.mean == 5, "split at \(split)")
      #expect(abs(moments.sampleVariance - 32.0 / 7) <= 4e-15, "split at \(split)")
    }
    // The second batch is centred on the first one's mean, 10⁹ + 4: still 1e-9 relative.
    var offset = RunningMoments()
    [4.0].map { 1e9 + $0 }.withUnsafeBufferPointer { offset.add(contentsOf: $0) }
    [7.0, 13, 16].map { 1e9 + $0 }.withUnsafeBufferPointer { offset.add(contentsOf: $0) }
    #expect(abs(offset.sampleVariance - 30) <= 30 * 1e-9)
    // One batch is centred on its own mean (corrected two-pass): the same accuracy.
    var single = RunningMoments()
    [4.0, 7, 13, 16].map { 1e9 + $0 }.withUnsafeBufferPointer { single.add(contentsOf: $0) }
    #expect(abs(single.sampleVariance - 30) <= 30 * 1e-9 && abs(single.mean - (1e9 + 10)) <= 1e-6)
  }

  /// Blocks of 1,024 values, as the engine adds them, agree with Welford's one pass to 1e-13
  /// relative over 100,000 values (each path rounds about n·ε at worst; in practice far less).
  @Test func batchesMatchOnePass() {
    let stream = RandomStream(seed: 2, run: 0, key: StreamKey("moments"))
    let values = (0..<100_000).map { 1e4 + 50 * standardNormalQuantile(stream.uniform(UInt64($0))) }
    let whole = RunningMoments(values)
    var batched = RunningMoments()
    values.withUnsafeBufferPointer { all in
      for start in stride(from: 0, to: all.count, by: 1024) {
        batched.add(contentsOf: UnsafeBufferPointer(rebasing: all[start..<min(start + 1024, all.count)]))
      }
    }
    #expect(batched.count == whole.count)
    #expect(abs(batched.mean - whole.mean) <= 1e-13 * abs(whole.mean))
    #expect(abs(batched.sampleVariance - whole.sampleVariance) <= 1e-13 * whole.sampleVariance)
  }

  /// A JSON round trip restores the exact state.
  @Test func codableRoundTrip() throws {
    let moments = RunningMoments([1.5, 2.25, -3.125])
    let decoded = try JSONDecoder().decode(RunningMoments.self, from: JSONEncoder().encode(moments))
    #expect(decoded == moments)
  }
}
