/// The raw values of a block of consecutive runs, as `--keep-runs` writes them: every output and
/// the programme cost (series `outputs.count`) in every year offset 0…horizon.
public struct RunValues: Sendable {
  let block: BlockOutput

  /// The run indices of the block, in order.
  public var runs: Range<Int> { block.runs }

  /// The value of series `series` (an output position, or `outputs.count` for the cost) in year
  /// offset `year` of run `run` (an index in `runs`).
  public func value(series: Int, year: Int, run: Int) -> Double {
    block.value(series: series, year: year, run: run - block.runs.lowerBound)
  }
}
