import CityModel
import Simulation

extension ReportTable {
  /// One table per alternative of a comparison: the paired difference (alternative − base) of
  /// every output in the selected years, and the probability that the alternative is higher in
  /// the last selected year; then, `includingCost`, its programme cost beside the base's and its
  /// cost-effectiveness (left out where one rectangle of differences is wanted, as in CSV).
  public static func comparisons(
    of result: PlanComparison, options: ReportOptions = ReportOptions(), includingCost: Bool = true
  )
    throws(ReportingError) -> [ReportTable]
  {
    let language = options.language
    var tables: [ReportTable] = []
    for comparison in result.comparisons {
      let allYears = comparison.differences.map(\.year)
      guard let first = allYears.min(), let last = allYears.max() else { continue }
      let years = try options.years.resolve(baseYear: first, horizon: last - first)
      var differences: [String: Difference] = [:]
      for difference in comparison.differences {
        differences["\(difference.indicator)@\(difference.year)"] = difference
      }
      let sections = try outputSections(
        result.outputs, years: years, values: differences.mapValues(SeriesPointValues.init), options: options,
        signed: true
      ) { output in
        let higher = differences["\(output.id)@\(years[years.count - 1])"]?.probabilityHigher ?? .nan
        return [.number(higher, NumberFormat.fitting([higher], unit: "%"))]
      }
      let columns =
        labelColumns(language) + years.map { Column(String($0), statistics: options.statistic.dataColumns(language)) }
        + [Column("\(Label.probabilityHigher.text(language)) \(years[years.count - 1])")]
      let title = Punctuation.difference(comparison.title.text(language), result.baseName(language), language)
      tables.append(
        ReportTable(
          name: comparison.scenario, title: title, columns: columns, sections: sections,
          notes: [Label.differenceNote.text(language)]))
      guard includingCost else { continue }
      tables += [
        comparisonCost(of: comparison, base: result.base, titled: title, years: years, language: language),
        costEffectiveness(
          of: comparison, base: result.base, titled: title, outputs: result.outputs, language: language),
      ].compactMap { $0 }
    }
    return tables
  }
}
