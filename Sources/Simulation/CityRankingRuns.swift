import CityModel

extension MonteCarlo {
  /// Projects every city over the same run indices, so parameters that share a path share their
  /// draws (common random numbers), ranks the cities on `output` in every run and year, and
  /// summarises each city's value (median) and rank (P5/P50/P95 and the chance of ranking
  /// first). Ranks are kept as counts per city and year, so memory does not grow with the runs.
  public static func rank(
    cities: [CompiledScenario], output: String, better: Direction, options: MonteCarloOptions
  ) throws -> CityRanking {
    guard let first = cities.first else { throw SimulationError("rank needs at least one scenario") }
    for city in cities.dropFirst() {
      guard city.baseYear == first.baseYear, city.horizon == first.horizon else {
        throw SimulationError(
          "'\(city.id)' projects \(city.baseYear)+\(city.horizon) but '\(first.id)' projects "
            + "\(first.baseYear)+\(first.horizon); rank needs the same years")
      }
      guard city.seed == first.seed else {
        throw SimulationError(
          "'\(city.id)' has seed \(city.seed) but '\(first.id)' has \(first.seed); ranking on shared draws "
            + "needs one seed (pass --seed)")
      }
    }
    let series = try cities.map { city in
      guard let position = city.outputs.firstIndex(where: { $0.id == output }) else {
        throw SimulationError("'\(output)' is not an output of scenario '\(city.id)'")
      }
      return position
    }
    let years = first.horizon + 1
    let count = cities.count
    // Value summaries and rank counts per (city, year): index c · years + t.
    let values = SummaryBank(count: count * years, exactLimit: options.exactQuantileLimit)
    var histograms = [RankHistogram](repeating: RankHistogram(cities: count), count: count * years)
    // One seed (checked above), so one sampler serves every city.
    let sampler = options.sampling.sampler(seed: first.seed, runs: options.runs)
    var diagnostics: [NumericalDiagnostic] = []
    var done = 0
    BlockScheduler(runs: 0..<options.runs, blockSize: options.blockSize, threads: options.threads).forEachWave { runs in
      cities.map { $0.project(runs: runs, sampler: sampler) }
    } consume: { blocks in
      values.absorb(threads: options.threads) { k, summary in
        let (c, t) = k.quotientAndRemainder(dividingBy: years)
        for block in blocks {
          let cityBlock = block[c]
          let column = (0..<cityBlock.runs.count).map { cityBlock.value(series: series[c], year: t, run: $0) }
          column.withUnsafeBufferPointer { summary.add(contentsOf: $0) }
        }
      }
      for block in blocks {
        for t in 0..<years {
          for i in 0..<block[0].runs.count {
            let run = (0..<count).map { block[$0].value(series: series[$0], year: t, run: i) }
            for (c, rank) in CityRanking.competitionRanks(of: run, better: better).enumerated() {
              histograms[c * years + t].add(rank: rank)
            }
          }
        }
        for cityBlock in block { diagnostics.absorb(cityBlock.diagnostics) }
      }
      done += blocks.reduce(0) { $0 + $1[0].runs.count }
      options.progress?(done)
    }

    let statistics = values.statistics(threads: options.threads)
    let entries = (0..<years).flatMap { t in
      cities.enumerated().map { c, city in
        CityRanking.Entry(
          scenario: city.id, city: city.city, year: first.baseYear + t, p50: statistics[c * years + t].p50,
          ranks: histograms[c * years + t])
      }
    }
    return CityRanking(
      output: first.outputs[series[0]], better: better, runs: options.runs, seed: first.seed, entries: entries,
      diagnostics: diagnostics)
  }
}
