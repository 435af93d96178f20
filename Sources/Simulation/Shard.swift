/// One of `count` contiguous, disjoint run ranges that together cover runs 0..<R of a job.
///
/// Shard K of N (K = 1…N, 1-based like Slurm's `SLURM_ARRAY_TASK_ID` with `--array=1-N`) holds
/// runs ⌊(K − 1)·R/N⌋ ..< ⌊K·R/N⌋: sizes differ by at most one run, and every run belongs to
/// exactly one shard. Draws depend only on (seed, run index, parameter path), so a shard
/// computed anywhere gets exactly the draws its runs get in one process.
public struct Shard: Codable, Sendable, Hashable, CustomStringConvertible {
  /// 1-based position, 1…count.
  public let index: Int
  public let count: Int

  /// The whole job as one shard.
  public static let whole = Shard(uncheckedIndex: 1, count: 1)

  /// Shard `index` of `count`; nil unless 1 ≤ index ≤ count.
  public init?(index: Int, count: Int) {
    guard count >= 1, (1...count).contains(index) else { return nil }
    self.init(uncheckedIndex: index, count: count)
  }

  /// Parses `K/N`, as `--shard` takes it.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
    self.init(index: index, count: count)
  }

  private init(uncheckedIndex index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let index = try container.decode(Int.self, forKey: .index)
    let count = try container.decode(Int.self, forKey: .count)
    guard let shard = Shard(index: index, count: count) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath, debugDescription: "shard \(index)/\(count) is not 1…\(count) of \(count)"))
    }
    self = shard
  }

  /// This shard's runs out of `total`.
  public func runs(of total: Int) -> Range<Int> {
    (index - 1) * total / count..<index * total / count
  }

  /// `K/N`.
  public var description: String { "\(index)/\(count)" }
}
