import CityModel
import Simulation

extension ReportTable {
  /// The programme cost of the base (titled `base`) and one alternative and their paired
  /// difference (亿元): mean [P5–P95] of the total over the horizon, then of each selected year.
  /// Nil for a result written before costs were compared.
  static func comparisonCost(
    of comparison: Comparison, base: String, titled title: String, years: [Int], language: Language
  ) -> ReportTable? {
    guard let cost = comparison.cost else { return nil }
    let summaries = [cost.base, cost.plan, cost.difference]
    let firstYear = cost.base.byYear.first?.year ?? 0
    let shown = years.map { $0 - firstYear }.filter { cost.base.byYear.indices.contains($0) }
    func row(_ label: Cell, _ points: [(mean: Double, p5: Double, p95: Double)]) -> [Cell] {
      let format = NumberFormat.fitting(points.flatMap { [$0.mean, $0.p5, $0.p95] }, unit: "亿元")
      return [label] + points.map { .estimate($0.mean, low: $0.p5, high: $0.p95, format) }
    }
    let rows =
      [row(.text(Label.total.text(language)), summaries.map { ($0.total.mean, $0.total.p5, $0.total.p95) })]
      + shown.map { t in
        row(
          .number(Double(summaries[0].byYear[t].year), .year),
          summaries.map { ($0.byYear[t].mean, $0.byYear[t].p5, $0.byYear[t].p95) })
      }
    let statistics = [Statistic.mean, .p5, .p95].map { $0.heading(language) }
    let columns =
      [Column(Label.year.text(language), alignment: .left)]
      + [base, comparison.title.text(language), Label.difference.text(language)].map {
        Column($0, statistics: statistics)
      }
    let unit = Label.costUnit.text(language)
    return ReportTable(
      name: "\(comparison.scenario)-\(Label.cost.text(language))",
      title: Punctuation.titled(title, Punctuation.bracketed(Label.cost.text(language), unit, language), language),
      columns: columns, sections: [Section(heading: nil, rows: rows)],
      notes: [Label.costNote.text(language)])
  }

  /// What one alternative buys for its extra cost: the paired change of the index (last year) and
  /// of each targeted indicator (its target year), each per 100 亿元, and each target's
  /// probability in the base (titled `base`) and the alternative. Nil for a result written before
  /// costs were compared.
  static func costEffectiveness(
    of comparison: Comparison, base: String, titled title: String, outputs: [OutputInfo], language: Language
  ) -> ReportTable? {
    guard let effectiveness = comparison.costEffectiveness else { return nil }
    func name(_ id: String) -> String { outputs.first { $0.id == id }?.name.text(language) ?? id }
    func unit(_ id: String) -> String { outputs.first { $0.id == id }?.unit ?? "" }
    func changeRow(_ id: String, year: Int, change: Double, per100: Double?) -> [Cell] {
      let format = NumberFormat.fitting([change] + (per100.map { [$0] } ?? []), unit: unit(id), signed: true)
      return [.text(id), .text(name(id)), .number(Double(year), .year), .empty, .empty, .number(change, format)]
        + [per100.map { .number($0, format) } ?? .text(Label.undefined.text(language))]
    }
    var changes: [[Cell]] = []
    let lastYear = comparison.differences.map(\.year).max()
    let indexID = outputs.first { $0.kind == .index }?.id
    if let indexID, let lastYear,
      let change = comparison.differences.first(where: { $0.indicator == indexID && $0.year == lastYear })?.mean
    {
      changes.append(changeRow(indexID, year: lastYear, change: change, per100: effectiveness.indexPer100))
    }
    changes += effectiveness.indicators.filter { !($0.indicator == indexID && $0.year == lastYear) }.map {
      changeRow($0.indicator, year: $0.year, change: $0.change, per100: $0.per100)
    }
    let targets: [[Cell]] = effectiveness.targets.map { target in
      let format = NumberFormat.fitting([target.baseProbability, target.planProbability], unit: "%")
      return [
        .text(target.indicator), .text(name(target.indicator)), .number(Double(target.year), .year),
        .number(target.baseProbability, format), .number(target.planProbability, format),
        .number(target.probabilityChange, NumberFormat(style: format.style, decimals: format.decimals, signed: true)),
        .empty,
      ]
    }
    let columns = [
      Column(Label.outputID.text(language), alignment: .left, dataOnly: true),
      Column(Label.indicator.text(language), alignment: .left),
      Column(Label.year.text(language), alignment: .left),
      Column(base), Column(comparison.title.text(language)), Column(Label.change.text(language)),
      Column(Label.per100.text(language)),
    ]
    var notes = [Label.costEffectivenessNote.text(language)]
    if effectiveness.undefinedReason != nil { notes.append(Label.zeroCostNote.text(language)) }
    return ReportTable(
      name: "\(comparison.scenario)-\(Label.costEffectiveness.text(language))",
      title: Punctuation.titled(title, Label.costEffectiveness.text(language), language),
      columns: columns,
      sections: [
        Section(heading: Label.changePer100.text(language), rows: changes),
        Section(heading: Label.targetProbabilityChange.text(language), rows: targets),
      ].filter { !$0.rows.isEmpty },
      notes: notes)
  }
}
