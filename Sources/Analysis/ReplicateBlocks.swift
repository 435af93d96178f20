/// The split of a design's N base points into R contiguous blocks, one per independent
/// randomisation of a quasi-Monte Carlo point set: block r holds base points
/// ⌊rN/R⌋ ..< ⌊(r + 1)N/R⌋, so block sizes differ by at most one and are N/R when R divides N.
///
/// Each block is estimated on its own; the spread of the R estimates is the error estimate of
/// their mean (randomised QMC replicates).
public struct ReplicateBlocks: Hashable, Sendable {
  /// R, the number of blocks.
  public let count: Int
  /// N, the number of base points split.
  public let points: Int

  /// `points` points in `count` blocks (at least one); a block is empty when `points < count`.
  public init(count: Int, points: Int) {
    precondition(count >= 1 && points >= 0, "replicate blocks need a block and no negative point count")
    self.count = count
    self.points = points
  }

  /// The base points of block `replicate`.
  public func range(_ replicate: Int) -> Range<Int> {
    (replicate * points / count)..<((replicate + 1) * points / count)
  }

  /// The block holding base point `point` (0 ≤ point < N): the largest r with ⌊rN/R⌋ ≤ point.
  public func replicate(containing point: Int) -> Int {
    ((point + 1) * count - 1) / points
  }
}
