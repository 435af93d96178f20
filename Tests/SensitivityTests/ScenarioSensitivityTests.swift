import Analysis
import Foundation
import LinearAlgebra
import Simulation
import Stochastics
import Testing

/// Acceptance rule for an analytic Sobol index, as in the estimator's own tests: the analytic value
/// must lie inside the estimate's 99.9% interval (`acceptanceOptions`) — the intervals are
/// calibrated, so a correct estimator misses with probability 1e-3 per index on a fresh seed (seeds
/// are pinned, so the outcome is deterministic) — and the half-width must stay below `maxHalfWidth`
/// so that a uselessly wide interval cannot pass.
private func expectCovers(
  _ analytic: Double, estimate: Double, low: Double, high: Double, maxHalfWidth: Double, _ label: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    low <= analytic && analytic <= high,
    "\(label): analytic \(analytic) outside [\(low), \(high)] (estimate \(estimate))",
    sourceLocation: sourceLocation)
  #expect(
    (high - low) / 2 < maxHalfWidth, "\(label): interval too wide to test anything", sourceLocation: sourceLocation)
}

private let acceptanceOptions = SobolOptions(confidenceLevel: 0.999)

private func sobol(_ row: SensitivityRow) -> SobolMeasures {
  guard case .sobol(let m) = row.measures else { preconditionFailure("not a Sobol row") }
  return m
}

private let drift = "retail_sales.drift"
private let effect = "policies.promo.effects.retail_sales"

@Suite("Sensitivity of a scenario")
struct ScenarioSensitivityTests {
  @Test(
    "Inputs are the varying quantities by stable path, grouped by index method and model; zero noise drops shock sds")
  func inputs() throws {
    let common = ScenarioModel.uncertainInputs(
      of: try AnalyticScenarios.lognormal(shockSD: .uniform(min: 0.01, max: 0.1)), noise: .common)
    #expect(common.map(\.name) == [effect, drift, "retail_sales.shock.sd"])
    let zero = ScenarioModel.uncertainInputs(
      of: try AnalyticScenarios.lognormal(shockSD: .uniform(min: 0.01, max: 0.1)), noise: .zero)
    #expect(zero.map(\.name) == [effect, drift])
    let index = ScenarioModel.uncertainInputs(of: try AnalyticScenarios.weightedIndex(), noise: .common)
    #expect(index.map(\.name) == ["retail_sales.drift", "index.weights.prosperity"])
    #expect(index.map(\.group) == [ScenarioModel.Group.model, ScenarioModel.Group.indexMethod])
  }

  /// A row's outputs depend on the row alone (common noise), match the closed form (zero noise),
  /// and not on the threads.
  @Test("Design runs: a row alone, the closed form, any threads")
  func designRuns() throws {
    let scenario = try AnalyticScenarios.lognormal(shockSD: .uniform(min: 0.01, max: 0.1))
    let points = Matrix(rowMajor: [[0.1, 0.02, 0.05], [0.3, 0.04, 0.02], [0.1, 0.02, 0.05]])
    let outputs = [OutputYear(output: "retail_sales", year: 2033), OutputYear(output: "retail_sales", year: 2028)]
    let sampler = try DesignSampler(
      scenario: scenario, paths: [effect, drift, "retail_sales.shock.sd"], points: points, noise: .common)
    let one = try scenario.evaluate(sampler, values: outputs, threads: 1, blockSize: 1)
    let two = try scenario.evaluate(sampler, values: outputs, threads: 2, blockSize: 2)
    #expect(one.values == two.values)
    // Rows 0 and 2 are the same point, in different blocks: the same values, bit for bit.
    #expect(one.values.row(0) == one.values.row(2))
    #expect(one.values[0, 0] != one.values[1, 0])

    let zero = try DesignSampler(
      scenario: scenario, paths: [effect, drift], points: Matrix(rowMajor: [[0.1, 0.02], [0.3, 0.04]]), noise: .zero)
    let values = try scenario.evaluate(zero, values: outputs, threads: 2).values
    // ln Y(t) = ln 100 + g·t + γ exactly; 1e-12 relative covers rounding in ten yearly additions.
    for (row, (gamma, g)) in [(0.1, 0.02), (0.3, 0.04)].enumerated() {
      for (column, t) in [10.0, 5.0].enumerated() {
        let expected = 100 * exp(g * t + gamma)
        #expect(abs(values[row, column] - expected) <= 1e-12 * expected)
      }
    }
    #expect(throws: SimulationError.self) {
      try DesignSampler(
        scenario: scenario, paths: ["retail_sales.shock.sd"], points: Matrix(rows: 1, columns: 1), noise: .zero)
    }
    #expect(throws: SimulationError.self) {
      try scenario.evaluate(zero, values: [OutputYear(output: "retail_sales", year: 2040)], threads: 1)
    }
  }

  @Test("Sobol indices of Y = exp(X₁ + X₂) hit their closed forms in every year at once")
  func sobolLognormal() throws {
    let scenario = try AnalyticScenarios.lognormal()
    let years = Array(2024...2033)
    var analysis = ScenarioAnalysis(
      method: .sobol, outputs: years.map { SensitivityOutput(id: "retail_sales", year: $0) },
      samples: 4096, seed: 7, threads: 2)
    analysis.sobolOptions = acceptanceOptions
    let report = try analysis.run(on: scenario)
    #expect(report.runs == 4096 * 4)
    #expect(report.result.warnings.isEmpty)
    for year in years {
      // For Y ∝ exp(Z₁ + Z₂), Zᵢ ~ N(·, σᵢ²) independent: V = e^{σ₁²+σ₂²} − 1 (up to a factor),
      // V(E[Y|Z₁]) = e^{σ₁²} − 1, so S1₁ = (e^{σ₁²} − 1)/V and ST₁ = 1 − (e^{σ₂²} − 1)/V.
      let s1 = AnalyticScenarios.driftSD * Double(year - 2023), s2 = AnalyticScenarios.effectSD
      let total = expm1(s1 * s1 + s2 * s2)
      let expected = [
        drift: (expm1(s1 * s1) / total, 1 - expm1(s2 * s2) / total),
        effect: (expm1(s2 * s2) / total, 1 - expm1(s1 * s1) / total),
      ]
      let rows = report.result.rows.filter { $0.year == year }
      #expect(rows.count == 2)
      for row in rows {
        let m = sobol(row), (first, totalOrder) = expected[row.input]!
        // 0.08: at N = 4096 the 99.9% intervals' half-widths are 0.001–0.063.
        expectCovers(first, estimate: m.s1, low: m.s1Low, high: m.s1High, maxHalfWidth: 0.08, "S1 \(row.input) \(year)")
        expectCovers(
          totalOrder, estimate: m.st, low: m.stLow, high: m.stHigh, maxHalfWidth: 0.08, "ST \(row.input) \(year)")
      }
    }
  }

  @Test("A replicated Sobol design evaluated in shards that cut across its scramblings gives the single-run result")
  func shardedReplicates() throws {
    let scenario = try AnalyticScenarios.lognormal()
    let analysis = ScenarioAnalysis(
      method: .sobol, outputs: [2028, 2033].map { SensitivityOutput(id: "retail_sales", year: $0) },
      samples: 64, seed: 5, threads: 2)
    let single = try analysis.run(on: scenario)
    #expect(single.sampling == .sobol(scrambleSeed: 5, replicates: ScenarioAnalysis.sobolReplicates))
    // Blocks of 8 base samples per scrambling; shards of 20, 21 and 23 base samples.
    var values: [[Double]] = []
    for shard in [0..<20, 20..<41, 41..<64] {
      let part = try analysis.evaluateSobolShard(shard, on: scenario)
      #expect(part.rows == (shard.lowerBound * 4)..<(shard.upperBound * 4) && part.totalRows == 256)
      values += part.values
    }
    #expect(try analysis.analyseSobol(values: values, on: scenario).result == single.result)
  }

  @Test("Grouped indices: model against index-method uncertainty of a weighted ICC index, in closed form")
  func groupedIndex() throws {
    let scenario = try AnalyticScenarios.weightedIndex()
    var analysis = ScenarioAnalysis(
      method: .sobol,
      outputs: [SensitivityOutput(id: "index", year: 2033), SensitivityOutput(id: "retail_sales", year: 2033)],
      samples: 4096, grouped: true, seed: 3, threads: 2)
    analysis.sobolOptions = acceptanceOptions
    let result = try analysis.run(on: scenario).result
    // I = c + r·D with r = w/(w + 1) ∈ {1/2, 3/4} equally likely and D = s − c = A + B·g, g ~ U(0, 0.1):
    // V(E[I|g]) = E[r]²·V(D), V(E[I|r]) = V(r)·E[D]², V(I) = E[r²]·E[D²] − E[r]²·E[D]².
    let a = 100 * log(10.0) / log(1000.0) - 50, b = 1000 / log(1000.0)
    let meanD = a + b * 0.05, varianceD = b * b * 0.01 / 12
    let meanR = 0.625, meanR2 = (0.25 + 0.5625) / 2, varianceR = meanR2 - meanR * meanR
    let variance = meanR2 * (varianceD + meanD * meanD) - meanR * meanR * meanD * meanD
    let model = meanR * meanR * varianceD / variance, method = varianceR * meanD * meanD / variance
    let index = result.rows.filter { $0.output == "index" }
    #expect(index.map(\.input) == [ScenarioModel.Group.model, ScenarioModel.Group.indexMethod])
    let expected = [(model, 1 - method), (method, 1 - model)]
    for (row, (first, total)) in zip(index, expected) {
      let m = sobol(row)
      expectCovers(first, estimate: m.s1, low: m.s1Low, high: m.s1High, maxHalfWidth: 0.08, "S1 \(row.input)")
      expectCovers(total, estimate: m.st, low: m.stLow, high: m.stHigh, maxHalfWidth: 0.08, "ST \(row.input)")
    }
    // Retail sales does not depend on the index weights: the index-method group's indices are
    // exactly 0 (its AB runs repeat the A runs), the model's S1 and ST are 1 within the rule.
    let sales = result.rows.filter { $0.output == "retail_sales" }.map(sobol)
    #expect(sales[1].s1 == 0 && sales[1].st == 0)
    let modelGroup = sales[0]
    expectCovers(
      1, estimate: modelGroup.st, low: modelGroup.stLow, high: modelGroup.stHigh, maxHalfWidth: 0.08,
      "ST model, retail sales")
  }

  @Test("SRC of an exactly linear stock: √0.8 and √0.2 with R² = 1")
  func regressionLinearStock() throws {
    let scenario = try AnalyticScenarios.linearStock()
    let analysis = ScenarioAnalysis(
      method: .src, outputs: [SensitivityOutput(id: "metro_km", year: 2033)], samples: 4096, seed: 5, threads: 2)
    let result = try analysis.run(on: scenario).result
    // X = 500 + 10·d + a: V(10·d) = 100·20²/12, V(a) = 100²/12, so SRC² = 0.8 and 0.2.
    let expected = [
      "interventions.new-lines.adds.metro_km": 0.2.squareRoot(), "metro_km.annual_addition": 0.8.squareRoot(),
    ]
    #expect(result.rows.count == 2 && result.warnings.isEmpty)
    for row in result.rows {
      guard case .regression(let m) = row.measures else { Issue.record("not a regression row"); continue }
      // 0.01: SRCs are ratios of sample standard deviations; at n = 4096 their sampling error is
      // about 0.006 with independent points and far less with the scrambled Sobol points used.
      #expect(abs(m.src - expected[row.input]!) < 0.01, "\(row.input): SRC \(m.src)")
      // The output is exactly linear: R² is 1 up to rounding.
      #expect(m.rSquared > 1 - 1e-9)
      #expect(m.prcc > 0)
    }
  }

  @Test("Tornado: P5 and P95 swings of each input with the other at its median, in closed form")
  func tornado() throws {
    let scenario = try AnalyticScenarios.lognormal()
    var analysis = ScenarioAnalysis(
      method: .tornado, outputs: [SensitivityOutput(id: "retail_sales", year: 2033)], samples: 0, seed: 1, threads: 1)
    analysis.noise = .zero
    let result = try analysis.run(on: scenario).result
    let z = standardNormalQuantile(0.95)
    // Y = 100·exp(10·g + γ): the drift moves 10·g by ±10·0.05·z, the effect γ by ±0.3·z.
    let base = 100 * exp(10 * 0.03 + 0.1)
    let expected = [
      drift: (base * exp(-0.5 * z), base * exp(0.5 * z)), effect: (base * exp(-0.3 * z), base * exp(0.3 * z)),
    ]
    #expect(result.rows.map(\.input) == [drift, effect], "sorted by swing")
    for row in result.rows {
      guard case .tornado(let m) = row.measures else { Issue.record("not a tornado row"); continue }
      let (low, high) = expected[row.input]!
      // 1e-9 relative: the quantile function is accurate to ~1e-15 and exp amplifies it tenfold.
      #expect(abs(m.low - low) <= 1e-9 * low && abs(m.high - high) <= 1e-9 * high, "\(row.input): \(m.low) \(m.high)")
      #expect(abs(m.base - base) <= 1e-12 * base)
    }
  }

  @Test("An uncertain goalpost is an index-method input, its tornado swing in closed form")
  func uncertainGoalpost() throws {
    let scenario = try AnalyticScenarios.uncertainGoalpostIndex()
    let path = "index.goalposts.retail_sales.low"
    let inputs = ScenarioModel.uncertainInputs(of: scenario, noise: .common)
    #expect(inputs.map(\.name) == [path] && inputs.map(\.group) == [ScenarioModel.Group.indexMethod])
    var analysis = ScenarioAnalysis(
      method: .tornado, outputs: [SensitivityOutput(id: "index", year: 2033)], samples: 0, seed: 1, threads: 1)
    analysis.noise = .zero
    let result = try analysis.run(on: scenario).result
    func index(_ low: Double) -> Double { (100 * (log(100) - log(low)) / (log(10_000) - log(low)) + 50) / 2 }
    // L at its P5, median and P95: 12, 30, 48.
    guard let row = result.rows.first, case .tornado(let m) = row.measures else {
      Issue.record("no tornado row")
      return
    }
    #expect(row.input == path)
    // 1e-12 relative: a handful of logs and divisions.
    #expect(
      abs(m.low - index(12)) <= 1e-12 * index(12) && abs(m.high - index(48)) <= 1e-12 * index(48), "\(m.low) \(m.high)")
    #expect(abs(m.base - index(30)) <= 1e-12 * index(30))
  }

  @Test("Options that do not fit are refused with their reason")
  func refusals() throws {
    let scenario = try AnalyticScenarios.lognormal()
    let unknown = ScenarioAnalysis(
      method: .tornado, outputs: [SensitivityOutput(id: "gdp", year: 2033)], samples: 0, seed: 1, threads: 1)
    #expect(throws: SensitivityError.self) { try unknown.run(on: scenario) }
    let grouped = ScenarioAnalysis(
      method: .src, outputs: [SensitivityOutput(id: "retail_sales", year: 2033)], samples: 100, grouped: true, seed: 1,
      threads: 1)
    #expect(throws: SensitivityError.invalidOption("grouped indices are Sobol indices: use them with the sobol method"))
    {
      try grouped.run(on: scenario)
    }
  }
}
