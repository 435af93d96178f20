/// A linear-time sort of plain numbers, for quantiles: the exact ones and the sketch's levels.
enum OrderStatistics {
  /// Sorts a short range by comparisons (equal numbers, −0 and +0 among them, keep their order).
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

  /// Sorts `values` (finite numbers) in place in ascending order, without the branch
  /// mispredictions of a comparison sort on random data. The numbers' bit patterns are mapped to
  /// unsigned keys that order like the numbers (Knuth, TAOCP vol. 3, §5.2.5); bits above the
  /// highest one in which the smallest and largest key differ are common to all keys and carry no
  /// order. A least-significant-digit radix sort orders the keys by their top `leadingBits` varying
  /// bits (two passes of 11-bit digits), which leaves only keys closer than 2⁻²² of the range out
  /// of order, and an insertion sort finishes: on random data a handful of moves. If the finish
  /// needs more than `finishingMoves` moves per value (values crowded into a tiny part of their
  /// range), the keys are sorted on all their varying bits instead. Short ranges use insertion sort
  /// directly. The result is the ascending order, whatever the route; −0 sorts before +0.
  static func sort(_ values: UnsafeMutableBufferPointer<Double>) {
    let n = values.count
    guard n > 64 else {
      insertionSort(values, 0, n - 1)
      return
    }
    precondition(n <= Int(UInt32.max), "the radix sort counts in 32 bits")
    let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * n)
    defer { keys.deallocate() }
    var smallest = UInt64.max
    var largest: UInt64 = 0
    for i in 0..<n {
      let key = orderedKey(values[i])
      keys[i] = key
      smallest = min(smallest, key)
      largest = max(largest, key)
    }
    // A constant series (a base-year value, a count that never moves) is sorted already.
    guard smallest != largest else { return }
    let varyingBits = UInt64.bitWidth - (smallest ^ largest).leadingZeroBitCount
    let coarseBits = max(0, varyingBits - leadingBits)
    var sorted = radixSort(keys, scratch: keys + n, count: n, bits: coarseBits..<varyingBits)
    if coarseBits > 0 && !finishSorting(sorted, count: n, movesAllowed: finishingMoves * n) {
      sorted = radixSort(sorted, scratch: sorted == keys ? keys + n : keys, count: n, bits: 0..<varyingBits)
    }
    for i in 0..<n { values[i] = number(fromOrderedKey: sorted[i]) }
  }

  /// Varying bits the radix passes order by before the insertion finish.
  static let leadingBits = 22
  /// Moves per value the insertion finish may make before the full radix sort takes over.
  static let finishingMoves = 4

  /// A key whose unsigned order is the numbers' order (−0 before +0).
  private static func orderedKey(_ value: Double) -> UInt64 {
    let bits = value.bitPattern
    return bits >> 63 != 0 ? ~bits : bits | (1 << 63)
  }

  private static func number(fromOrderedKey key: UInt64) -> Double {
    Double(bitPattern: key >> 63 != 0 ? key & ~(1 << 63) : ~key)
  }

  /// Stable LSD radix sort of `keys[0..<count]` on the key bits `bits`, in passes of at most 11
  /// bits (the histograms of all passes taken in one read; a pass in which every key has the same
  /// digit is skipped). `scratch` holds as many keys; returns the buffer holding the result.
  private static func radixSort(
    _ keys: UnsafeMutablePointer<UInt64>, scratch: UnsafeMutablePointer<UInt64>, count n: Int, bits: Range<Int>
  ) -> UnsafeMutablePointer<UInt64> {
    let passes = (bits.count + 10) / 11
    guard passes > 0 else { return keys }
    let width = (bits.count + passes - 1) / passes
    let radix = 1 << width
    let mask = UInt64(radix - 1)
    let counts = UnsafeMutablePointer<UInt32>.allocate(capacity: passes * radix)
    defer { counts.deallocate() }
    counts.initialize(repeating: 0, count: passes * radix)
    // Wrapping arithmetic and masked shifts throughout: these loops are the sort's whole cost.
    let firstShift = UInt64(bits.lowerBound)
    let step = UInt64(width)
    for i in 0..<n {
      let key = keys[i] &>> firstShift
      var histogram = counts
      for pass in 0..<UInt64(passes) {
        histogram[Int(truncatingIfNeeded: (key &>> (step &* pass)) & mask)] &+= 1
        histogram += radix
      }
    }
    var source = keys
    var target = scratch
    for pass in 0..<passes {
      let count = counts + pass * radix
      let shift = firstShift &+ step &* UInt64(pass)
      if Int(count[Int(truncatingIfNeeded: (source[0] &>> shift) & mask)]) == n { continue }
      var offset: UInt32 = 0
      for digit in 0..<radix {
        let size = count[digit]
        count[digit] = offset
        offset &+= size
      }
      for i in 0..<n {
        let key = source[i]
        let digit = Int(truncatingIfNeeded: (key &>> shift) & mask)
        target[Int(truncatingIfNeeded: count[digit])] = key
        count[digit] &+= 1
      }
      swap(&source, &target)
    }
    return source
  }

  /// Insertion sort of keys that are nearly in order; false, leaving a permutation of them, once
  /// it has made `movesAllowed` moves.
  private static func finishSorting(_ keys: UnsafeMutablePointer<UInt64>, count n: Int, movesAllowed: Int) -> Bool {
    var moves = 0
    for i in 1..<n {
      let key = keys[i]
      var j = i
      while j > 0 && keys[j - 1] > key {
        keys[j] = keys[j - 1]
        j -= 1
      }
      keys[j] = key
      moves += i - j
      if moves > movesAllowed { return false }
    }
    return true
  }
}

/// `values` in ascending order by the radix sort above: O(n) and without the branch
/// mispredictions of a comparison sort (for finite numbers; −0 sorts before +0).
public func sortedNumbers(_ values: [Double]) -> [Double] {
  var sorted = values
  sorted.withUnsafeMutableBufferPointer { OrderStatistics.sort($0) }
  return sorted
}
