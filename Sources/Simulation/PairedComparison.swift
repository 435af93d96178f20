import CityModel

extension MonteCarlo {
  /// Runs the base and every alternative over the same run indices, so parameters that share a
  /// path share their draws (common random numbers), and summarises the paired differences
  /// alternative − base for every output the two have in common.
  public static func compare(
    base: CompiledScenario, alternatives: [CompiledScenario], options: MonteCarloOptions
  ) throws -> PlanComparison {
    for alternative in alternatives {
      guard alternative.baseYear == base.baseYear, alternative.horizon == base.horizon else {
        throw SimulationError("'\(alternative.id)' projects \(alternative.baseYear)+\(alternative.horizon) but the base '\(base.id)' projects \(base.baseYear)+\(base.horizon); compare needs the same years")
      }
      guard alternative.seed == base.seed else {
        throw SimulationError("'\(alternative.id)' has seed \(alternative.seed) but the base '\(base.id)' has \(base.seed); paired comparison needs one seed (pass --seed)")
      }
    }
    let years = base.horizon + 1
    // For each alternative: (base output, alternative output) pairs shared by both.
    let pairs: [[(base: Int, alternative: Int)]] = alternatives.map { alternative in
      base.outputs.enumerated().compactMap { b, output in
        alternative.outputs.firstIndex { $0.id == output.id }.map { (b, $0) }
      }
    }
    var summaries = pairs.map { [SeriesSummary](repeating: SeriesSummary(), count: $0.count * years) }
    var higher = pairs.map { [Int](repeating: 0, count: $0.count * years) }
    let baseSampler = MonteCarloSampler(seed: base.seed)
    var done = 0
    BlockScheduler(runs: 0..<options.runs, blockSize: options.blockSize, threads: options.threads).forEachBlock { runs in
      (base.project(runs: runs, sampler: baseSampler),
       alternatives.map { $0.project(runs: runs, sampler: MonteCarloSampler(seed: $0.seed)) })
    } consume: { blocks in
      let (baseBlock, alternativeBlocks) = blocks
      let n = baseBlock.runs.count
      for (a, block) in alternativeBlocks.enumerated() {
        for (k, pair) in pairs[a].enumerated() {
          for t in 0..<years {
            for i in 0..<n {
              let difference = block.value(series: pair.alternative, year: t, run: i) - baseBlock.value(series: pair.base, year: t, run: i)
              summaries[a][k * years + t].add(difference)
              if difference > 0 { higher[a][k * years + t] += 1 }
            }
          }
        }
      }
      done += n
      options.progress?(done)
    }

    let comparisons = alternatives.enumerated().map { a, alternative in
      var differences: [Difference] = []
      for (k, pair) in pairs[a].enumerated() {
        for t in 0..<years {
          let s = summaries[a][k * years + t].statistics()
          differences.append(Difference(
            indicator: base.outputs[pair.base].id, year: base.baseYear + t, mean: s.mean, sd: s.sd,
            p5: s.quantiles[0], p50: s.quantiles[2], p95: s.quantiles[4],
            probabilityHigher: Double(higher[a][k * years + t]) / Double(options.runs)))
        }
      }
      return Comparison(scenario: alternative.id, title: alternative.title, differences: differences)
    }
    return PlanComparison(base: base.id, outputs: base.outputs, comparisons: comparisons)
  }
}
