import CityModel
import Simulation

extension ReportTable {
  /// The projection table of a run: one row per output (indicators grouped by dimension, then
  /// dimension scores and the index), one column per selected year, cells as `options.statistic`.
  /// With `marksGoalposts`, an indicator whose median passes a goalpost is marked ‡ and a note says
  /// why (off for formats that drop notes, CSV and XLSX, whose names stay as in the result).
  /// With `endsWithCostRow` (for CSV, where the cost table cannot follow), a run with a programme
  /// cost ends with its cost by year (`costSection`).
  public static func projection(
    of result: RunResult, options: ReportOptions = ReportOptions(), marksGoalposts: Bool = true,
    endsWithCostRow: Bool = false
  ) throws(ReportingError)
    -> ReportTable
  {
    let language = options.language
    let years = try options.years.resolve(baseYear: result.baseYear, horizon: result.horizon)
    var points: [String: SeriesPointValues] = [:]
    for point in result.series { points["\(point.indicator)@\(point.year)"] = SeriesPointValues(point) }
    let outputs = marksGoalposts ? GoalpostNotes.markedOutputs(result) : result.outputs
    var sections = try outputSections(outputs, years: years, values: points, options: options, signed: false) {
      _ in []
    }
    if endsWithCostRow, result.cost.contains(where: { $0.p95 != 0 }) {
      sections.append(try costSection(result.cost, years: years, options: options, signed: false, trailing: []))
    }
    let title = Punctuation.titled(result.title.text(language), Label.projection.text(language), language)
    let columns = labelColumns(language) + yearColumns(years, options: options)
    return ReportTable(
      name: Label.projection.text(language), title: title, columns: columns, sections: sections,
      notes: (options.statistic == .medianWithInterval ? [Label.intervalNote.text(language)] : [])
        + (result.quantileRankError > 0 ? [sketchNote(result.quantileRankError, language)] : [])
        + (marksGoalposts ? GoalpostNotes.notes(result, language) : []))
  }

  /// Beyond the exact limit: how far in rank a reported quantile may be from the true one.
  static func sketchNote(_ error: Double, _ language: Language) -> String {
    let percent = NumberFormat(style: .percent, decimals: 2).string(error)
    return language == .zh
      ? "\(Label.sketchNote.text(language)) \(percent)" : "\(Label.sketchNote.text(language)) \(percent) of the runs"
  }

  /// Sections of output rows grouped by dimension: the label cells, one estimate cell per year
  /// from `values` (keyed `id@year`), then any `trailing` cells.
  static func outputSections(
    _ outputs: [OutputInfo], years: [Int], values: [String: SeriesPointValues], options: ReportOptions, signed: Bool,
    trailing: (OutputInfo) -> [Cell]
  ) throws(ReportingError) -> [Section] {
    var sections: [Section] = []
    for group in groupedOutputs(outputs, language: options.language) {
      var rows: [[Cell]] = []
      for output in group.outputs {
        var row: [SeriesPointValues] = []
        for year in years {
          guard let value = values["\(output.id)@\(year)"] else { throw .missingValue(output: output.id, year: year) }
          row.append(value)
        }
        let cells = try estimateCells(row, unit: output.unit, statistic: options.statistic, signed: signed)
        rows.append(labelCells(output, options.language) + cells + trailing(output))
      }
      sections.append(Section(heading: group.heading, rows: rows))
    }
    return sections
  }

  /// The leading columns of an output row: id (data only), name, unit.
  static func labelColumns(_ language: Language) -> [Column] {
    [
      Column(Label.outputID.text(language), alignment: .left, dataOnly: true),
      Column(Label.indicator.text(language), alignment: .left),
      Column(Label.unit.text(language), alignment: .left),
    ]
  }

  /// One column per year, each with the data columns of `options.statistic`; every year but the
  /// first and the last may be left out on a narrow terminal (`thinningOrder`).
  static func yearColumns(_ years: [Int], options: ReportOptions) -> [Column] {
    let order = thinningOrder(years)
    return years.map {
      Column(String($0), statistics: options.statistic.dataColumns(options.language), thinningOrder: order[$0])
    }
  }

  /// The order in which to leave years out, keeping the first and the last and the rest evenly
  /// spread: each time, the year whose neighbours are closest together goes (2024 from 2023, 2024,
  /// 2026, 2028, 2033; then 2026).
  static func thinningOrder(_ years: [Int]) -> [Int: Int] {
    var kept = years
    var order: [Int: Int] = [:]
    while kept.count > 2 {
      let inner = 1..<(kept.count - 1)
      guard let drop = inner.min(by: { kept[$0 + 1] - kept[$0 - 1] < kept[$1 + 1] - kept[$1 - 1] }) else { break }
      order[kept[drop]] = order.count
      kept.remove(at: drop)
    }
    return order
  }

  static func labelCells(_ output: OutputInfo, _ language: Language) -> [Cell] {
    [.text(output.id), .text(output.name.text(language)), .text(unitLabel(output.unit, language))]
  }

  /// One cell per year; the row shares one number format, fitted to its medians.
  static func estimateCells(
    _ values: [SeriesPointValues], unit: String, statistic: CellStatistic, signed: Bool
  )
    throws(ReportingError) -> [Cell]
  {
    switch statistic {
    case .medianWithInterval:
      let format = NumberFormat.fitting(values.flatMap { [$0.p5, $0.p50, $0.p95] }, unit: unit, signed: signed)
      return values.map { .estimate($0.p50, low: $0.p5, high: $0.p95, format) }
    case .single(let statistic):
      var numbers: [Double] = []
      for value in values {
        guard let number = statistic.value(of: value) else { throw .statisticUnavailable(statistic.rawValue) }
        numbers.append(number)
      }
      let format = NumberFormat.fitting(numbers, unit: unit, signed: signed && statistic != .sd)
      return numbers.map { .number($0, format) }
    }
  }
}

extension SeriesPointValues {
  init(_ point: SeriesPoint) {
    self.init(
      mean: point.mean, sd: point.sd, p5: point.p5, p25: point.p25, p50: point.p50, p75: point.p75, p95: point.p95)
  }

  init(_ difference: Difference) {
    self.init(
      mean: difference.mean, sd: difference.sd, p5: difference.p5, p25: nil, p50: difference.p50, p75: nil,
      p95: difference.p95)
  }
}
