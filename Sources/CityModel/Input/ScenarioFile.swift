import Foundation
import Stochastics

/// Reads and validates a scenario file (docs/file-formats.md, "Scenario files").
enum ScenarioFile {
  static let topKeys = [
    "scenario", "extends", "title", "city", "base_year", "horizon", "runs", "seed", "model",
    "baseline", "values", "interventions", "targets",
  ]
  static let interventionKeys = ["id", "name", "adds", "policy", "start", "ramp", "delay", "cost"]
  static let targetKeys = ["indicator", "year", "at_least", "at_most"]
  static let defaultHorizon = 10
  static let defaultRuns = 10_000
  static let defaultSeed: UInt64 = 1

  static func read(_ file: SourceFile, catalogue: IndicatorCatalogue, diagnostics: Diagnostics) -> Scenario? {
    var files: [SourceFile] = []
    guard let tree = ExtendsResolver.load(file, diagnostics: diagnostics, files: &files) else { return nil }
    return read(tree, files: files, catalogue: catalogue, diagnostics: diagnostics)
  }

  /// A scenario from its merged tree (`extends` already resolved).
  static func read(
    _ tree: YAMLTree, files: [SourceFile], catalogue: IndicatorCatalogue, diagnostics: Diagnostics
  ) -> Scenario? {
    let problemsBefore = diagnostics.problems.count
    let notesBefore = diagnostics.notes.count
    guard let top = MappingReader(tree, what: "a scenario file", allowedKeys: topKeys, diagnostics: diagnostics) else {
      return nil
    }
    var sourceFiles = files.map(\.url)

    let id = top.required("scenario").flatMap { diagnostics.text($0, what: "a scenario id") } ?? ""
    let title = top["title"].flatMap { diagnostics.localizedText($0, what: "a title") } ?? LocalizedText(zh: id, en: id)
    let city = top.required("city").flatMap { diagnostics.text($0, what: "a city id") }
    let baseYear = top.required("base_year").flatMap { year($0, what: "a base year", diagnostics: diagnostics) }
    let horizon =
      top["horizon"].map { whole($0, what: "a horizon in years", range: 1...30, diagnostics: diagnostics) }
      ?? defaultHorizon
    let runs =
      top["runs"].map { whole($0, what: "a number of runs", range: 1...100_000_000, diagnostics: diagnostics) }
      ?? defaultRuns
    let seed =
      top["seed"].map {
        whole($0, what: "a seed", range: 0...999_999_999_999_999, diagnostics: diagnostics).map(UInt64.init)
      }
      ?? defaultSeed

    var model: Model?
    var modelDisplayPath: String?
    if let modelTree = top.required("model"), let path = diagnostics.text(modelTree, what: "the path of a model file") {
      let modelFile = modelTree.location.file.resolving(path)
      modelDisplayPath = modelFile.displayPath
      model = ModelFile.read(
        modelFile, referencedAt: modelTree.location, catalogue: catalogue, diagnostics: diagnostics)
      sourceFiles += model?.sourceFiles ?? [modelFile.url]
    }
    let play = model.map { PlaySet(indicators: $0.indicators, catalogue: $0.catalogue) }
    let modelCatalogue = model?.catalogue ?? catalogue

    // Base-year values: the city's rows of the baseline table, then `values:` on top.
    var baseline: [String: Double] = [:]
    var baselineLocations: [String: SourceLocation] = [:]
    if let baselineTree = top["baseline"], let path = diagnostics.text(baselineTree, what: "the path of a city table"),
      let city, let baseYear
    {
      let dataFile = baselineTree.location.file.resolving(path)
      sourceFiles.append(dataFile.url)
      if let data = CityData.read(dataFile, referencedAt: baselineTree.location, diagnostics: diagnostics) {
        baseline = baseYearValues(
          data, file: dataFile, city: city, year: baseYear, catalogue: modelCatalogue,
          at: baselineTree.location, locations: &baselineLocations, diagnostics: diagnostics)
      }
    }
    if let valuesTree = top["values"] {
      if case .mapping(let values) = valuesTree {
        for entry in values.entries {
          guard
            let id = play?.indicator(.scalar(entry.key), diagnostics: diagnostics, purpose: "values")
              ?? Optional(entry.key.text),
            let value = diagnostics.number(entry.value, what: "a base-year value")
          else { continue }
          if let indicator = modelCatalogue[id] {
            if let problem = scaleProblem(value, of: indicator) {
              diagnostics.error(problem, at: entry.value.location)
              continue
            }
            diagnostics.warnIfFraction(value, of: indicator, at: entry.value.location)
          }
          baseline[id] = value
          baselineLocations[id] = entry.value.location
        }
      } else {
        diagnostics.error(
          "expected values as a mapping of indicator ids to base-year values, found \(valuesTree.kindDescription)",
          at: valuesTree.location)
      }
    }
    if let model, let city, let baseYear {
      // A row refused for its unit or value is reported at its line, not as missing.
      let missing = model.indicators.map(\.id).filter { baseline[$0] == nil && baselineLocations[$0] == nil }
      if !missing.isEmpty {
        let remedy =
          top["baseline"] != nil
          ? "the baseline table lacks \(missing.count == 1 ? "it" : "them"); add rows or set "
            + "\(missing.count == 1 ? "it" : "them") under values:"
          : "name a baseline table or set \(missing.count == 1 ? "it" : "them") under values:"
        diagnostics.error(
          "no base-year (\(baseYear)) value for \(city) of \(missing.joined(separator: ", ")): \(remedy)",
          at: top.location(of: top["baseline"] != nil ? "baseline" : "model"))
      }
      baseline = baseline.filter { id, _ in model.indicators.contains { $0.id == id } }
      for (id, value) in baseline.sorted(by: { $0.key < $1.key }) {
        guard let goalpost = model.index.goalposts[id], let indicator = model.catalogue[id],
          let location = baselineLocations[id]
        else { continue }
        diagnostics.warnIfFar(
          value, of: indicator, from: goalpost, modelFile: modelDisplayPath ?? model.id, at: location)
      }
    }

    var interventions: [Intervention] = []
    if let list = top["interventions"].flatMap({ diagnostics.list($0, what: "interventions") }) {
      var seen: [String: Int] = [:]
      for item in list {
        guard
          let intervention = self.intervention(
            item, model: model, play: play, baseYear: baseYear, diagnostics: diagnostics)
        else { continue }
        if let line = seen[intervention.id] {
          diagnostics.error(
            "intervention id '\(intervention.id)' is used twice (first at line \(line))", at: item.location)
          continue
        }
        seen[intervention.id] = item.location.line ?? 0
        interventions.append(intervention)
      }
    }
    var targets: [Target] = []
    if let list = top["targets"].flatMap({ diagnostics.list($0, what: "targets") }) {
      for item in list {
        if let target = self.target(
          item, play: play, catalogue: modelCatalogue, baseYear: baseYear, horizon: horizon, diagnostics: diagnostics)
        {
          targets.append(target)
        }
      }
    }

    guard diagnostics.problems.count == problemsBefore, let model, let city, let baseYear, let horizon, let runs,
      let seed
    else {
      return nil
    }
    var scenario = Scenario(
      id: id, title: title, city: city, baseYear: baseYear, horizon: horizon, runs: runs, seed: seed,
      model: model, baseline: baseline, interventions: interventions, targets: targets,
      sourceFiles: unique(sourceFiles))
    scenario.notes = Array(diagnostics.notes[notesBefore...])
    scenario.sourceDigests = diagnostics.digests.filter { scenario.sourceFiles.contains($0.key) }
    return scenario
  }

  // MARK: - Baseline

  private static func baseYearValues(
    _ data: CityData, file: SourceFile, city: String, year: Int, catalogue: IndicatorCatalogue,
    at reference: SourceLocation, locations: inout [String: SourceLocation], diagnostics: Diagnostics
  ) -> [String: Double] {
    let cities = Set(data.figures.map(\.city))
    guard cities.contains(city) else {
      diagnostics.error(
        "no rows for city '\(city)' in \(file.displayPath)\(didYouMean(city, among: cities.sorted())) (cities "
          + "there: \(cities.sorted().joined(separator: ", ")))",
        at: reference)
      return [:]
    }
    var values: [String: Double] = [:]
    var lines: [String: Int] = [:]
    for figure in data.figures where figure.city == city && figure.year == year {
      let location = SourceLocation(file: file, line: figure.line)
      guard let indicator = catalogue[figure.indicator] else {
        diagnostics.error(
          "unknown indicator '\(figure.indicator)'\(didYouMean(figure.indicator, among: catalogue.ids))", at: location)
        continue
      }
      if let first = lines[figure.indicator] {
        diagnostics.error(
          "a second \(year) value of \(figure.indicator) for \(city) (the first is at line \(first)); keep one",
          at: location)
        continue
      }
      lines[figure.indicator] = figure.line
      locations[figure.indicator] = location
      guard let value = diagnostics.catalogueValue(of: figure, indicator: indicator, in: file) else { continue }
      values[figure.indicator] = value
    }
    return values
  }

  // MARK: - Interventions and targets

  /// One intervention of a scenario file (also a candidate of an options file, `PortfolioOptionsFile`).
  static func intervention(
    _ tree: YAMLTree, model: Model?, play: PlaySet?, baseYear: Int?, diagnostics: Diagnostics
  ) -> Intervention? {
    guard
      let reader = MappingReader(tree, what: "an intervention", allowedKeys: interventionKeys, diagnostics: diagnostics)
    else { return nil }
    let id = reader.required("id").flatMap { diagnostics.text($0, what: "an intervention id") }
    let name = reader["name"].flatMap { diagnostics.localizedText($0, what: "a name") }
    var action: Intervention.Action?
    switch (reader["adds"], reader["policy"]) {
    case (nil, nil):
      diagnostics.error(
        "an intervention needs either adds (amounts added to stocks) or policy (a policy of the model)",
        at: tree.location)
    case (_?, _?):
      diagnostics.error(
        "an intervention has either adds or policy, not both: write two interventions",
        at: reader.location(of: "policy"))
    case (let addsTree?, nil):
      if case .mapping(let adds) = addsTree, !adds.entries.isEmpty {
        var additions: [StockAddition] = []
        for entry in adds.entries {
          let stock =
            play.map {
              $0.indicator(
                .scalar(entry.key), role: .stock, diagnostics: diagnostics, purpose: "interventions that add")
            }
            ?? entry.key.text
          let amount = diagnostics.distribution(entry.value, what: "an amount")
          if let stock, let amount { additions.append(StockAddition(indicator: stock, amount: amount)) }
        }
        if additions.count == adds.entries.count { action = .addToStocks(additions) }
      } else {
        diagnostics.error(
          "expected adds as a mapping of stock ids to amounts, e.g. {landmark_districts: 1}, found "
            + "\(addsTree.kindDescription)",
          at: addsTree.location)
      }
    case (nil, let policyTree?):
      if let policy = diagnostics.text(policyTree, what: "a policy id") {
        if let model, !model.policies.contains(where: { $0.id == policy }) {
          let known = model.policies.map(\.id)
          let hint =
            closestMatch(to: policy, among: known).map { "; did you mean '\($0)'?" }
            ?? (known.isEmpty
              ? " (the model has no policies)" : " (the model's policies: \(known.joined(separator: ", ")))")
          diagnostics.error("unknown policy '\(policy)'\(hint)", at: policyTree.location)
        } else {
          action = .policy(policy)
        }
      }
    }
    let start = reader.required("start").flatMap { year($0, what: "a start year", diagnostics: diagnostics) }
    if let start, let baseYear, start <= baseYear, let startTree = reader["start"] {
      diagnostics.error(
        "an intervention starts after the base year \(baseYear) (got \(start)): the base year is what the "
          + "baseline already holds",
        at: startTree.location)
    }
    var ramp: Int? = 1
    if let rampTree = reader["ramp"] {
      ramp = diagnostics.integer(rampTree, what: "a ramp in whole years")
      if let value = ramp, value < 1 {
        diagnostics.error("ramp must be ≥ 1 year (got \(value))", at: rampTree.location)
        ramp = nil
      }
    }
    let delay =
      reader["delay"].map { diagnostics.bounded($0, what: "a delay", lower: 0, wholeNumbers: true) } ?? .fixed(0)
    let cost = reader["cost"].map { diagnostics.bounded($0, what: "a cost (亿元)", lower: 0) } ?? .fixed(0)
    guard let id, let action, let start, let ramp, let delay, let cost else { return nil }
    return Intervention(id: id, action: action, start: start, ramp: ramp, delay: delay, cost: cost, name: name)
  }

  private static func target(
    _ tree: YAMLTree, play: PlaySet?, catalogue: IndicatorCatalogue, baseYear: Int?, horizon: Int?,
    diagnostics: Diagnostics
  ) -> Target? {
    guard let reader = MappingReader(tree, what: "a target", allowedKeys: targetKeys, diagnostics: diagnostics) else {
      return nil
    }
    var output: String?
    if let outputTree = reader.required("indicator"),
      let id = diagnostics.text(outputTree, what: "an indicator, dimension or index id")
    {
      if IndicatorFile.reservedIds.contains(id) {
        output = id
      } else {
        output = play.map { $0.indicator(outputTree, diagnostics: diagnostics, purpose: "targets") } ?? id
      }
    }
    let year = reader.required("year").flatMap { self.year($0, what: "a target year", diagnostics: diagnostics) }
    if let year, let baseYear, let horizon, !(baseYear + 1...baseYear + horizon).contains(year),
      let yearTree = reader["year"]
    {
      diagnostics.error(
        "a target year must lie in the projection \(baseYear + 1)…\(baseYear + horizon) (got \(year))",
        at: yearTree.location)
    }
    var bound: Target.Bound?
    switch (reader["at_least"], reader["at_most"]) {
    case (nil, nil):
      diagnostics.error("a target needs at_least or at_most", at: tree.location)
    case (_?, _?):
      diagnostics.error(
        "a target has at_least or at_most, not both: write two targets", at: reader.location(of: "at_most"))
    case (let valueTree?, nil), (nil, let valueTree?):
      if let value = diagnostics.number(valueTree, what: "a target value"), let output {
        if IndicatorFile.reservedIds.contains(output) {
          if !(0...100).contains(value) {
            diagnostics.error("\(output) is a score from 0 to 100 (got \(formatNumber(value)))", at: valueTree.location)
          }
        } else if let indicator = catalogue[output], let problem = scaleProblem(value, of: indicator) {
          diagnostics.error(problem, at: valueTree.location)
        }
        bound = reader["at_least"] != nil ? .atLeast(value) : .atMost(value)
      }
    }
    guard let output, let year, let bound else { return nil }
    return Target(output: output, year: year, bound: bound)
  }

  // MARK: - Helpers

  private static func year(_ tree: YAMLTree, what: String, diagnostics: Diagnostics) -> Int? {
    guard let value = diagnostics.integer(tree, what: "\(what) (a calendar year)") else { return nil }
    guard (1900...2200).contains(value) else {
      diagnostics.error("\(what) must be a calendar year in 1900…2200 (got \(value))", at: tree.location)
      return nil
    }
    return value
  }

  private static func whole(_ tree: YAMLTree, what: String, range: ClosedRange<Int>, diagnostics: Diagnostics) -> Int? {
    guard let value = diagnostics.integer(tree, what: what) else { return nil }
    guard range.contains(value) else {
      diagnostics.error(
        "\(what) must lie in \(range.lowerBound)…\(range.upperBound) (got \(value))", at: tree.location)
      return nil
    }
    return value
  }

  private static func unique(_ urls: [URL]) -> [URL] {
    var seen: Set<URL> = []
    return urls.filter { seen.insert($0).inserted }
  }
}
