/// Selection of order statistics without a full sort (Hoare's quickselect with a
/// median-of-three pivot; Knuth, TAOCP vol. 3, §5.3.3), in expected linear time.
enum OrderStatistics {
  /// Rearranges `values[from...]` so that `values[k]` is the value a full sort would put there,
  /// with nothing greater before it and nothing smaller after it (within `from...`).
  /// Elements before `from` must already be no greater than any element from `from` on.
  static func select(_ k: Int, in values: UnsafeMutableBufferPointer<Double>, from: Int = 0) {
    var low = from
    var high = values.count - 1
    while high - low > 16 {
      let middle = low + (high - low) / 2
      // Median of three as the pivot, moved to `low`.
      if values[middle] < values[low] { values.swapAt(middle, low) }
      if values[high] < values[low] { values.swapAt(high, low) }
      if values[high] < values[middle] { values.swapAt(high, middle) }
      values.swapAt(low, middle)
      let pivot = values[low]
      var i = low + 1
      var j = high
      while true {
        while values[i] < pivot { i += 1 }
        while pivot < values[j] { j -= 1 }
        if i >= j { break }
        values.swapAt(i, j)
        i += 1
        j -= 1
      }
      values.swapAt(low, j)
      if k < j {
        high = j - 1
      } else if k > j {
        low = j + 1
      } else {
        return
      }
    }
    // Insertion sort finishes a short range.
    if low < high {
      for i in (low + 1)...high {
        let value = values[i]
        var j = i - 1
        while j >= low && values[j] > value {
          values[j + 1] = values[j]
          j -= 1
        }
        values[j + 1] = value
      }
    }
  }
}
