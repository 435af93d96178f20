/// NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002, "A fast and elitist multiobjective genetic
/// algorithm: NSGA-II", IEEE Trans. Evol. Comput. 6(2)) over integer-coded portfolios, with the
/// objectives maximised and the cost minimised.
///
/// What is implemented, as in the paper: fast non-dominated sorting, the crowding distance,
/// binary tournament selection on the crowded-comparison order, elitist (μ+λ) survival of
/// parents and offspring by front and then crowding distance, and constraint-domination for the
/// budget (within the budget beats over it; over it, the smaller excess beats the larger). The
/// variation operators are those for discrete genes: uniform crossover (each gene from either
/// parent with probability ½) applied to a pair with probability 0.9, and per-gene mutation with
/// probability 1/genes to one of the gene's other choices, uniformly.
///
/// Departures, each for the sake of evaluations: every portfolio is evaluated at most once (a
/// cache answers repeats); an offspring identical to a member of the population or to another
/// offspring is discarded and bred again (as pymoo's `eliminate_duplicates` does), so a
/// generation spends its evaluations on new plans; each generation's new portfolios go to
/// `evaluate` as one batch. The initial population holds the empty portfolio and every
/// single-candidate portfolio when they fit (otherwise the empty one and a random choice of
/// them): small plans sit at the cheap end of the front, where random portfolios, which take
/// several candidates each, rarely land. The rest is random, each member with its own
/// inclusion probability drawn uniformly, so the population spans plans of every size rather
/// than clustering around half the candidates.
///
/// The result's front is the Pareto front within the budget of every portfolio evaluated, not
/// only of the last population.
struct NSGA2 {
  let space: PortfolioSpace
  let budget: Double?
  let options: PortfolioSearchOptions

  /// Probability that a selected pair is recombined (Deb et al. 2002 use 0.9).
  static let crossoverProbability = 0.9
  /// Breeding attempts per wanted member before a generation gives up on finding new ones (only
  /// reached when the space holds few portfolios the population lacks).
  static let attemptsPerMember = 50

  /// The population size: the option rounded up to an even number, at least 2.
  var populationSize: Int { max(2, options.population + options.population % 2) }

  func run(evaluate: ([Portfolio]) throws -> [PortfolioScore]) throws -> PortfolioSearchResult {
    let size = populationSize
    var random = SearchRandom(seed: options.seed)
    var archive = EvaluationArchive()
    var population = try archive.scored(initialPopulation(size: size, random: &random), evaluate: evaluate)
    var ranking = NondominatedRanking(population.map(\.score), budget: budget)
    for _ in 0..<max(0, options.generations) {
      let children = offspring(of: population, ranking: ranking, size: size, random: &random)
      let merged = population + (try archive.scored(children, evaluate: evaluate))
      population = survivors(of: merged, size: size)
      ranking = NondominatedRanking(population.map(\.score), budget: budget)
    }
    return PortfolioSearchResult(
      method: .evolutionary(population: size, generations: options.generations, seed: options.seed),
      evaluated: archive.entries.count, front: ParetoFront.of(archive.entries, budget: budget))
  }

  /// The empty portfolio, the single-candidate portfolios (all, or a random choice when they do
  /// not fit), then distinct random portfolios up to `size`.
  func initialPopulation(size: Int, random: inout SearchRandom) -> [Portfolio] {
    let empty = Portfolio(genes: [Int](repeating: 0, count: space.choices.count))
    var singles: [Portfolio] = []
    for (gene, count) in space.choices.enumerated() {
      for choice in 1..<count {
        var single = empty
        single.genes[gene] = choice
        singles.append(single)
      }
    }
    let room = size - 1
    if singles.count > room {
      for place in 0..<room { singles.swapAt(place, place + random.below(singles.count - place)) }
      singles.removeLast(singles.count - room)
    }
    var members = [empty] + singles
    var present = Set(members)
    var attempts = 0
    while members.count < size && attempts < Self.attemptsPerMember * size {
      attempts += 1
      let inclusion = random.uniform()
      let genes = space.choices.map { count in random.uniform() < inclusion ? 1 + random.below(count - 1) : 0 }
      let candidate = Portfolio(genes: genes)
      if present.insert(candidate).inserted { members.append(candidate) }
    }
    return members
  }

  /// Up to `size` new portfolios bred from `population`: parents by binary tournament, then
  /// crossover and mutation; a child already in the population or among the offspring is dropped.
  func offspring(
    of population: [ScoredPortfolio], ranking: NondominatedRanking, size: Int, random: inout SearchRandom
  ) -> [Portfolio] {
    var present = Set(population.map(\.portfolio))
    var children: [Portfolio] = []
    var attempts = 0
    while children.count < size && attempts < Self.attemptsPerMember * size {
      attempts += 1
      let first = population[tournament(ranking, count: population.count, random: &random)].portfolio
      let second = population[tournament(ranking, count: population.count, random: &random)].portfolio
      var pair = (first.genes, second.genes)
      if random.uniform() < Self.crossoverProbability {
        for gene in pair.0.indices where random.uniform() < 0.5 { swap(&pair.0[gene], &pair.1[gene]) }
      }
      for genes in [pair.0, pair.1] where children.count < size {
        let child = Portfolio(genes: mutated(genes, random: &random))
        if present.insert(child).inserted { children.append(child) }
      }
    }
    return children
  }

  /// Binary tournament: of two members drawn at random, the one the crowded comparison prefers
  /// (the first drawn when neither is preferred).
  func tournament(_ ranking: NondominatedRanking, count: Int, random: inout SearchRandom) -> Int {
    let a = random.below(count)
    let b = random.below(count)
    return ranking.isPreferred(b, over: a) ? b : a
  }

  /// Each gene, with probability 1/genes, moved to one of its other choices at random.
  func mutated(_ genes: [Int], random: inout SearchRandom) -> [Int] {
    let probability = 1 / Double(max(1, genes.count))
    var genes = genes
    for (gene, count) in space.choices.enumerated() where random.uniform() < probability {
      genes[gene] = (genes[gene] + 1 + random.below(count - 1)) % count
    }
    return genes
  }

  /// Elitist survival: whole fronts of `merged` while they fit, then the least crowded members
  /// of the front that does not (ties kept in order).
  func survivors(of merged: [ScoredPortfolio], size: Int) -> [ScoredPortfolio] {
    let ranking = NondominatedRanking(merged.map(\.score), budget: budget)
    var kept: [Int] = []
    for front in ranking.fronts {
      let room = size - kept.count
      if room <= 0 { break }
      if front.count <= room {
        kept += front
      } else {
        let crowding = ranking.crowding
        kept += front.sorted { crowding[$0] != crowding[$1] ? crowding[$0] > crowding[$1] : $0 < $1 }.prefix(room)
      }
    }
    return kept.map { merged[$0] }
  }
}
