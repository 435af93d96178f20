import Testing

@testable import Stochastics

/// The Poisson quantile's summation shortcut against its definition: the smallest k with
/// Q(k + 1, mean) ≥ p, including p exactly on, just below and just above each CDF value.
struct PoissonQuantileShortcutTests {
  static func definition(_ p: Double, mean: Double) -> Double {
    var k = 0.0
    while regularizedGammaQ(k + 1, mean) < p { k += 1 }
    return k
  }

  @Test func smallMeansMatchTheDefinitionOnAndBetweenCDFValues() {
    let means = (1...199).map { Double($0) / 10 } + [1e-12, 1e-6, 0.003, 19.999]
    var checked = 0
    for mean in means {
      var ps = (1..<200).map { Double($0) / 200 } + [1e-300, 1e-9, 1 - 1e-9, 1 - Double.ulpOfOne / 2]
      var k = 0.0
      while true {
        let cdf = regularizedGammaQ(k + 1, mean)
        if cdf >= 1 - 1e-12 { break }
        ps += [cdf.nextDown, cdf, cdf.nextUp]
        k += 1
      }
      for p in ps where p > 0 && p < 1 {
        #expect(PoissonQuantile(mean: mean)(p) == Self.definition(p, mean: mean), "mean \(mean), p \(p)")
        checked += 1
      }
    }
    #expect(checked > 50_000)
  }
}
