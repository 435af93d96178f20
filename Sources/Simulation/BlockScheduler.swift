import Dispatch

/// Runs blocks of Monte Carlo runs on `threads` threads and hands their results to `consume`
/// strictly in block order, so every reduction sees runs 0, 1, 2, … whatever the thread count.
///
/// Blocks are processed in waves of a few blocks per thread; only one wave's results are held
/// at a time, so memory does not grow with the number of runs.
struct BlockScheduler {
  let runs: Range<Int>
  let blockSize: Int
  let threads: Int

  init(runs: Range<Int>, blockSize: Int = 1024, threads: Int) {
    self.runs = runs
    self.blockSize = max(1, blockSize)
    self.threads = max(1, threads)
  }

  var blockCount: Int { (runs.count + blockSize - 1) / blockSize }

  func block(_ b: Int) -> Range<Int> {
    let lower = runs.lowerBound + b * blockSize
    return lower..<min(lower + blockSize, runs.upperBound)
  }

  func forEachBlock<Output: Sendable>(
    _ compute: @Sendable (Range<Int>) -> Output, consume: (Output) throws -> Void
  ) rethrows {
    let waveSize = threads * 4
    var first = 0
    while first < blockCount {
      let count = min(waveSize, blockCount - first)
      let results = WaveResults<Output>(count: count)
      let start = first
      DispatchQueue.concurrentPerform(iterations: min(threads, count)) { worker in
        var b = worker
        while b < count {
          results.store(compute(block(start + b)), at: b)
          b += threads
        }
      }
      for b in 0..<count { try consume(results.take(b)) }
      first += count
    }
  }
}

/// One wave's block results, each slot written by exactly one worker before the wave is consumed.
/// A raw buffer, not an array property, so concurrent writes to distinct slots do not contend
/// for exclusive access to one array.
private final class WaveResults<Output>: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<Output?>
  private let count: Int

  init(count: Int) {
    self.count = count
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil, count: count)
  }

  deinit {
    slots.deinitialize(count: count)
    slots.deallocate()
  }

  func store(_ output: Output, at index: Int) {
    slots[index] = output
  }

  func take(_ index: Int) -> Output {
    slots[index].take()!
  }
}
