import Stochastics

/// Reads the `indicators:` mapping of a model file: each indicator in play with its equation.
final class IndicatorsReader {
  let catalogue: IndicatorCatalogue
  let diagnostics: Diagnostics
  /// Each catalogue indicator the file puts in play and its role, whether or not its equation is valid.
  private(set) var declared: [(id: String, role: IndicatorRole)] = []
  /// Where each indicator in play is written, for messages about it as a whole.
  private(set) var locations: [String: SourceLocation] = [:]
  /// Where each driver edge is written, keyed by response, then by position in its list.
  private(set) var driverLocations: [String: [SourceLocation]] = [:]
  private var driverTrees: [String: [(from: String, tree: YAMLTree, lag: Int)]] = [:]

  init(catalogue: IndicatorCatalogue, diagnostics: Diagnostics) {
    self.catalogue = catalogue
    self.diagnostics = diagnostics
  }

  func read(_ tree: YAMLTree) -> [ModelIndicator] {
    guard case .mapping(let mapping) = tree else {
      diagnostics.error(
        "expected indicators as a mapping of indicator ids to their equations, found \(tree.kindDescription)",
        at: tree.location)
      return []
    }
    var indicators: [ModelIndicator] = []
    for entry in mapping.entries {
      let (key, body) = (entry.key, entry.value)
      guard let indicator = catalogue[key.text] else {
        diagnostics.error(
          "unknown indicator '\(key.text)'\(didYouMean(key.text, among: catalogue.ids))", at: key.location)
        continue
      }
      locations[indicator.id] = key.location
      if let parsed = read(body, indicator: indicator) { indicators.append(parsed) }
    }
    if mapping.entries.isEmpty {
      diagnostics.error("a model needs at least one indicator in play", at: tree.location)
    }
    return indicators
  }

  private func read(_ body: YAMLTree, indicator: Indicator) -> ModelIndicator? {
    // The role comes from `kind`, else from the catalogue's default role.
    var role = indicator.defaultRole
    if case .mapping(let mapping) = body, let kindTree = mapping["kind"] {
      guard let kind = IndicatorFile.choice(kindTree, IndicatorRole.self, diagnostics: diagnostics) else { return nil }
      role = kind
      declared.append((indicator.id, role))
      if kind == .stock && indicator.scale == .logit {
        diagnostics.error(
          "\(indicator.id) is a 0–100 score and cannot be a stock; use kind: response", at: kindTree.location)
        return nil
      }
      if kind == .response && indicator.scale == .count {
        diagnostics.error(
          "\(indicator.id) is a count (a stock moved by accounting); a response needs a log or logit scale",
          at: kindTree.location)
        return nil
      }
    }
    if declared.last?.id != indicator.id { declared.append((indicator.id, role)) }
    let what = "\(indicator.id) (a \(role.rawValue))"
    guard
      let reader = MappingReader(
        body, what: what, allowedKeys: role == .stock ? ModelFile.stockKeys : ModelFile.responseKeys,
        diagnostics: diagnostics)
    else { return nil }
    let rubric = reader["rubric"].flatMap { diagnostics.text($0, what: "a rubric") }
    var offset = 1.0
    if let offsetTree = reader["offset"] {
      if indicator.scale != .count {
        diagnostics.error(
          "offset applies to count-scale indicators; \(indicator.id) is \(indicator.scale.rawValue)-scale",
          at: offsetTree.location)
      } else if let value = diagnostics.number(offsetTree, what: "an offset") {
        if value < 1 {
          diagnostics.error("offset c in ln(X + c) must be ≥ 1 (got \(formatNumber(value)))", at: offsetTree.location)
        }
        offset = value
      }
    }
    switch role {
    case .stock:
      let addition =
        reader["annual_addition"].map { diagnostics.distribution($0, what: "an annual addition") } ?? .fixed(0)
      let yearly = reader["yearly"].map(yearlyVariation) ?? YearlyVariation.none
      guard let addition, let yearly else { return nil }
      let stock = Stock(annualAddition: addition, yearly: yearly)
      return ModelIndicator(id: indicator.id, role: .stock(stock), offset: offset, rubric: rubric)
    case .response:
      let drift = reader["drift"].map { diagnostics.distribution($0, what: "a drift") } ?? .fixed(0)
      var shockSD: Distribution? = .fixed(0)
      var autoregression: Distribution? = .fixed(0)
      if let shockTree = reader["shock"],
        let shock = MappingReader(shockTree, what: "a shock", allowedKeys: ["sd", "ar"], diagnostics: diagnostics)
      {
        shockSD = shock["sd"].map { diagnostics.bounded($0, what: "a shock sd", lower: 0) } ?? .fixed(0)
        autoregression =
          shock["ar"].map {
            diagnostics.bounded(
              $0, what: "an AR(1) coefficient", lower: -1, upper: 1, strictLower: true, strictUpper: true)
          } ?? .fixed(0)
      }
      let exposure = reader["exposure"].map { diagnostics.distribution($0, what: "an exposure") } ?? .fixed(0)
      let drivers = reader["drivers"].map { self.drivers($0, response: indicator.id) } ?? []
      guard let drift, let shockSD, let autoregression, let exposure, let drivers else { return nil }
      let response = Response(
        drift: drift, shockSD: shockSD, autoregression: autoregression, exposure: exposure, drivers: drivers)
      return ModelIndicator(id: indicator.id, role: .response(response), offset: offset, rubric: rubric)
    }
  }

  /// `yearly: none`, `yearly: poisson` or `yearly: {sd: s}` (s a non-negative number or distribution).
  private func yearlyVariation(_ tree: YAMLTree) -> YearlyVariation? {
    if case .mapping = tree {
      guard let reader = MappingReader(tree, what: "a yearly variation", allowedKeys: ["sd"], diagnostics: diagnostics),
        let sd = reader.required("sd").flatMap({ diagnostics.bounded($0, what: "a yearly sd", lower: 0) })
      else { return nil }
      return .normal(sd: sd)
    }
    guard let text = diagnostics.text(tree, what: "a yearly variation (none, poisson or {sd: s})") else { return nil }
    switch text {
    case "none": return YearlyVariation.none
    case "poisson": return .poisson
    default:
      diagnostics.error(
        "expected a yearly variation: none, poisson or {sd: s}, found "
          + "'\(excerpt(text))'\(didYouMean(text, among: ["none", "poisson"]))",
        at: tree.location)
      return nil
    }
  }

  private func drivers(_ tree: YAMLTree, response: String) -> [Driver]? {
    guard let items = diagnostics.list(tree, what: "drivers") else { return nil }
    var drivers: [Driver] = []
    var ok = true
    for item in items {
      guard
        let reader = MappingReader(
          item, what: "a driver", allowedKeys: ["from", "elasticity", "lag"], diagnostics: diagnostics)
      else {
        ok = false
        continue
      }
      let fromTree = reader.required("from")
      let from = fromTree.flatMap { diagnostics.text($0, what: "a driver id") }
      let elasticity = reader.required("elasticity").flatMap { diagnostics.distribution($0, what: "an elasticity") }
      let lag = reader["lag"].map { diagnostics.lag($0) } ?? 0
      guard let fromTree, let from, let elasticity, let lag else {
        ok = false
        continue
      }
      if let twin = driverTrees[response, default: []].first(where: { $0.from == from && $0.lag == lag }) {
        diagnostics.error(
          "\(from) at lag \(lag) drives \(response) twice (first at line \(twin.tree.location.line ?? 0))",
          at: item.location)
        ok = false
        continue
      }
      driverTrees[response, default: []].append((from, fromTree, lag))
      driverLocations[response, default: []].append(item.location)
      drivers.append(Driver(from: from, elasticity: elasticity, lag: lag))
    }
    return ok ? drivers : nil
  }

  /// Checks, once every indicator is known, that each driver is in play and that no cycle runs
  /// through lag-0 edges.
  func checkDrivers(_ indicators: [ModelIndicator], play: PlaySet) {
    for (response, edges) in driverTrees {
      for edge in edges {
        _ = play.indicator(edge.tree, diagnostics: diagnostics, purpose: "the drivers of \(response)")
      }
    }
    let graph = DriverGraph(indicators)
    for cycle in graph.lagZeroCycles() {
      let response = cycle[1]
      let position = graph.edgePosition(from: cycle[0], to: response)
      let location = position.flatMap { driverLocations[response]?[$0] } ?? locations[response]
      guard let location else { continue }
      diagnostics.error(
        "a cycle through lag-0 drivers: \(cycle.joined(separator: " → ")); give one of its edges a lag ≥ 1",
        at: location)
    }
  }
}
