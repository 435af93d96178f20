import Dispatch
import Synchronization

/// The summaries of many series (output × year), updated on all cores: each worker takes the
/// next unclaimed series, one thread per series at a time, and every series receives its values
/// in run order, so the result does not depend on the number of threads.
final class SummaryBank: @unchecked Sendable {
  private let summaries: UnsafeMutableBufferPointer<SeriesSummary>

  init(count: Int, exactLimit: Int = 50_000) {
    summaries = .allocate(capacity: count)
    summaries.initialize(repeating: SeriesSummary(exactLimit: exactLimit))
  }

  deinit {
    _ = summaries.baseAddress.map { $0.deinitialize(count: summaries.count) }
    summaries.deallocate()
  }

  var count: Int { summaries.count }

  /// Calls `feed(k, &summary)` once for every series k, on `threads` threads.
  func absorb(threads: Int, _ feed: @Sendable (Int, inout SeriesSummary) -> Void) {
    let nextSeries = Atomic(0)
    DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in
      while case let k = nextSeries.wrappingAdd(1, ordering: .relaxed).oldValue, k < count {
        feed(k, &summaries[k])
      }
    }
  }

  /// Every series' summary, in order.
  func all() -> [SeriesSummary] {
    Array(summaries)
  }

  /// Per series, the number of values strictly above zero.
  func positives() -> [Int] {
    summaries.map(\.positives)
  }

  /// Statistics of every series, computed on `threads` threads.
  func statistics(threads: Int) -> [SeriesStatistics] {
    Array(summaries).parallelMap(threads: threads) { $0.statistics() }
  }
}
