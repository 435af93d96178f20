import Foundation
import Stochastics

/// Reads and validates an options file of `iccsim optimise` (docs/optimise.md, "The options file").
enum PortfolioOptionsFile {
  /// `base` names the scenario the options are written for, for `iccsim validate`; optimise
  /// checks them against the BASE it is given.
  static let topKeys = ["base", "candidates", "budget", "objective"]
  static let alternativeKeys = ["starts", "scales"]
  static let budgetKeys = ["limit", "measure"]
  static let objectiveKeys = ["targets", "quantile", "of", "year"]
  static let maximumObjectives = 2

  static func read(_ file: SourceFile, base: Scenario, diagnostics: Diagnostics) -> PortfolioOptions? {
    guard let tree = YAMLTree.load(file, diagnostics: diagnostics),
      let top = MappingReader(tree, what: "an options file", allowedKeys: topKeys, diagnostics: diagnostics)
    else { return nil }
    let problemsBefore = diagnostics.problems.count
    var candidates: [PortfolioCandidate] = []
    if let list = top.required("candidates").flatMap({ diagnostics.list($0, what: "candidates") }) {
      if list.isEmpty { diagnostics.error("expected at least one candidate", at: top.location(of: "candidates")) }
      var seen: [String: Int] = [:]
      let baseIds = Set(base.interventions.map(\.id))
      for item in list {
        guard let candidate = candidate(item, base: base, diagnostics: diagnostics) else { continue }
        if let line = seen[candidate.id] {
          diagnostics.error("candidate id '\(candidate.id)' is used twice (first at line \(line))", at: item.location)
        } else if baseIds.contains(candidate.id) {
          diagnostics.error(
            "candidate id '\(candidate.id)' is an intervention of the base scenario already; a plan adds to the "
              + "base, so give the candidate another id",
            at: item.location)
        }
        seen[candidate.id] = seen[candidate.id] ?? item.location.line ?? 0
        candidates.append(candidate)
      }
    }
    let budget = top["budget"].map { self.budget($0, diagnostics: diagnostics) } ?? PortfolioBudget(limit: nil)
    let objectives = top["objective"].map { self.objectives($0, base: base, diagnostics: diagnostics) } ?? []
    guard diagnostics.problems.count == problemsBefore, let budget else { return nil }
    return PortfolioOptions(candidates: candidates, budget: budget, objectives: objectives)
  }

  // MARK: - Candidates

  /// A candidate: the keys of a scenario intervention, read by the scenario reader, plus
  /// `starts` (replacing `start`) and `scales`.
  private static func candidate(_ tree: YAMLTree, base: Scenario, diagnostics: Diagnostics) -> PortfolioCandidate? {
    let allowed = ScenarioFile.interventionKeys + alternativeKeys
    guard let reader = MappingReader(tree, what: "a candidate", allowedKeys: allowed, diagnostics: diagnostics) else {
      return nil
    }
    var entries = reader.mapping.entries.filter { ScenarioFile.interventionKeys.contains($0.key.text) }
    let startsTree = reader["starts"]
    var starts: [Int]?
    if let startsTree {
      if reader["start"] != nil {
        diagnostics.error(
          "a candidate has start or starts (the alternatives), not both", at: reader.location(of: "starts"))
        return nil
      }
      guard let list = diagnostics.list(startsTree, what: "start years"), let first = list.first else {
        if case .sequence = startsTree {
          diagnostics.error("expected at least one start year", at: startsTree.location)
        }
        return nil
      }
      // The scenario reader checks the first start as it checks any; the others are checked below.
      let startKey = YAMLScalar(text: "start", isPlain: true, location: first.location)
      entries.append(YAMLMapping.Entry(key: startKey, value: first))
      starts = list.compactMap { diagnostics.integer($0, what: "a start year (a calendar year)") }
      guard starts?.count == list.count else { return nil }
    }
    let interventionTree = YAMLTree.mapping(YAMLMapping(entries: entries, location: reader.mapping.location))
    let model = base.model
    guard
      let intervention = ScenarioFile.intervention(
        interventionTree, model: model, play: PlaySet(indicators: model.indicators, catalogue: model.catalogue),
        baseYear: base.baseYear, diagnostics: diagnostics)
    else { return nil }
    let startList = starts ?? [intervention.start]
    let startLocations = (startsTree.flatMap { diagnostics.list($0, what: "start years") } ?? []).map(\.location)
    let lastYear = base.baseYear + base.horizon
    var problems = false
    for (k, start) in startList.enumerated() {
      let location = k < startLocations.count ? startLocations[k] : reader.location(of: "start")
      if !(base.baseYear + 1...lastYear).contains(start) {
        diagnostics.error(
          "a start year must lie in the projection \(base.baseYear + 1)…\(lastYear) (got \(start))", at: location)
        problems = true
      } else if startList[..<k].contains(start) {
        diagnostics.error("start \(start) is listed twice", at: location)
        problems = true
      }
    }
    let scales = reader["scales"].map { self.scales($0, of: intervention, diagnostics: diagnostics) } ?? [1]
    guard !problems, let scales else { return nil }
    return PortfolioCandidate(intervention: intervention, starts: startList, scales: scales)
  }

  /// The scales of a candidate: positive numbers, each applicable to its amounts and cost.
  private static func scales(_ tree: YAMLTree, of intervention: Intervention, diagnostics: Diagnostics) -> [Double]? {
    guard let list = diagnostics.list(tree, what: "scales") else { return nil }
    guard !list.isEmpty else {
      diagnostics.error("expected at least one scale", at: tree.location)
      return nil
    }
    var scales: [Double] = []
    for item in list {
      guard let scale = diagnostics.number(item, what: "a scale") else { return nil }
      guard scale > 0 else {
        diagnostics.error("a scale must be > 0 (got \(formatNumber(scale)))", at: item.location)
        return nil
      }
      if scales.contains(scale) {
        diagnostics.error("scale \(formatNumber(scale)) is listed twice", at: item.location)
        return nil
      }
      if scale != 1, let reason = unscalable(intervention) {
        diagnostics.error("candidate '\(intervention.id)' cannot be scaled: \(reason)", at: item.location)
        return nil
      }
      scales.append(scale)
    }
    return scales
  }

  /// Why scaling does not apply to an intervention, or nil when it does.
  private static func unscalable(_ intervention: Intervention) -> String? {
    switch intervention.action {
    case .policy(let policy):
      return "'\(policy)' is a policy, adopted or not (its effect is the model's); scales apply to stock "
        + "additions: give a policy candidate starts only"
    case .addToStocks(let additions):
      for addition in additions where addition.amount.scaled(by: 2) == nil {
        return "the amount added to \(addition.indicator) is a Poisson distribution, which a scale does not keep "
          + "Poisson; write the amount in another family"
      }
      if intervention.cost.scaled(by: 2) == nil {
        return "its cost is a Poisson distribution, which a scale does not keep Poisson; write the cost in another "
          + "family"
      }
      return nil
    }
  }

  // MARK: - Budget and objectives

  private static func budget(_ tree: YAMLTree, diagnostics: Diagnostics) -> PortfolioBudget? {
    guard let reader = MappingReader(tree, what: "a budget", allowedKeys: budgetKeys, diagnostics: diagnostics) else {
      return nil
    }
    var limit: Double?
    if let limitTree = reader.required("limit") {
      limit = diagnostics.number(limitTree, what: "a budget limit (亿元)")
      if let value = limit, value <= 0 {
        diagnostics.error("a budget limit must be > 0 亿元 (got \(formatNumber(value)))", at: limitTree.location)
        return nil
      }
    }
    var measure = PortfolioBudget.Measure.mean
    if let measureTree = reader["measure"], let text = diagnostics.text(measureTree, what: "a budget measure") {
      guard let parsed = PortfolioBudget.Measure(rawValue: text) else {
        diagnostics.error("unknown budget measure '\(text)' (expected mean or p90)", at: measureTree.location)
        return nil
      }
      measure = parsed
    }
    guard let limit else { return nil }
    return PortfolioBudget(limit: limit, measure: measure)
  }

  /// One objective as a mapping, or a list of at most two.
  private static func objectives(_ tree: YAMLTree, base: Scenario, diagnostics: Diagnostics) -> [PortfolioObjective] {
    let items: [YAMLTree]
    if case .sequence(let sequence) = tree {
      items = sequence.items
      guard (1...maximumObjectives).contains(items.count) else {
        diagnostics.error("expected one or two objectives (got \(items.count))", at: tree.location)
        return []
      }
    } else {
      items = [tree]
    }
    return items.compactMap { objective($0, base: base, diagnostics: diagnostics) }
  }

  /// `{targets: all}`, `{targets: [OUTPUT:YEAR, …]}` or `{quantile: P, of: OUTPUT, year: YEAR}`.
  private static func objective(_ tree: YAMLTree, base: Scenario, diagnostics: Diagnostics) -> PortfolioObjective? {
    guard let reader = MappingReader(tree, what: "an objective", allowedKeys: objectiveKeys, diagnostics: diagnostics)
    else { return nil }
    let objective: PortfolioObjective
    switch (reader["targets"], reader["quantile"]) {
    case (let targetsTree?, nil):
      if let key = ["of", "year"].first(where: { reader[$0] != nil }) {
        diagnostics.error("'\(key)' belongs to a quantile objective", at: reader.location(of: key))
        return nil
      }
      if case .scalar(let scalar) = targetsTree, scalar.text == "all" {
        objective = .targetsMet(ids: nil)
      } else if case .sequence(let sequence) = targetsTree {
        let ids = sequence.items.compactMap { diagnostics.text($0, what: "a target id (OUTPUT:YEAR)") }
        guard ids.count == sequence.items.count else { return nil }
        objective = .targetsMet(ids: ids)
      } else {
        diagnostics.error(
          "expected targets: all, or a list of target ids like [index:2033], found \(targetsTree.kindDescription)",
          at: targetsTree.location)
        return nil
      }
    case (nil, let quantileTree?):
      guard let probability = diagnostics.number(quantileTree, what: "a quantile's probability"),
        let output = reader.required("of").flatMap({ diagnostics.text($0, what: "an output id") }),
        let year = reader.required("year").flatMap({ diagnostics.integer($0, what: "a year") })
      else { return nil }
      objective = .quantile(probability: probability, output: output, year: year)
    case (nil, nil):
      diagnostics.error(
        "an objective needs targets (e.g. {targets: all}) or quantile (e.g. {quantile: 0.1, of: index, year: 2030})",
        at: tree.location)
      return nil
    case (_?, _?):
      diagnostics.error(
        "an objective has targets or quantile, not both: write two", at: reader.location(of: "quantile"))
      return nil
    }
    if let problem = objective.problem(in: base) {
      diagnostics.error(problem, at: tree.location)
      return nil
    }
    return objective
  }
}
