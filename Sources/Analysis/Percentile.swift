/// The `p`-quantile of sorted values by linear interpolation between order statistics
/// (numpy's default, Hyndman & Fan type 7), for bootstrap intervals.
func percentile(sorted values: ArraySlice<Double>, _ p: Double) -> Double {
  precondition(!values.isEmpty && (0...1).contains(p))
  let position = Double(values.count - 1) * p
  let lower = Int(position.rounded(.down))
  let upper = min(lower + 1, values.count - 1)
  let first = values[values.startIndex + lower]
  let second = values[values.startIndex + upper]
  return first + (position - Double(lower)) * (second - first)
}
