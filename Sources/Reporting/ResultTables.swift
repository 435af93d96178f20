import CityModel
import Simulation

extension ReportTable {
  /// The targets of a run: condition, probability of meeting it, median year first met.
  public static func targets(of result: RunResult, language: Language) -> ReportTable {
    let outputs = Dictionary(result.outputs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let percent = NumberFormat.fitting(result.targets.map(\.probability), unit: "%")
    let rows: [[Cell]] = result.targets.map { target in
      let output = outputs[target.indicator]
      let unit = output?.unit ?? ""
      let bound = target.atLeast.map { ("≥", $0) } ?? target.atMost.map { ("≤", $0) }
      let condition = bound.map {
        "\($0.0) \(NumberFormat.fitting([$0.1], unit: unit).string($0.1)) \(unitLabel(unit, language))"
      }
      // The year by which half of the runs have first met the bound (the median first year);
      // "not met" when fewer than half ever meet it within the horizon.
      var cumulative = 0.0
      let likeliest = target.firstMet.first {
        cumulative += $0.probability; return cumulative >= 0.5
      }
      return [
        .text(target.indicator),
        .text(output?.name.text(language) ?? target.indicator),
        condition.map(Cell.text) ?? .empty,
        .number(Double(target.year), .year),
        .number(target.probability, percent),
        likeliest.map { .number(Double($0.year), .year) } ?? .text(Label.notMet.text(language)),
      ]
    }
    let columns = [
      Column(Label.outputID.text(language), alignment: .left, dataOnly: true),
      Column(Label.indicator.text(language), alignment: .left),
      Column(Label.condition.text(language), alignment: .left),
      Column(Label.targetYear.text(language)),
      Column(Label.probability.text(language)),
      Column(Label.firstMet.text(language)),
    ]
    return ReportTable(
      name: Label.targets.text(language),
      title: Punctuation.titled(result.title.text(language), Label.targets.text(language), language),
      columns: columns,
      sections: [Section(heading: nil, rows: rows)])
  }

  /// Programme cost per year (亿元): mean, P5, P50, P95.
  public static func cost(of result: RunResult, language: Language) -> ReportTable {
    let format = NumberFormat.fitting(result.cost.flatMap { [$0.mean, $0.p5, $0.p50, $0.p95] }, unit: "亿元")
    let rows: [[Cell]] = result.cost.map { point in
      [.number(Double(point.year), .year)] + [point.mean, point.p5, point.p50, point.p95].map { .number($0, format) }
    }
    let columns =
      [Column(Label.year.text(language), alignment: .left)]
      + [Statistic.mean, .p5, .p50, .p95].map { Column($0.heading(language)) }
    return ReportTable(
      name: Label.cost.text(language),
      title: Punctuation.titled(
        result.title.text(language),
        Punctuation.bracketed(Label.cost.text(language), Label.costUnit.text(language), language), language),
      columns: columns, sections: [Section(heading: nil, rows: rows)])
  }

  /// What was run, with what, and how: the scenario's settings and the run manifest.
  public static func manifest(of result: RunResult, language: Language) -> ReportTable {
    func row(_ label: Label, _ value: String) -> [Cell] { [.text(label.text(language)), .text(value)] }
    var rows = [
      row(.scenario, Punctuation.titled(result.scenario, result.title.text(language), language)),
      row(.city, CityNames.text(of: result.city, language)),
      row(.baseYear, String(result.baseYear)),
      row(.horizon, String(result.horizon)),
      row(.runs, String(result.runs)),
      row(.seed, String(result.seed)),
      row(.sampling, (result.sampling == .latinHypercube ? Label.latinHypercube : .independentDraws).text(language)),
    ]
    return manifestTable(rows + (result.meta.map { manifestRows($0, language: language) } ?? []), language: language)
  }

  /// What a comparison compared, with what, and how: the base, each alternative, and the manifest
  /// (version, command, seed, the SHA-256 of every input).
  public static func manifest(of comparison: PlanComparison, language: Language) -> ReportTable {
    var rows: [[Cell]] = [
      [.text(Label.base.text(language)), .text(titled(comparison.base, comparison.baseTitle, language))]
    ]
    rows += comparison.comparisons.map {
      [.text(Label.alternative.text(language)), .text(titled($0.scenario, $0.title, language))]
    }
    if let meta = comparison.meta { rows.append([.text(Label.seed.text(language)), .text(String(meta.seed))]) }
    return manifestTable(
      rows + (comparison.meta.map { manifestRows($0, language: language) } ?? []), language: language)
  }

  /// `id — title` (`id——title` in Chinese), or the id alone when there is no title.
  private static func titled(_ id: String, _ title: LocalizedText?, _ language: Language) -> String {
    title.map { Punctuation.titled(id, $0.text(language), language) } ?? id
  }

  /// The manifest's rows: version, command, threads, time, host, date, and every input's SHA-256.
  private static func manifestRows(_ meta: RunManifest, language: Language) -> [[Cell]] {
    func row(_ label: Label, _ value: String) -> [Cell] { [.text(label.text(language)), .text(value)] }
    return [
      row(.version, meta.version),
      row(.command, meta.command.joined(separator: " ")),
      row(.threads, String(meta.threads)),
      row(.elapsed, NumberFormat(style: .quantity, decimals: 2).string(meta.elapsedSeconds)),
      row(.host, meta.host),
      row(.date, meta.date),
    ] + meta.inputs.map { row(.inputs, "\($0.path)  sha256:\($0.sha256)") }
  }

  private static func manifestTable(_ rows: [[Cell]], language: Language) -> ReportTable {
    ReportTable(
      name: Label.manifest.text(language), title: Label.manifest.text(language),
      columns: [Column("", alignment: .left), Column("", alignment: .left)],
      sections: [Section(heading: nil, rows: rows)])
  }
}
