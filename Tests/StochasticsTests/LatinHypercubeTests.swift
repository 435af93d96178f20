import Stochastics
import Testing

struct LatinHypercubeTests {
  static func stratum(_ value: Double, samples: Int) -> Int {
    // Locate the stratum by its exact edges k/n, as the design defines them.
    var k = Int(value * Double(samples))
    if Double(k) / Double(samples) > value { k -= 1 }
    if Double(k + 1) / Double(samples) <= value { k += 1 }
    return k
  }

  /// Exactly one point in each of the n strata of every dimension (an invariant: no tolerance).
  @Test(arguments: [1, 2, 7, 100, 1000])
  func onePointPerStratumPerDimension(_ samples: Int) {
    let streams = (0..<5).map { RandomStream(seed: 11, run: 0, key: StreamKey("parameter-\($0)")) }
    let design = LatinHypercube.design(samples: samples, streams: streams)
    #expect(design.count == 5)
    for column in design {
      #expect(column.count == samples)
      #expect(column.allSatisfy { $0 > 0 && $0 < 1 })
      let strata = column.map { Self.stratum($0, samples: samples) }
      #expect(Set(strata) == Set(0..<samples))
    }
  }

  /// A column depends only on its own stream: regenerated alone, or inside a design with other
  /// parameters added or reordered, it is bit-identical.
  @Test func columnsAreReproducibleIndependently() {
    let key = StreamKey("retail_sales.growth")
    let alone = LatinHypercube.column(samples: 250, stream: RandomStream(seed: 7, run: 0, key: key))
    let streams = ["a", "retail_sales.growth", "b"].map { RandomStream(seed: 7, run: 0, key: StreamKey($0)) }
    let design = LatinHypercube.design(samples: 250, streams: streams)
    #expect(design[1] == alone)
    #expect(design[0] != alone)
    let other = LatinHypercube.column(samples: 250, stream: RandomStream(seed: 8, run: 0, key: key))
    #expect(other != alone)
  }

  /// The permutations differ between dimensions: the rank correlation of two columns of 1000
  /// stays within 4/√n (Spearman's ρ of independent permutations has standard deviation 1/√(n−1)).
  @Test func dimensionsAreShuffledIndependently() {
    let n = 1000
    let a = LatinHypercube.column(samples: n, stream: RandomStream(seed: 3, run: 0, key: StreamKey("x")))
    let b = LatinHypercube.column(samples: n, stream: RandomStream(seed: 3, run: 0, key: StreamKey("y")))
    let rankA = a.map { Self.stratum($0, samples: n) }
    let rankB = b.map { Self.stratum($0, samples: n) }
    let d2 = zip(rankA, rankB).reduce(0.0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) }
    let rho = 1 - 6 * d2 / (Double(n) * (Double(n * n) - 1))
    #expect(abs(rho) < 4 / Double(n).squareRoot())
  }
}

/// The keyed permutation behind the designs: a bijection of 0..<n for every n, different per key.
struct KeyedPermutationTests {
  @Test(arguments: [1, 2, 3, 4, 5, 17, 1000, 4097, 65_536, 100_003])
  func isABijection(count: Int) {
    let permutation = KeyedPermutation(count: count, stream: RandomStream(seed: 4, run: 0, key: StreamKey("p")))
    var seen = [Bool](repeating: false, count: count)
    for element in 0..<count {
      let image = permutation(element)
      #expect((0..<count).contains(image))
      if (0..<count).contains(image) {
        #expect(!seen[image], "\(image) reached twice")
        seen[image] = true
      }
    }
  }

  /// Two keys give unrelated orders: of 10,000 elements, about 1 keeps the same image (a random
  /// permutation fixes 1 element on average; more than 10 has probability below 1e-7).
  @Test func keysGiveDifferentPermutations() {
    let a = KeyedPermutation(count: 10_000, stream: RandomStream(seed: 4, run: 0, key: StreamKey("a")))
    let b = KeyedPermutation(count: 10_000, stream: RandomStream(seed: 4, run: 0, key: StreamKey("b")))
    #expect((0..<10_000).filter { a($0) == b($0) }.count <= 10)
    #expect((0..<10_000).filter { a($0) == $0 }.count <= 10)
  }
}
