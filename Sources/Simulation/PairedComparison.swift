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
        throw SimulationError(
          "'\(alternative.id)' projects \(alternative.baseYear)+\(alternative.horizon) but the base '\(base.id)' "
            + "projects \(base.baseYear)+\(base.horizon); compare needs the same years"
        )
      }
      guard alternative.seed == base.seed else {
        throw SimulationError(
          "'\(alternative.id)' has seed \(alternative.seed) but the base '\(base.id)' has \(base.seed); paired "
            + "comparison needs one seed (pass --seed)"
        )
      }
    }
    let years = base.horizon + 1
    // For each alternative: (base output, alternative output) pairs shared by both.
    let pairs: [[(base: Int, alternative: Int)]] = alternatives.map { alternative in
      base.outputs.enumerated().compactMap { b, output in
        alternative.outputs.firstIndex { $0.id == output.id }.map { (b, $0) }
      }
    }
    // One summary per (alternative, shared output, year), in that order.
    let series: [(alternative: Int, base: Int, other: Int, year: Int)] = pairs.enumerated().flatMap { a, shared in
      shared.flatMap { pair in (0..<years).map { (a, pair.base, pair.alternative, $0) } }
    }
    let summaries = SummaryBank(count: series.count, exactLimit: options.exactQuantileLimit)
    // One seed (checked above), so one sampler serves every scenario.
    let sampler = options.sampling.sampler(seed: base.seed, runs: options.runs)
    var costs = PairedCostTally(base: base, alternatives: alternatives, exactLimit: options.exactQuantileLimit)
    let goalposts = PairedGoalpostTally(base: base, alternatives: alternatives, exactLimit: options.exactQuantileLimit)
    var diagnostics: [NumericalDiagnostic] = []
    var done = 0
    BlockScheduler(runs: 0..<options.runs, blockSize: options.blockSize, threads: options.threads).forEachWave { runs in
      PairedBlocks(
        base: base.project(runs: runs, sampler: sampler),
        alternatives: alternatives.map { $0.project(runs: runs, sampler: sampler) })
    } consume: { blocks in
      summaries.absorb(threads: options.threads) { k, summary in
        let (a, b, o, t) = series[k]
        for block in blocks {
          let differences = (0..<block.base.runs.count).map { i in
            block.alternatives[a].value(series: o, year: t, run: i) - block.base.value(series: b, year: t, run: i)
          }
          differences.withUnsafeBufferPointer { summary.add(contentsOf: $0) }
        }
      }
      costs.absorb(blocks, threads: options.threads)
      goalposts.absorb(blocks, threads: options.threads)
      for block in blocks {
        diagnostics.absorb(block.base.diagnostics)
        for alternative in block.alternatives { diagnostics.absorb(alternative.diagnostics) }
      }
      done += blocks.reduce(0) { $0 + $1.base.runs.count }
      options.progress?(done)
    }

    let statistics = summaries.statistics(threads: options.threads)
    let positives = summaries.positives()
    let negatives = summaries.negatives()
    var offset = 0
    var comparisons = alternatives.enumerated().map { a, alternative in
      var differences: [Difference] = []
      for pair in pairs[a] {
        for t in 0..<years {
          let s = statistics[offset]
          differences.append(
            Difference(
              indicator: base.outputs[pair.base].id, year: base.baseYear + t, mean: s.mean, sd: s.sd,
              p5: s.p5, p50: s.p50, p95: s.p95,
              probabilityHigher: Double(positives[offset]) / Double(options.runs),
              probabilityLower: Double(negatives[offset]) / Double(options.runs)))
          offset += 1
        }
      }
      return Comparison(scenario: alternative.id, title: alternative.title, differences: differences)
    }
    let costResults = costs.results(
      baseYear: base.baseYear, outputs: base.outputs, differences: comparisons.map(\.differences), runs: options.runs,
      threads: options.threads)
    for (a, result) in costResults.enumerated() {
      comparisons[a].cost = result.cost
      comparisons[a].costEffectiveness = result.effectiveness
    }
    return PlanComparison(
      base: base.id, baseTitle: base.title, outputs: base.outputs, comparisons: comparisons, diagnostics: diagnostics,
      goalpostCrossings: goalposts.crossings(threads: options.threads))
  }
}

/// The base's and every alternative's block over the same runs.
struct PairedBlocks: Sendable {
  let base: BlockOutput
  let alternatives: [BlockOutput]
}
