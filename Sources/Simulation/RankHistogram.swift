/// How often one city took each rank 1…C over the runs. Its quantiles are those of the runs'
/// ranks, exact, by linear interpolation between order statistics (numpy's default, Hyndman &
/// Fan type 7), so memory does not grow with the runs.
public struct RankHistogram: Sendable, Equatable {
  /// counts[r − 1]: the runs in which the city ranked r.
  public private(set) var counts: [Int]

  /// An empty histogram of ranks 1…`cities`.
  public init(cities: Int) {
    counts = [Int](repeating: 0, count: cities)
  }

  /// Counts one run in which the city ranked `rank` (1…C).
  public mutating func add(rank: Int) {
    counts[rank - 1] += 1
  }

  /// The runs counted.
  public var runs: Int { counts.reduce(0, +) }

  /// The share of runs in which the city ranked first (alone or tied).
  public var probabilityFirst: Double {
    runs == 0 ? .nan : Double(counts[0]) / Double(runs)
  }

  /// The `p`-quantile of the runs' ranks; NaN when no run was counted.
  public func quantile(_ p: Double) -> Double {
    precondition((0...1).contains(p))
    let n = runs
    guard n > 0 else { return .nan }
    let position = Double(n - 1) * p
    let lower = Int(position.rounded(.down))
    let first = Double(rank(ofOrderStatistic: lower))
    let second = Double(rank(ofOrderStatistic: min(lower + 1, n - 1)))
    return first + (position - Double(lower)) * (second - first)
  }

  /// The rank of the k-th smallest run (k from 0).
  private func rank(ofOrderStatistic k: Int) -> Int {
    var below = 0
    for (index, count) in counts.enumerated() {
      below += count
      if k < below { return index + 1 }
    }
    preconditionFailure("order statistic \(k) of \(below) runs")
  }
}
