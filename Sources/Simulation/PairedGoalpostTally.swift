/// What `compare` gathers to warn of goalposts: per scenario (the base, then each alternative),
/// the summaries of its indexed indicators that have goalposts, per year, from the values the
/// paired blocks already hold; their medians feed `GoalpostCrossing.find`, as a run's do.
struct PairedGoalpostTally {
  /// One summarised series: the scenario (0 the base, a + 1 alternative a), its output and year.
  private struct Series {
    let scenario: Int
    let output: Int
    let year: Int
  }

  private let scenarios: [CompiledScenario]
  private let series: [Series]
  private let summaries: SummaryBank

  init(base: CompiledScenario, alternatives: [CompiledScenario], exactLimit: Int) {
    scenarios = [base] + alternatives
    let years = base.horizon + 1
    series = scenarios.enumerated().flatMap { s, scenario in
      scenario.goalposts.compactMap { goalpost in scenario.outputs.firstIndex { $0.id == goalpost.indicator } }
        .flatMap { output in (0..<years).map { Series(scenario: s, output: output, year: $0) } }
    }
    summaries = SummaryBank(count: series.count, exactLimit: exactLimit)
  }

  /// Adds the runs of one wave of paired blocks.
  func absorb(_ blocks: [PairedBlocks], threads: Int) {
    let series = series
    summaries.absorb(threads: threads) { k, summary in
      let (s, o, t) = (series[k].scenario, series[k].output, series[k].year)
      for block in blocks {
        let output = s == 0 ? block.base : block.alternatives[s - 1]
        let values = (0..<output.runs.count).map { output.value(series: o, year: t, run: $0) }
        values.withUnsafeBufferPointer { summary.add(contentsOf: $0) }
      }
    }
  }

  /// Per scenario with any, where its medians pass a goalpost; nil when none does.
  func crossings(threads: Int) -> [ScenarioGoalpostCrossings]? {
    let statistics = summaries.statistics(threads: threads)
    let found = scenarios.enumerated().compactMap { s, scenario -> ScenarioGoalpostCrossings? in
      let points = series.indices.filter { series[$0].scenario == s }.map { k in
        SeriesPoint(
          indicator: scenario.outputs[series[k].output].id, year: scenario.baseYear + series[k].year,
          statistics: statistics[k])
      }
      let crossings = GoalpostCrossing.find(in: points, goalposts: scenario.goalposts)
      return crossings.isEmpty ? nil : ScenarioGoalpostCrossings(scenario: scenario.id, crossings: crossings)
    }
    return found.isEmpty ? nil : found
  }
}
