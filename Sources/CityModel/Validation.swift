import Foundation

/// What kind of input file `validate(file:)` found.
public enum InputFileKind: String, Sendable {
  case scenario, model, indicators, estimates
  case cityData = "city data"
  case portfolioOptions = "portfolio options"
}

/// The outcome of validating one file that has no problems.
public struct ValidationReport: Sendable {
  public var file: URL
  public var kind: InputFileKind
  /// One line saying what the file holds (e.g. "scenario shanghai-baseline: 24 indicators, 3 interventions").
  public var summary: String
  /// Remarks that do not make the file wrong.
  public var notes: [InputProblem]
}

/// Validates one input file, telling its kind by its content: a `.csv` file is a city table; a
/// YAML mapping with `scenario` (or `extends`) is a scenario, with `model` a model, with
/// `response` and `terms` an estimate set, with `candidates` the options of `iccsim optimise` (checked
/// against the scenario its `base` names), and with only an `indicators` list a catalogue extension.
///
/// Throws `InputError` with every problem found (in this file and any it refers to).
public func validate(file url: URL, catalogue: IndicatorCatalogue = .bundled) throws -> ValidationReport {
  let file = SourceFile(url: url)
  let diagnostics = Diagnostics()
  if url.pathExtension.lowercased() == "csv" {
    let report = CityData.read(file, diagnostics: diagnostics).map {
      cityDataReport($0, file: file, catalogue: catalogue, diagnostics: diagnostics)
    }
    try diagnostics.throwIfProblems()
    return report!
  }
  guard let tree = YAMLTree.load(file, diagnostics: diagnostics) else {
    try diagnostics.throwIfProblems()
    fatalError("a file that failed to load recorded no problem")
  }
  guard case .mapping(let mapping) = tree else {
    diagnostics.error(
      "expected a YAML mapping (a scenario, a model, an indicators file or an estimate set), found "
        + "\(tree.kindDescription)",
      at: tree.location)
    throw InputError(problems: diagnostics.problems)
  }
  let report: ValidationReport?
  if mapping["scenario"] != nil || mapping["extends"] != nil {
    let scenario = ScenarioFile.read(file, catalogue: catalogue, diagnostics: diagnostics)
    report = scenario.map {
      ValidationReport(
        file: url, kind: .scenario,
        summary:
          "scenario \($0.id): \($0.city) \($0.baseYear)+\($0.horizon), "
          + "\(counted($0.model.indicators.count, "indicator")), "
          + "\(counted($0.interventions.count, "intervention")), \(counted($0.targets.count, "target"))",
        notes: $0.notes)
    }
  } else if mapping["model"] != nil {
    report = ModelFile.read(tree, file: file, catalogue: catalogue, diagnostics: diagnostics).map {
      ValidationReport(
        file: url, kind: .model,
        summary:
          "model \($0.id): \(counted($0.indicators.count, "indicator")), "
          + "\(counted($0.policies.count, "policy", plural: "policies")), "
          + "\(counted($0.estimates.count, "estimate set"))",
        notes: $0.notes)
    }
  } else if mapping["response"] != nil && mapping["terms"] != nil {
    if case .scalar(let response)? = mapping["response"], catalogue[response.text] == nil {
      diagnostics.error(
        "unknown indicator '\(response.text)'\(didYouMean(response.text, among: catalogue.ids))", at: response.location)
    }
    report = EstimateFile.read(tree, file: file, play: nil, indicators: [], diagnostics: diagnostics).map {
      ValidationReport(
        file: url, kind: .estimates, summary: "estimates of \($0.response): \(counted($0.terms.count, "term"))",
        notes: [])
    }
  } else if mapping["candidates"] != nil {
    report = portfolioOptionsReport(mapping, file: file, catalogue: catalogue, diagnostics: diagnostics)
  } else if mapping["indicators"] != nil {
    let added = IndicatorFile.read(tree, existing: catalogue.indicators, diagnostics: diagnostics)
    report = ValidationReport(
      file: url, kind: .indicators, summary: "indicators: \(counted(added.count, "indicator")) added to the catalogue",
      notes: [])
  } else {
    diagnostics.error(
      "cannot tell what this file is: expected a scenario (key 'scenario'), a model (key 'model'), an estimate "
        + "set (keys 'response' and 'terms'), an indicators file (key 'indicators') or the options of optimise "
        + "(key 'candidates')",
      at: tree.location)
    report = nil
  }
  try diagnostics.throwIfProblems()
  return report!
}

/// An options file's report: its candidates, budget and objectives checked against the scenario
/// its `base:` names (optimise checks them against the BASE it is given).
private func portfolioOptionsReport(
  _ mapping: YAMLMapping, file: SourceFile, catalogue: IndicatorCatalogue, diagnostics: Diagnostics
) -> ValidationReport? {
  guard let baseTree = mapping["base"] else {
    diagnostics.error(
      "an options file is checked against a base scenario: name it with base: (a path relative to this file), "
        + "or let `iccsim optimise BASE --options FILE` check it",
      at: mapping.location)
    return nil
  }
  guard let path = diagnostics.text(baseTree, what: "the path of the base scenario") else { return nil }
  let baseFile = baseTree.location.file.resolving(path)
  guard let base = ScenarioFile.read(baseFile, catalogue: catalogue, diagnostics: diagnostics),
    let options = PortfolioOptionsFile.read(file, base: base, diagnostics: diagnostics)
  else { return nil }
  let portfolios = options.candidates.reduce(1) { $0 * (1 + $1.alternatives.count) }
  return ValidationReport(
    file: file.url, kind: .portfolioOptions,
    summary: "options of \(base.id): \(counted(options.candidates.count, "candidate")), "
      + "\(counted(portfolios, "portfolio")), \(counted(options.objectives.count, "objective"))",
    notes: [])
}

/// A city table's report: figures of catalogue indicators must be in (or convert to) the
/// catalogue's unit and fit their scale, and a 0–100 score below 1 is warned of; ids outside
/// the catalogue (a panel's extra variables) and repeated figures are noted.
private func cityDataReport(
  _ data: CityData, file: SourceFile, catalogue: IndicatorCatalogue, diagnostics: Diagnostics
) -> ValidationReport {
  var seen: [String: Int] = [:]
  var unknown: [String: Int] = [:]
  for figure in data.figures {
    let location = SourceLocation(file: file, line: figure.line)
    guard let indicator = catalogue[figure.indicator] else {
      if unknown[figure.indicator] == nil { unknown[figure.indicator] = figure.line }
      continue
    }
    _ = diagnostics.catalogueValue(of: figure, indicator: indicator, in: file)
    let key = "\(figure.city)|\(figure.indicator)|\(figure.year)"
    if let first = seen[key] {
      diagnostics.note(
        "a second \(figure.year) value of \(figure.indicator) for \(figure.city) (the first is at line \(first))",
        at: location)
    } else {
      seen[key] = figure.line
    }
  }
  for (id, line) in unknown.sorted(by: { $0.value < $1.value }) {
    diagnostics.note(
      "'\(id)' is not in the catalogue (first at this line): a scenario baseline ignores it",
      at: SourceLocation(file: file, line: line))
  }
  let cities = Set(data.figures.map(\.city)).count
  return ValidationReport(
    file: data.file, kind: .cityData,
    summary: "city data: \(counted(data.figures.count, "figure")) for \(counted(cities, "city", plural: "cities"))",
    notes: diagnostics.notes)
}

/// "1 target", "3 targets".
private func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
  "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}
