/// Ranks 1 … n of `values`, ties sharing the mean of their ranks (scipy's `rankdata` default),
/// so inputs with few distinct values (delays, discrete choices) are ranked without bias.
func averageRanks(_ values: ArraySlice<Double>) -> [Double] {
  let start = values.startIndex
  let order = values.indices.sorted { values[$0] < values[$1] }
  var ranks = [Double](repeating: 0, count: values.count)
  var first = 0
  while first < order.count {
    var last = first
    while last + 1 < order.count, values[order[last + 1]] == values[order[first]] { last += 1 }
    let rank = Double(first + last) / 2 + 1
    for position in first...last { ranks[order[position] - start] = rank }
    first = last + 1
  }
  return ranks
}
