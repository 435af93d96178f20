import Foundation
import Stochastics

/// Reads and validates a model file (docs/file-formats.md, "Model files").
enum ModelFile {
  static let topKeys = [
    "model", "description", "catalogue", "indicators", "shock_correlation", "disruption",
    "policies", "index", "estimates",
  ]
  static let stockKeys = ["kind", "offset", "annual_addition", "yearly", "rubric"]
  static let responseKeys = ["kind", "offset", "drift", "shock", "exposure", "drivers", "rubric"]

  /// The model in `file`, or nil when it could not be built; every problem goes to `diagnostics`.
  static func read(
    _ file: SourceFile, referencedAt reference: SourceLocation? = nil, catalogue bundled: IndicatorCatalogue,
    diagnostics: Diagnostics
  ) -> Model? {
    guard let tree = YAMLTree.load(file, referencedAt: reference, diagnostics: diagnostics) else { return nil }
    return read(tree, file: file, catalogue: bundled, diagnostics: diagnostics)
  }

  static func read(
    _ tree: YAMLTree, file: SourceFile, catalogue bundled: IndicatorCatalogue, diagnostics: Diagnostics
  ) -> Model? {
    let problemsBefore = diagnostics.problems.count
    let notesBefore = diagnostics.notes.count
    guard let top = MappingReader(tree, what: "a model file", allowedKeys: topKeys, diagnostics: diagnostics) else {
      return nil
    }
    var sourceFiles = [file.url]

    var catalogue = bundled
    if let catalogueTree = top["catalogue"] {
      for pathTree in pathList(catalogueTree, what: "catalogue files", diagnostics: diagnostics) {
        guard let path = diagnostics.text(pathTree, what: "a file path") else { continue }
        let extra = pathTree.location.file.resolving(path)
        catalogue = catalogue.extended(with: extra, referencedAt: pathTree.location, diagnostics: diagnostics)
        sourceFiles.append(extra.url)
      }
    }

    let id = top.required("model").flatMap { diagnostics.text($0, what: "a model id") } ?? ""
    let description = top["description"].flatMap { diagnostics.text($0, what: "a description") } ?? ""
    let reader = IndicatorsReader(catalogue: catalogue, diagnostics: diagnostics)
    let indicators = top.required("indicators").map { reader.read($0) } ?? []
    // Every indicator the file puts in play counts as in play, even one whose equation has a
    // problem, so that one mistake is not reported again wherever the indicator is named.
    let play = PlaySet(declared: reader.declared, catalogue: catalogue)
    reader.checkDrivers(indicators, play: play)

    let correlations =
      top["shock_correlation"].map { shockCorrelations($0, play: play, diagnostics: diagnostics) } ?? []
    let disruption = top["disruption"].flatMap { self.disruption($0, diagnostics: diagnostics) }
    let policies = top["policies"].map { self.policies($0, play: play, diagnostics: diagnostics) } ?? []
    let index = top["index"].map { IndexReader(play: play, diagnostics: diagnostics).read($0) } ?? IndexSpecification()

    var estimates: [EstimateSet] = []
    if let estimatesTree = top["estimates"] {
      var seen: [String: SourceLocation] = [:]
      for pathTree in pathList(estimatesTree, what: "estimate files", diagnostics: diagnostics) {
        guard let path = diagnostics.text(pathTree, what: "a file path") else { continue }
        let estimateFile = pathTree.location.file.resolving(path)
        sourceFiles.append(estimateFile.url)
        guard
          let (set, location) = EstimateFile.read(
            estimateFile, referencedAt: pathTree.location, play: play, indicators: indicators, diagnostics: diagnostics)
        else { continue }
        if let first = seen[set.response] {
          diagnostics.error(
            "a second estimate set for '\(set.response)' (the first is in \(first.file.displayPath)); give one "
              + "per response",
            at: location)
          continue
        }
        seen[set.response] = location
        estimates.append(set)
      }
    }

    for indicator in indicators where index.goalposts[indicator.id] == nil {
      diagnostics.note(
        "'\(indicator.id)' has no goalposts and does not enter the index",
        at: reader.locations[indicator.id] ?? top.mapping.location)
    }
    guard diagnostics.problems.count == problemsBefore else { return nil }
    var model = Model(
      id: id, description: description, indicators: indicators, shockCorrelations: correlations,
      disruption: disruption, policies: policies, index: index, estimates: estimates,
      catalogue: catalogue, sourceFiles: sourceFiles)
    model.notes = Array(diagnostics.notes[notesBefore...])
    model.sourceDigests = diagnostics.digests.filter { sourceFiles.contains($0.key) }
    return model
  }

  /// A path or a list of paths.
  static func pathList(_ tree: YAMLTree, what: String, diagnostics: Diagnostics) -> [YAMLTree] {
    if case .scalar = tree { return [tree] }
    return diagnostics.list(tree, what: what) ?? []
  }

  // MARK: - Shock process

  private static func shockCorrelations(_ tree: YAMLTree, play: PlaySet, diagnostics: Diagnostics) -> [ShockCorrelation]
  {
    guard let items = diagnostics.list(tree, what: "shock correlations") else { return [] }
    var correlations: [ShockCorrelation] = []
    var seen: [Set<String>: Int] = [:]
    for item in items {
      guard let triple = diagnostics.list(item, what: "a correlation [first, second, value]"), triple.count == 3 else {
        if case .sequence = item {
          diagnostics.error(
            "expected a correlation as [first, second, value], e.g. [retail_sales, tourism_spending, 0.6]",
            at: item.location)
        }
        continue
      }
      let first = play.response(triple[0], diagnostics: diagnostics, purpose: "shock correlations")
      let second = play.response(triple[1], diagnostics: diagnostics, purpose: "shock correlations")
      var value = diagnostics.number(triple[2], what: "a correlation")
      if let v = value, !(-1...1).contains(v) {
        diagnostics.error("a correlation must lie in [-1, 1] (got \(formatNumber(v)))", at: triple[2].location)
        value = nil
      }
      guard let first, let second, let value else { continue }
      if first == second {
        diagnostics.error("a shock is correlated with itself: name two different responses", at: item.location)
        continue
      }
      if let line = seen[[first, second]] {
        diagnostics.error(
          "the correlation of \(first) and \(second) is given twice (first at line \(line))", at: item.location)
        continue
      }
      seen[[first, second]] = item.location.line ?? 0
      correlations.append(ShockCorrelation(first: first, second: second, correlation: value))
    }
    if !correlations.isEmpty {
      let ids = Array(Set(correlations.flatMap { [$0.first, $0.second] })).sorted { play.order[$0]! < play.order[$1]! }
      let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
      var matrix = (0..<ids.count).map { i in (0..<ids.count).map { j in i == j ? 1.0 : 0.0 } }
      for c in correlations {
        matrix[position[c.first]!][position[c.second]!] = c.correlation
        matrix[position[c.second]!][position[c.first]!] = c.correlation
      }
      if !isPositiveDefinite(matrix) {
        diagnostics.error(
          "the shock correlations are not positive definite (over \(ids.joined(separator: ", "))): no set of "
            + "shocks can have them; iccsim does not repair this — lower some correlations or remove one",
          at: tree.location)
      }
    }
    return correlations
  }

  private static func disruption(_ tree: YAMLTree, diagnostics: Diagnostics) -> Disruption? {
    guard
      let reader = MappingReader(
        tree, what: "a disruption", allowedKeys: ["probability", "size"], diagnostics: diagnostics)
    else { return nil }
    let probability = reader.required("probability").flatMap {
      diagnostics.bounded($0, what: "a probability", lower: 0, upper: 1)
    }
    let size = reader.required("size").flatMap { diagnostics.distribution($0, what: "a disruption size") }
    guard let probability, let size else { return nil }
    return Disruption(probability: probability, size: size)
  }

  // MARK: - Policies

  private static func policies(_ tree: YAMLTree, play: PlaySet, diagnostics: Diagnostics) -> [Policy] {
    guard case .mapping(let mapping) = tree else {
      diagnostics.error(
        "expected policies as a mapping of policy ids to policies, found \(tree.kindDescription)", at: tree.location)
      return []
    }
    var policies: [Policy] = []
    for entry in mapping.entries {
      let (key, body) = (entry.key, entry.value)
      guard let id = IndicatorFile.identifier(.scalar(key), diagnostics: diagnostics),
        let policy = MappingReader(
          body, what: "policy '\(key.text)'", allowedKeys: ["name", "effects"], diagnostics: diagnostics)
      else { continue }
      let name =
        policy["name"].flatMap { diagnostics.localizedText($0, what: "a policy name") } ?? LocalizedText(zh: id, en: id)
      var effects: [PolicyEffect] = []
      var seen: Set<String> = []
      for item in policy.required("effects").flatMap({ diagnostics.list($0, what: "policy effects") }) ?? [] {
        guard
          let effect = MappingReader(
            item, what: "a policy effect", allowedKeys: ["indicator", "effect"], diagnostics: diagnostics)
        else { continue }
        let indicator = effect.required("indicator").flatMap {
          play.response($0, diagnostics: diagnostics, purpose: "policy effects")
        }
        let value = effect.required("effect").flatMap { diagnostics.distribution($0, what: "a policy effect") }
        guard let indicator, let value else { continue }
        if !seen.insert(indicator).inserted {
          diagnostics.error(
            "policy '\(id)' affects \(indicator) twice: give one effect per indicator", at: item.location)
          continue
        }
        effects.append(PolicyEffect(indicator: indicator, effect: value))
      }
      policies.append(Policy(id: id, name: name, effects: effects))
    }
    return policies
  }
}

/// The indicators in play, for checking references to them.
struct PlaySet {
  var roles: [String: IndicatorRole]
  var order: [String: Int]
  var catalogue: IndicatorCatalogue

  /// Indicators in play and their roles, in model order.
  init(declared: [(id: String, role: IndicatorRole)], catalogue: IndicatorCatalogue) {
    roles = Dictionary(declared.map { ($0.id, $0.role) }, uniquingKeysWith: { a, _ in a })
    order = Dictionary(declared.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    self.catalogue = catalogue
  }

  init(indicators: [ModelIndicator], catalogue: IndicatorCatalogue) {
    self.init(
      declared: indicators.map { indicator in
        switch indicator.role {
        case .stock: (indicator.id, IndicatorRole.stock)
        case .response: (indicator.id, IndicatorRole.response)
        }
      }, catalogue: catalogue)
  }

  /// An id that must name an indicator in play (of `role`, when given); the message says what is wrong.
  func indicator(_ tree: YAMLTree, role: IndicatorRole? = nil, diagnostics: Diagnostics, purpose: String) -> String? {
    guard let id = diagnostics.text(tree, what: "an indicator id") else { return nil }
    guard let actual = roles[id] else {
      if catalogue[id] != nil {
        diagnostics.error(
          "'\(id)' is not in play in this model: add it under indicators to use it in \(purpose)", at: tree.location)
      } else {
        diagnostics.error("unknown indicator '\(id)'\(didYouMean(id, among: catalogue.ids))", at: tree.location)
      }
      return nil
    }
    if let role, role != actual {
      diagnostics.error("'\(id)' is a \(actual.rawValue), but \(purpose) need a \(role.rawValue)", at: tree.location)
      return nil
    }
    return id
  }

  func response(_ tree: YAMLTree, diagnostics: Diagnostics, purpose: String) -> String? {
    indicator(tree, role: .response, diagnostics: diagnostics, purpose: purpose)
  }
}

/// Checks a value in an indicator's natural units against its scale: a `logit` score lies in
/// (0, 100), a `log` quantity is > 0, a `count` is ≥ 0.
func scaleProblem(_ value: Double, of indicator: Indicator) -> String? {
  switch indicator.scale {
  case .logit where !(value > 0 && value < 100):
    "\(indicator.id) is a 0–100 score and must lie strictly between 0 and 100 (got \(formatNumber(value)))"
  case .log where !(value > 0):
    "\(indicator.id) is modelled in logs and must be > 0 (got \(formatNumber(value)))"
  case .count where value < 0:
    "\(indicator.id) is a count and must be ≥ 0 (got \(formatNumber(value)))"
  default:
    nil
  }
}
