import Stochastics
import Testing

@testable import Analysis

/// A portfolio problem whose candidates act independently: a portfolio's objective and cost are
/// the sums of its choices' effects and costs. Effects and costs are multiples of 1/8 below 2^40,
/// so every sum is exact and the same in any order.
struct AdditiveProblem {
  /// Per candidate, per choice (choice 0, "left out", has effect and cost 0).
  var effects: [[Double]]
  var costs: [[Double]]

  var space: PortfolioSpace { PortfolioSpace(choices: effects.map(\.count)) }

  func score(_ portfolio: Portfolio) -> PortfolioScore {
    var effect = 0.0
    var cost = 0.0
    for (candidate, choice) in portfolio.genes.enumerated() {
      effect += effects[candidate][choice]
      cost += costs[candidate][choice]
    }
    return PortfolioScore(objectives: [effect], cost: cost)
  }

  /// A knapsack with a planted optimum: the candidates in `planted` return 2–3 per unit of cost,
  /// the others 0.5–1.5, and the budget is exactly the planted candidates' cost. Any other plan
  /// within the budget spends some of it on candidates returning less per unit, so the planted
  /// plan is the unique best within the budget (the fractional-knapsack bound is attained).
  static func planted(candidates: Int, planted: Set<Int>, seed: UInt64) -> (problem: AdditiveProblem, budget: Double) {
    let stream = RandomStream(seed: seed, run: 0, key: StreamKey("planted-knapsack"))
    var effects: [[Double]] = []
    var costs: [[Double]] = []
    for candidate in 0..<candidates {
      let cost = Double(1 + Int(stream.uniform(UInt64(2 * candidate)) * 10))
      let eighths = Int(stream.uniform(UInt64(2 * candidate + 1)) * 9)
      let ratio = (planted.contains(candidate) ? 2 : 0.5) + Double(eighths) / 8
      costs.append([0, cost])
      effects.append([0, cost * ratio])
    }
    let budget = planted.sorted().reduce(0.0) { $0 + costs[$1][1] }
    return (AdditiveProblem(effects: effects, costs: costs), budget)
  }

  /// Effects and costs drawn as multiples of 1/8 in [0, 8) and [1, 9), `choices` per candidate.
  static func random(choices: [Int], seed: UInt64) -> AdditiveProblem {
    let stream = RandomStream(seed: seed, run: 0, key: StreamKey("additive-problem"))
    var draw: UInt64 = 0
    func eighths(_ offset: Double) -> Double {
      draw += 1
      return offset + Double(Int(stream.uniform(draw) * 64)) / 8
    }
    let effects = choices.map { count in [0] + (1..<count).map { _ in eighths(0) } }
    let costs = choices.map { count in [0] + (1..<count).map { _ in eighths(1) } }
    return AdditiveProblem(effects: effects, costs: costs)
  }
}

/// Records every batch a search asks for, to check the evaluation contract.
final class RecordingEvaluator {
  let problem: AdditiveProblem
  private(set) var batches: [[Portfolio]] = []

  init(_ problem: AdditiveProblem) { self.problem = problem }

  func evaluate(_ portfolios: [Portfolio]) -> [PortfolioScore] {
    batches.append(portfolios)
    return portfolios.map(problem.score)
  }

  var evaluated: [Portfolio] { batches.flatMap { $0 } }
}

@Suite("Portfolio search")
struct PortfolioSearchTests {
  static func portfolio(_ genes: Int...) -> Portfolio { Portfolio(genes: genes) }
  static func score(_ objectives: Double..., cost: Double) -> PortfolioScore {
    PortfolioScore(objectives: objectives, cost: cost)
  }

  // MARK: Dominance and the front

  @Test func dominanceNeedsNoWorseEverywhereAndBetterSomewhere() {
    let a = Self.score(3, 1, cost: 5)
    #expect(a.dominates(Self.score(3, 1, cost: 6)))
    #expect(a.dominates(Self.score(2, 1, cost: 5)))
    #expect(!a.dominates(a))
    #expect(!a.dominates(Self.score(4, 0, cost: 9)))
    #expect(!a.dominates(Self.score(2, 1, cost: 4)))
    #expect(!Self.score(2, 1, cost: 4).dominates(a))
  }

  @Test func frontKeepsTheNonDominatedWithinTheBudgetByCost() {
    let scored = [
      ScoredPortfolio(portfolio: Self.portfolio(1, 1), score: Self.score(9, cost: 12)),  // over budget
      ScoredPortfolio(portfolio: Self.portfolio(1, 0), score: Self.score(5, cost: 6)),
      ScoredPortfolio(portfolio: Self.portfolio(0, 1), score: Self.score(4, cost: 7)),  // dominated by (1, 0)
      ScoredPortfolio(portfolio: Self.portfolio(0, 0), score: Self.score(0, cost: 0)),
      ScoredPortfolio(portfolio: Self.portfolio(0, 2), score: Self.score(5, cost: 6)),  // same score as (1, 0)
      ScoredPortfolio(portfolio: Self.portfolio(2, 0), score: Self.score(7, cost: 10)),
    ]
    let front = ParetoFront.of(scored, budget: 10)
    #expect(front.map(\.portfolio) == [Self.portfolio(0, 0), Self.portfolio(0, 2), Self.portfolio(2, 0)])
    #expect(ParetoFront.of(scored, budget: nil).last?.portfolio == Self.portfolio(1, 1))
    #expect(ParetoFront.best(of: front)?.portfolio == Self.portfolio(2, 0))
    #expect(ParetoFront.best(of: []) == nil)
  }

  @Test func constraintDominationPrefersFeasibleThenSmallerExcess() {
    let within = Self.score(1, cost: 10)
    let slightlyOver = Self.score(50, cost: 11)
    let farOver = Self.score(99, cost: 20)
    #expect(NondominatedRanking.constrainedDominates(within, slightlyOver, budget: 10))
    #expect(NondominatedRanking.constrainedDominates(slightlyOver, farOver, budget: 10))
    #expect(!NondominatedRanking.constrainedDominates(farOver, within, budget: 10))
    // Without a budget only Pareto dominance counts: the cheaper plan no longer wins by its cost alone.
    #expect(!NondominatedRanking.constrainedDominates(within, slightlyOver, budget: nil))
    let ranking = NondominatedRanking([farOver, within, slightlyOver, Self.score(0, cost: 0)], budget: 10)
    #expect(ranking.fronts == [[1, 3], [2], [0]])
    #expect(ranking.rank == [2, 0, 1, 0])
  }

  @Test func nonDominatedSortingPeelsFrontsInOrder() {
    // Front 0: (4,c4) (2,c1) (0,c0); front 1: (3,c4) (1,c1); front 2: (1,c3).
    let scores = [
      Self.score(3, cost: 4), Self.score(4, cost: 4), Self.score(1, cost: 3), Self.score(2, cost: 1),
      Self.score(0, cost: 0), Self.score(1, cost: 1),
    ]
    let ranking = NondominatedRanking(scores, budget: nil)
    #expect(ranking.fronts == [[1, 3, 4], [0, 5], [2]])
  }

  @Test func crowdingDistanceIsTheNormalisedNeighbourGapSummedOverCriteria() {
    // Objective 0, 1, 3, 4 at costs 0, 2, 3, 8: objective span 4, cost span 8.
    let scores = [
      Self.score(3, cost: 3), Self.score(0, cost: 0), Self.score(4, cost: 8), Self.score(1, cost: 2),
    ]
    let distances = NondominatedRanking.crowdingDistances(of: scores)
    #expect(distances[1] == .infinity && distances[2] == .infinity)
    #expect(distances[3] == (3.0 - 0) / 4 + (3.0 - 0) / 8)
    #expect(distances[0] == (4.0 - 1) / 4 + (8.0 - 2) / 8)
    #expect(NondominatedRanking.crowdingDistances(of: Array(scores.prefix(2))) == [.infinity, .infinity])
  }

  // MARK: Searches

  @Test func exhaustiveSearchFindsThePlantedKnapsackOptimum() throws {
    let planted: Set = [0, 3, 4, 8, 11]
    let (problem, budget) = AdditiveProblem.planted(candidates: 12, planted: planted, seed: 3)
    let result = try PortfolioSearch.search(space: problem.space, budget: budget) { $0.map(problem.score) }
    #expect(result.method == .exhaustive && result.evaluated == 4096)
    let best = try #require(ParetoFront.best(of: result.front))
    #expect(best.portfolio.genes == (0..<12).map { planted.contains($0) ? 1 : 0 })
    #expect(best.score.cost == budget)
    #expect(result.front.allSatisfy { $0.score.cost <= budget })
  }

  @Test func evolutionaryAndExhaustiveSearchesAgreeOnA1024PortfolioSpace() throws {
    let problem = AdditiveProblem.random(choices: [Int](repeating: 2, count: 10), seed: 11)
    let budget = problem.costs.reduce(0) { $0 + $1[1] } * 0.4
    let exhaustive = try PortfolioSearch.search(space: problem.space, budget: budget) { $0.map(problem.score) }
    let options = PortfolioSearchOptions(exhaustiveLimit: 0, population: 32, generations: 20, seed: 5)
    let evaluator = RecordingEvaluator(problem)
    let evolutionary = try PortfolioSearch.search(
      space: problem.space, budget: budget, options: options, evaluate: evaluator.evaluate)
    #expect(evolutionary.method == .evolutionary(population: 32, generations: 20, seed: 5))
    #expect(evolutionary.evaluated < 1024)
    #expect(exhaustive.front.count > 10)
    #expect(evolutionary.front == exhaustive.front)
  }

  @Test func evolutionarySearchAgreesWithExhaustiveOverSeveralChoicesPerCandidate() throws {
    let problem = AdditiveProblem.random(choices: [3, 4, 2, 3, 4, 2, 3], seed: 17)
    let budget = 30.0
    let exhaustive = try PortfolioSearch.search(space: problem.space, budget: budget) { $0.map(problem.score) }
    let options = PortfolioSearchOptions(exhaustiveLimit: 0, population: 40, generations: 30, seed: 2)
    let evolutionary = try PortfolioSearch.search(space: problem.space, budget: budget, options: options) {
      $0.map(problem.score)
    }
    #expect(exhaustive.evaluated == 1728)
    #expect(evolutionary.evaluated < 1728)
    #expect(evolutionary.front == exhaustive.front)
  }

  @Test func evolutionarySearchEvaluatesEachPortfolioOnceInOneBatchPerGeneration() throws {
    let problem = AdditiveProblem.random(choices: [Int](repeating: 2, count: 16), seed: 23)
    let evaluator = RecordingEvaluator(problem)
    let options = PortfolioSearchOptions(population: 30, generations: 12, seed: 9)
    let result = try PortfolioSearch.search(
      space: problem.space, budget: 40, options: options, evaluate: evaluator.evaluate)
    #expect(result.method == .evolutionary(population: 30, generations: 12, seed: 9))
    #expect(evaluator.batches.count <= 13)
    #expect(Set(evaluator.evaluated).count == evaluator.evaluated.count)
    #expect(result.evaluated == evaluator.evaluated.count)
    // The first batch is the initial population: the empty plan and every single-candidate plan.
    let first = Set(evaluator.batches[0])
    #expect(evaluator.batches[0].count == 30)
    #expect(first.contains(Portfolio(genes: [Int](repeating: 0, count: 16))))
    for candidate in 0..<16 {
      #expect(first.contains(Portfolio(genes: (0..<16).map { $0 == candidate ? 1 : 0 })))
    }
  }

  @Test func evolutionarySearchIsReproducibleFromItsSeed() throws {
    let problem = AdditiveProblem.random(choices: [Int](repeating: 3, count: 14), seed: 29)
    func search(seed: UInt64) throws -> (PortfolioSearchResult, [[Portfolio]]) {
      let evaluator = RecordingEvaluator(problem)
      let options = PortfolioSearchOptions(population: 24, generations: 15, seed: seed)
      let result = try PortfolioSearch.search(
        space: problem.space, budget: 50, options: options, evaluate: evaluator.evaluate)
      return (result, evaluator.batches)
    }
    let (first, firstBatches) = try search(seed: 42)
    let (again, againBatches) = try search(seed: 42)
    let (other, otherBatches) = try search(seed: 43)
    #expect(firstBatches == againBatches)
    #expect(first.front == again.front && first.evaluated == again.evaluated)
    #expect(firstBatches != otherBatches)
    #expect(other.method == .evolutionary(population: 24, generations: 15, seed: 43))
  }

  @Test func evolutionarySearchFindsAPlantedOptimumAmongAMillionPortfolios() throws {
    let planted: Set = [1, 2, 5, 7, 9, 12, 13, 16, 18]
    let (problem, budget) = AdditiveProblem.planted(candidates: 20, planted: planted, seed: 8)
    let evaluator = RecordingEvaluator(problem)
    let result = try PortfolioSearch.search(
      space: problem.space, budget: budget, options: PortfolioSearchOptions(seed: 1), evaluate: evaluator.evaluate)
    guard case .evolutionary = result.method else {
      Issue.record("a space of 2^20 portfolios is searched by evolution, got \(result.method)")
      return
    }
    #expect(result.evaluated < 64 * 61)
    let best = try #require(ParetoFront.best(of: result.front))
    #expect(best.portfolio.genes == (0..<20).map { planted.contains($0) ? 1 : 0 })
  }

  @Test func populationIsRoundedUpToAnEvenNumberOfAtLeastTwo() {
    let search = NSGA2(space: PortfolioSpace(choices: [2, 2]), budget: nil, options: .init(population: 7))
    #expect(search.populationSize == 8)
    #expect(NSGA2(space: search.space, budget: nil, options: .init(population: 0)).populationSize == 2)
  }

  @Test func aSpaceSmallerThanThePopulationIsSearchedWithoutRepeats() throws {
    let problem = AdditiveProblem.random(choices: [2, 3], seed: 1)
    let evaluator = RecordingEvaluator(problem)
    let result = try PortfolioSearch.search(
      space: problem.space, budget: nil, options: .init(exhaustiveLimit: 0, population: 16, generations: 3),
      evaluate: evaluator.evaluate)
    #expect(result.evaluated == 6)
    #expect(Set(evaluator.evaluated).count == 6)
    let exhaustive = try PortfolioSearch.search(space: problem.space, budget: nil) { $0.map(problem.score) }
    #expect(result.front == exhaustive.front)
  }
}
