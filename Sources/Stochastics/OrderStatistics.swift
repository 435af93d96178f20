/// Selection of order statistics without a full sort, and an in-place sort of plain numbers (Hoare's quickselect with a
/// median-of-three pivot; Knuth, TAOCP vol. 3, §5.3.3), in expected linear time.
enum OrderStatistics {
  /// Rearranges `values` so that every position in `positions` holds the value a full sort would
  /// put there. Divide and conquer: the middle position is selected first, then the positions
  /// below and above it within their own parts, so k positions cost about 2n·log₂(k + 1).
  static func select(_ positions: [Int], in values: UnsafeMutableBufferPointer<Double>) {
    select(positions.sorted()[...], in: values, within: 0..<values.count)
  }

  private static func select(_ positions: ArraySlice<Int>, in values: UnsafeMutableBufferPointer<Double>, within range: Range<Int>) {
    guard !positions.isEmpty, !range.isEmpty else { return }
    let middle = positions.startIndex + positions.count / 2
    let k = positions[middle]
    select(k, in: values, within: range)
    select(positions[..<middle].filter { $0 < k }[...], in: values, within: range.lowerBound..<k)
    select(positions[(middle + 1)...].filter { $0 > k }[...], in: values, within: (k + 1)..<range.upperBound)
  }

  /// Rearranges `values[range]` so that `values[k]` is the value a full sort of the range would
  /// put there, with nothing greater before it and nothing smaller after it within the range.
  static func select(_ k: Int, in values: UnsafeMutableBufferPointer<Double>, within range: Range<Int>) {
    var low = range.lowerBound
    var high = range.upperBound - 1
    while high - low > 16 {
      let j = partition(values, low, high)
      if k < j {
        high = j - 1
      } else if k > j {
        low = j + 1
      } else {
        return
      }
    }
    insertionSort(values, low, high)
  }

  /// Hoare partition of values[low...high] around the median of three; returns the pivot's
  /// final position (nothing greater before it, nothing smaller after it).
  private static func partition(_ values: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int) -> Int {
    let middle = low + (high - low) / 2
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
    return j
  }

  /// Finishes a short range.
  private static func insertionSort(_ values: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int) {
    guard low < high else { return }
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

  /// Sorts `values` (finite numbers) in place: a radix sort on the bit patterns for 256 values
  /// or more, quicksort below.
  static func sort(_ values: UnsafeMutableBufferPointer<Double>) {
    values.count >= 256 ? radixSort(values) : quicksort(values)
  }

  /// Least-significant-byte radix sort on the IEEE 754 bit patterns, mapped so that unsigned
  /// order is numeric order (negative numbers: all bits flipped; others: the sign bit set).
  /// Eight passes of 256 buckets; a pass in which every key has the same byte is skipped.
  static func radixSort(_ values: UnsafeMutableBufferPointer<Double>) {
    let n = values.count
    guard n > 1 else { return }
    let keys = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: n)
    let scratch = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: n)
    defer {
      keys.deallocate()
      scratch.deallocate()
    }
    for i in 0..<n {
      let bits = values[i].bitPattern
      keys[i] = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }
    var source = keys
    var target = scratch
    var counts = [Int](repeating: 0, count: 256)
    for pass in 0..<8 {
      let shift = UInt64(pass * 8)
      for b in 0..<256 { counts[b] = 0 }
      for i in 0..<n { counts[Int((source[i] >> shift) & 0xFF)] += 1 }
      if counts[Int((source[0] >> shift) & 0xFF)] == n { continue }
      var offset = 0
      for b in 0..<256 {
        let c = counts[b]
        counts[b] = offset
        offset += c
      }
      for i in 0..<n {
        let key = source[i]
        let bucket = Int((key >> shift) & 0xFF)
        target[counts[bucket]] = key
        counts[bucket] += 1
      }
      swap(&source, &target)
    }
    for i in 0..<n {
      let key = source[i]
      values[i] = Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
  }

  /// Quicksort with a median-of-three pivot and insertion sort for short ranges, falling back to
  /// the standard library's sort past a depth of 2·log₂(n) (so the worst case stays O(n log n)).
  static func quicksort(_ values: UnsafeMutableBufferPointer<Double>) {
    var depth = 0
    var n = values.count
    while n > 1 {
      depth += 2
      n /= 2
    }
    quicksort(values, 0, values.count - 1, depthLimit: depth)
  }

  private static func quicksort(_ values: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int, depthLimit: Int) {
    var low = low
    var high = high
    var depthLimit = depthLimit
    while high - low > 16 {
      if depthLimit == 0 {
        var range = UnsafeMutableBufferPointer(rebasing: values[low...high])
        range.sort()
        return
      }
      depthLimit -= 1
      let split = partition(values, low, high)
      // Recurse into the smaller side, loop on the larger, so the stack stays O(log n).
      if split - low < high - split {
        quicksort(values, low, split - 1, depthLimit: depthLimit)
        low = split + 1
      } else {
        quicksort(values, split + 1, high, depthLimit: depthLimit)
        high = split - 1
      }
    }
    insertionSort(values, low, high)
  }
}
