import Foundation
import Stochastics
import Testing

/// Every family: scipy quantiles (Fixtures/distributions.json from make_distributions.py),
/// CDF ↔ quantile round trips, closed-form moments against sample moments, and `problems`.
struct DistributionTests {
  struct FixtureEntry: Decodable {
    let parameters: [Double]
    let rows: [[Double]]
  }

  static let fixture = try! JSONDecoder().decode(
    [String: [FixtureEntry]].self, from: Data(contentsOf: Fixture.url("distributions.json")))

  static func make(_ family: String, _ v: [Double]) -> Distribution {
    switch family {
    case "normal": .normal(mean: v[0], sd: v[1])
    case "lognormal": .lognormal(median: v[0], sdLog: v[1])
    case "uniform": .uniform(min: v[0], max: v[1])
    case "triangular": .triangular(min: v[0], mode: v[1], max: v[2])
    case "pert": .pert(min: v[0], mode: v[1], max: v[2])
    case "beta": .beta(alpha: v[0], beta: v[1], min: v[2], max: v[3])
    case "poisson": .poisson(mean: v[0])
    default: fatalError("unknown family \(family)")
    }
  }

  /// Quantiles agree with scipy's ppf to 1e-12 relative (absolute 1e-12 × scale near zero):
  /// every family inverts its CDF to full precision (normal by Acklam + Halley, beta/PERT by
  /// Newton on the incomplete beta function), so only a few hundred ulps of rounding remain.
  /// Poisson quantiles are integers and must match exactly.
  @Test(arguments: ["normal", "lognormal", "uniform", "triangular", "pert", "beta", "poisson"])
  func quantilesMatchScipy(_ family: String) throws {
    let entries = try #require(Self.fixture[family])
    for entry in entries {
      let distribution = Self.make(family, entry.parameters)
      let scale = max(1, distribution.standardDeviation)
      for row in entry.rows {
        let (p, expected) = (row[0], row[1])
        let actual = distribution.quantile(p)
        if family == "poisson" {
          #expect(actual == expected, "\(distribution) quantile(\(p))")
        } else {
          #expect(
            abs(actual - expected) <= 1e-12 * max(abs(expected), scale),
            "\(distribution) quantile(\(p)) = \(actual), scipy \(expected)")
        }
      }
    }
  }

  /// cdf(x) against scipy at scipy's quantiles; same tolerance and reasoning as above.
  @Test(arguments: ["normal", "lognormal", "uniform", "triangular", "pert", "beta", "poisson"])
  func cdfMatchesScipy(_ family: String) throws {
    let entries = try #require(Self.fixture[family])
    for entry in entries {
      let distribution = Self.make(family, entry.parameters)
      for row in entry.rows {
        let (x, expected) = (row[1], row[2])
        let actual = distribution.cdf(x)
        #expect(
          abs(actual - expected) <= 1e-12 * max(expected, 1e-3),
          "\(distribution) cdf(\(x)) = \(actual), scipy \(expected)")
      }
    }
  }

  static let bounded: [Distribution] = [
    .uniform(min: -2, max: 7), .triangular(min: 40, mode: 50, max: 80),
    .triangular(min: 0, mode: 0, max: 1), .pert(min: 40, mode: 50, max: 80),
    .pert(min: 0, mode: 1, max: 1), .beta(alpha: 2, beta: 5, min: 0, max: 1),
    .beta(alpha: 0.5, beta: 0.5, min: -1, max: 1), .beta(alpha: 300, beta: 2, min: 10, max: 20),
  ]

  static let continuous: [Distribution] =
    [
      .normal(mean: 0.05, sd: 0.01), .lognormal(median: 50, sdLog: 0.2),
    ] + bounded

  /// cdf(quantile(p)) = p for continuous families, to 1e-12 relative plus 1e-13 absolute plus
  /// the CDF's change over one ulp of the quantile: the quantile is a double, so the round trip
  /// cannot be finer than that step (it matters where the density is huge, e.g. beta(½, ½)
  /// scaled to [−1, 1] at p = 1e-10, whose quantile rounds to the endpoint). The absolute part
  /// covers p near 1, where the CDF is rounded to the spacing of doubles.
  @Test(arguments: continuous)
  func quantileInvertsCDF(_ distribution: Distribution) {
    for p in [1e-10, 1e-4, 0.01, 0.2, 0.5, 0.8, 0.99, 0.9999] {
      let x = distribution.quantile(p)
      let back = distribution.cdf(x)
      let resolution = distribution.cdf(x.nextUp) - distribution.cdf(x.nextDown)
      #expect(abs(back - p) <= 1e-12 * p + 1e-13 + resolution, "\(distribution): cdf(quantile(\(p))) = \(back)")
    }
  }

  /// For the discrete families quantile(cdf(k)) returns k at every support point (exact).
  @Test func discreteQuantileInvertsCDF() {
    for mean in [0.3, 4, 19.9, 20, 250, 1000] {
      let poisson = Distribution.poisson(mean: mean)
      let centre = Int(mean)
      let spread = Int(6 * mean.squareRoot()) + 3
      for k in max(0, centre - spread)...(centre + spread) {
        let p = poisson.cdf(Double(k))
        guard p < 1 else { continue }
        #expect(poisson.quantile(p) == Double(k), "poisson(\(mean)) at \(k)")
      }
    }
    let discrete = Distribution.discrete(values: [2, 0, 1], weights: [0.1, 0.6, 0.3])
    #expect(discrete.cdf(0) == 0.6)
    #expect(discrete.quantile(0.6) == 0)
    #expect(discrete.quantile(0.61) == 1)
    #expect(discrete.quantile(0.95) == 2)
    #expect(discrete.median == 0)
  }

  /// Closed-form mean and variance of the bounded families against an independent evaluation:
  /// E[X] = ∫₀¹ q(p) dp and E[X²] = ∫₀¹ q(p)² dp by the midpoint rule on 50 000 cells. Where q
  /// is smooth the error is O(h²) ≈ 1e-10; q has a root-type singularity at an end for the
  /// triangular, PERT and beta families (q ~ p^(1/α) near 0), which slows the rule to
  /// O(h^(1+1/α)) — about 1e-7 relative for α = 2. The tolerances, 1e-5 relative on the mean
  /// and 1e-4 on the variance (which also carries E[X²] − mean² cancellation), keep a margin
  /// over that. Normal and lognormal are unbounded and are covered by `momentsClosedForms` and
  /// `sampleMeansMatch`.
  @Test(arguments: bounded)
  func momentsMatchQuadrature(_ distribution: Distribution) {
    let n = 50_000
    var sum = 0.0
    var squares = 0.0
    for i in 0..<n {
      let x = distribution.quantile((Double(i) + 0.5) / Double(n))
      sum += x
      squares += x * x
    }
    let mean = sum / Double(n)
    let variance = squares / Double(n) - mean * mean
    #expect(abs(mean - distribution.mean) <= 1e-5 * max(1, abs(distribution.mean)), "\(distribution) mean")
    #expect(
      abs(variance - distribution.variance) <= 1e-4 * distribution.variance + 1e-13 * mean * mean,
      "\(distribution) variance")
  }

  /// Known closed forms.
  @Test func momentsClosedForms() {
    #expect(Distribution.pert(min: 40, mode: 50, max: 80).mean == 320.0 / 6)
    #expect(Distribution.triangular(min: 40, mode: 50, max: 80).mean == 170.0 / 3)
    #expect(Distribution.lognormal(median: 1, sdLog: 1).mean == exp(0.5))
    #expect(abs(Distribution.lognormal(median: 1, sdLog: 1).variance - (exp(1) - 1) * exp(1)) < 1e-14)
    #expect(Distribution.poisson(mean: 3.5).variance == 3.5)
    #expect(Distribution.uniform(min: 0, max: 6).variance == 3)
    #expect(abs(Distribution.discrete(values: [0, 1, 2], weights: [0.6, 0.3, 0.1]).mean - 0.5) < 1e-15)
    #expect(abs(Distribution.discrete(values: [0, 1, 2], weights: [6, 3, 1]).variance - 0.45) < 1e-15)
    #expect(Distribution.fixed(3).variance == 0)
    #expect(Distribution.fixed(3).quantile(0.3) == 3 && Distribution.fixed(3).median == 3)
    #expect(Distribution.fixed(3).cdf(2.999) == 0 && Distribution.fixed(3).cdf(3) == 1)
    #expect(Distribution.normal(mean: 1, sd: 2).median == 1)
    #expect(Distribution.lognormal(median: 50, sdLog: 0.3).median == 50)
    #expect(Distribution.poisson(mean: 3).median == 3)  // scipy: poisson(3).median() = 3
    #expect(abs(Distribution.triangular(min: 0, mode: 0, max: 1).median - (1 - 0.5.squareRoot())) < 1e-15)
  }

  static let allFamilies: [Distribution] =
    continuous + [
      .fixed(3),
      .poisson(mean: 0.5), .poisson(mean: 400), .discrete(values: [0, 1, 2], weights: [0.6, 0.3, 0.1]),
    ]

  /// Means of 100 000 seeded draws lie within 4 standard errors (σ/√n) of the closed form.
  /// The draws are a pinned seed, so the test is deterministic; 4 SE means a correct
  /// implementation would fail for fewer than 1 seed in 15 000, while a wrong mean, variance or
  /// quantile of the size of a typical bug (≥ 1 % of σ) is far outside the band.
  @Test(arguments: allFamilies)
  func sampleMeansMatch(_ distribution: Distribution) {
    let stream = RandomStream(seed: 2024, run: 0, key: StreamKey("distribution-test"))
    let n = 100_000
    var moments = RunningMoments()
    for i in 0..<n { moments.add(distribution.quantile(stream.uniform(UInt64(i)))) }
    let standardError = distribution.standardDeviation / Double(n).squareRoot()
    #expect(abs(moments.mean - distribution.mean) <= 4 * standardError, "\(distribution)")
    // The sample variance's standard error is σ²·√(2/(n−1)) for normal data; heavier tails are
    // covered by 6 such errors for these families (kurtosis ≤ 6).
    let varianceError = distribution.variance * (2.0 / Double(n - 1)).squareRoot()
    #expect(abs(moments.sampleVariance - distribution.variance) <= 6 * varianceError, "\(distribution)")
  }

  /// Poisson quantiles for large means stay exact (checked against the walk from 0, which is
  /// exact but slow, at mean 600 where e^(−mean) is still representable).
  @Test func poissonLargeMeanMatchesDirectSum() {
    let mean = 600.0
    var cumulative: [Double] = []
    var mass = exp(-mean)
    var total = mass
    cumulative.append(total)
    for k in 1...1200 {
      mass *= mean / Double(k)
      total += mass
      cumulative.append(total)
    }
    for p in [1e-9, 0.001, 0.3, 0.5, 0.77, 0.999] {
      // Skip p within rounding of a cumulative value, where either neighbour is correct.
      guard cumulative.allSatisfy({ abs($0 - p) > 1e-12 }) else { continue }
      let expected = Double(cumulative.firstIndex { $0 >= p }!)
      #expect(Distribution.poisson(mean: mean).quantile(p) == expected, "p = \(p)")
    }
    #expect(Distribution.poisson(mean: 1e6).quantile(0.5) == 1e6)  // median of Poisson(n) is n for integer n
  }

  struct ProblemCase: Sendable, CustomTestStringConvertible {
    let distribution: Distribution
    let expected: [String]
    var testDescription: String { "\(distribution)" }
  }

  static let problemCases: [ProblemCase] = [
    ProblemCase(distribution: .normal(mean: 0, sd: 1), expected: []),
    ProblemCase(distribution: .normal(mean: 0, sd: -1), expected: ["sd must be ≥ 0 (got -1)"]),
    ProblemCase(distribution: .normal(mean: .nan, sd: 0.5), expected: ["mean must be a finite number (got NaN)"]),
    ProblemCase(distribution: .normal(mean: 0, sd: .nan), expected: ["sd must be a finite number (got NaN)"]),
    ProblemCase(distribution: .lognormal(median: 0, sdLog: 0.2), expected: ["median must be > 0 (got 0)"]),
    ProblemCase(distribution: .lognormal(median: 5, sdLog: -0.5), expected: ["sd_log must be ≥ 0 (got -0.5)"]),
    ProblemCase(distribution: .uniform(min: 3, max: 1), expected: ["min must be ≤ max (got min 3, max 1)"]),
    ProblemCase(
      distribution: .uniform(min: 0, max: .infinity), expected: ["max must be a finite number (got infinity)"]),
    ProblemCase(
      distribution: .triangular(min: 0, mode: 5, max: 4),
      expected: ["mode must lie in [min, max] (got mode 5, range [0, 4])"]),
    ProblemCase(
      distribution: .pert(min: 5, mode: 4, max: 1),
      expected: ["min must be ≤ max (got min 5, max 1)"]),
    ProblemCase(
      distribution: .beta(alpha: 0, beta: -2, min: 0, max: 1),
      expected: ["alpha must be > 0 (got 0)", "beta must be > 0 (got -2)"]),
    ProblemCase(distribution: .poisson(mean: -1), expected: ["mean must be ≥ 0 (got -1)"]),
    ProblemCase(
      distribution: .discrete(values: [0, 1, 2], weights: [0.5, 0.5]),
      expected: ["values and weights must have the same length (got 3 values, 2 weights)"]),
    ProblemCase(
      distribution: .discrete(values: [0, 1], weights: [0.5, -0.1]),
      expected: ["weights must be ≥ 0 (got -0.1 at position 2)"]),
    ProblemCase(
      distribution: .discrete(values: [0, 1], weights: [0, 0]),
      expected: ["weights must sum to more than 0 (got 0)"]),
    ProblemCase(distribution: .discrete(values: [], weights: []), expected: ["values must not be empty"]),
    ProblemCase(distribution: .fixed(.infinity), expected: ["value must be a finite number (got infinity)"]),
  ]

  @Test(arguments: problemCases)
  func problemsExplainInvalidParameters(_ testCase: ProblemCase) {
    #expect(testCase.distribution.problems == testCase.expected)
  }
}
