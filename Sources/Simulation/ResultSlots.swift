import Dispatch

/// Slots for results computed in parallel, each written by exactly one worker and read after all
/// workers are done. A raw buffer rather than an array property, so concurrent writes to
/// distinct slots do not contend for exclusive access to one array.
final class ResultSlots<Output>: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<Output?>
  let count: Int

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

extension Array where Element: Sendable {
  /// `map` on `threads` threads; the result is in the original order.
  func parallelMap<Result>(threads: Int, _ transform: @Sendable (Element) -> Result) -> [Result] {
    let results = ResultSlots<Result>(count: count)
    let workers = Swift.max(1, Swift.min(threads, count))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var k = worker
      while k < count {
        results.store(transform(self[k]), at: k)
        k += workers
      }
    }
    return (0..<count).map { results.take($0) }
  }
}
