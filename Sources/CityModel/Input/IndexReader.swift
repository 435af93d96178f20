import Stochastics

/// Reads the `index:` section of a model: aggregation, weights and goalposts.
struct IndexReader {
  let play: PlaySet
  let diagnostics: Diagnostics

  func read(_ tree: YAMLTree) -> IndexSpecification {
    var specification = IndexSpecification()
    guard
      let reader = MappingReader(
        tree, what: "the index",
        allowedKeys: ["aggregation", "normalisation", "dimension_weights", "indicator_weights", "goalposts"],
        diagnostics: diagnostics)
    else { return specification }
    let normalisation = reader["normalisation"].flatMap(self.normalisation) ?? .transformed
    if let aggregationTree = reader["aggregation"], let text = diagnostics.text(aggregationTree) {
      if let aggregation = IndexSpecification.Aggregation(rawValue: text) {
        specification.aggregation = aggregation
      } else {
        diagnostics.error(
          "aggregation must be arithmetic or geometric (got "
            + "'\(text)')\(didYouMean(text, among: ["arithmetic", "geometric"]))",
          at: aggregationTree.location)
      }
    }
    if let weightsTree = reader["dimension_weights"],
      let weights = MappingReader(
        weightsTree, what: "dimension weights", allowedKeys: Dimension.allCases.map(\.rawValue),
        diagnostics: diagnostics)
    {
      for entry in weights.mapping.entries {
        let (key, value) = (entry.key, entry.value)
        guard let dimension = Dimension(rawValue: key.text),
          let weight = diagnostics.bounded(value, what: "a weight", lower: 0)
        else { continue }
        specification.dimensionWeights[dimension] = weight
      }
    }
    if let weightsTree = reader["indicator_weights"] {
      for entry in entries(weightsTree, what: "indicator weights") {
        let (key, value) = (entry.key, entry.value)
        guard let id = play.indicator(.scalar(key), diagnostics: diagnostics, purpose: "indicator weights"),
          let weight = diagnostics.bounded(value, what: "a weight", lower: 0)
        else { continue }
        specification.indicatorWeights[id] = weight
      }
    }
    if let goalpostsTree = reader["goalposts"] {
      for entry in entries(goalpostsTree, what: "goalposts") {
        let (key, value) = (entry.key, entry.value)
        guard let id = play.indicator(.scalar(key), diagnostics: diagnostics, purpose: "goalposts"),
          let goalpost = self.goalpost(value, indicator: play.catalogue[id]!, normalisation: normalisation)
        else { continue }
        specification.goalposts[id] = goalpost
      }
    }
    return specification
  }

  private func entries(_ tree: YAMLTree, what: String) -> [YAMLMapping.Entry] {
    guard case .mapping(let mapping) = tree else {
      diagnostics.error(
        "expected \(what) as a mapping of indicator ids to values, found \(tree.kindDescription)", at: tree.location)
      return []
    }
    return mapping.entries
  }

  /// `linear` or `transformed`; nil, with the problem recorded, for anything else.
  private func normalisation(_ tree: YAMLTree) -> Normalisation? {
    guard let text = diagnostics.text(tree) else { return nil }
    guard let normalisation = Normalisation(rawValue: text) else {
      let known = Normalisation.allCases.map(\.rawValue)
      diagnostics.error(
        "normalisation must be linear (min–max on natural units) or transformed (min–max in the modelling "
          + "space) (got '\(text)')\(didYouMean(text, among: known))",
        at: tree.location)
      return nil
    }
    return normalisation
  }

  /// One indicator's goalposts; `normalisation` is the index's, unless the entry names its own.
  private func goalpost(_ tree: YAMLTree, indicator: Indicator, normalisation: Normalisation) -> Goalpost? {
    guard
      let reader = MappingReader(
        tree, what: "goalposts", allowedKeys: ["low", "high", "normalisation"], diagnostics: diagnostics)
    else { return nil }
    let normalisation = reader["normalisation"].map(self.normalisation) ?? normalisation
    let low = reader.required("low").flatMap { diagnostics.distribution($0, what: "a low goalpost") }
    let high = reader.required("high").flatMap { diagnostics.distribution($0, what: "a high goalpost") }
    guard let low, let high else { return nil }
    var valid = true
    for (distribution, key) in [(low, "low"), (high, "high")] {
      let support = distribution.valueBounds
      guard support.lower.isFinite && support.upper.isFinite else {
        diagnostics.error(
          "goalpost \(key): an uncertain goalpost needs a bounded distribution (uniform, triangular, pert, beta "
            + "or discrete), so that every draw is a valid bound",
          at: reader[key]!.location)
        valid = false
        continue
      }
      if let problem = scaleProblem(support.lower, of: indicator) ?? scaleProblem(support.upper, of: indicator) {
        diagnostics.error("goalpost \(key): \(problem)", at: reader[key]!.location)
        valid = false
      }
    }
    let lowest = low.valueBounds, highest = high.valueBounds
    if valid && lowest.upper >= highest.lower {
      let found =
        low.isFixed && high.isFixed
        ? "got low \(formatNumber(lowest.upper)), high \(formatNumber(highest.lower))"
        : "low reaches \(formatNumber(lowest.upper)), high starts at \(formatNumber(highest.lower))"
      diagnostics.error(
        "goalposts need low < high in every draw (\(found)); for an indicator where lower is better, keep low < "
          + "high: the index reverses it",
        at: tree.location)
      valid = false
    }
    guard let normalisation else { return nil }
    return valid ? Goalpost(low: low, high: high, normalisation: normalisation) : nil
  }
}
