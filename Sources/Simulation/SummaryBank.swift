import Dispatch
import Synchronization

/// The summaries of many series (output × year), updated on all cores: each worker takes the
/// next unclaimed series, one thread per series at a time, and every series receives its values
/// in run order, so the result does not depend on the number of threads.
final class SummaryBank: @unchecked Sendable {
  private let summaries: UnsafeMutableBufferPointer<SeriesSummary>

  /// The most memory the kept exact values of all series may take: 512 MiB.
  static let exactValueBudget = 512 << 20

  /// `count` series whose quantiles are exact up to `exactLimit` values each, or fewer when
  /// `count` series of that many values would pass `exactValueBudget` (a large catalogue, or
  /// `compare` with many plans), so memory stays bounded whatever the job. Each makes room for
  /// the values it will keep of `expectedValues` (the job's runs, when known).
  init(count: Int, exactLimit: Int = 50_000, expectedValues: Int = 0) {
    summaries = .allocate(capacity: count)
    summaries.initialize(repeating: SeriesSummary(exactLimit: Self.exactLimit(exactLimit, series: count)))
    for k in 0..<count { summaries[k].reserve(expectedValues) }
  }

  /// The exact limit per series under the budget.
  static func exactLimit(_ requested: Int, series: Int) -> Int {
    min(requested, exactValueBudget / (MemoryLayout<Double>.size * max(1, series)))
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

  /// Per series, the number of values strictly below zero.
  func negatives() -> [Int] {
    summaries.map(\.negatives)
  }

  /// Statistics of every series, computed on `threads` threads.
  func statistics(threads: Int) -> [SeriesStatistics] {
    Array(summaries).parallelMap(threads: threads) { $0.statistics() }
  }
}
