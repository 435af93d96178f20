import CityModel
import Simulation

extension ReportTable {
  /// One table per alternative of a comparison: the paired difference (alternative − base) of
  /// every output in the selected years (the base year, where every difference is zero, left
  /// out unless asked for by name), and the probability that the alternative is better in the
  /// last selected year, in the output's direction (lower for a rank); then, `includingCost`, its
  /// programme cost beside the base's and its cost-effectiveness (where one rectangle of
  /// differences is wanted, as in CSV, only the paired cost difference by year, as a last section).
  /// Plans are named by their titles. With `marksGoalposts`, an indicator whose median passes a
  /// goalpost in the base or the alternative is marked ‡ and a note per crossing names the scenario
  /// (off for formats that drop notes, CSV and XLSX).
  public static func comparisons(
    of result: PlanComparison, options: ReportOptions = ReportOptions(), includingCost: Bool = true,
    marksGoalposts: Bool = true
  )
    throws(ReportingError) -> [ReportTable]
  {
    let language = options.language
    let base = result.baseName(language)
    var tables: [ReportTable] = []
    for comparison in result.comparisons {
      let allYears = comparison.differences.map(\.year)
      guard let first = allYears.min(), let last = allYears.max() else { continue }
      let years = try options.years.resolve(baseYear: first, horizon: last - first)
      let differenceYears = options.years.isExplicit || years.count == 1 ? years : years.filter { $0 != first }
      var differences: [String: Difference] = [:]
      for difference in comparison.differences {
        differences["\(difference.indicator)@\(difference.year)"] = difference
      }
      let lastYear = years[years.count - 1]
      let crossings = marksGoalposts ? GoalpostNotes.crossings(result, comparison, language) : []
      var sections = try outputSections(
        GoalpostNotes.markedOutputs(result.outputs, crossings), years: differenceYears,
        values: differences.mapValues(SeriesPointValues.init),
        options: options, signed: true
      ) { output in
        guard let better = differences["\(output.id)@\(lastYear)"]?.probabilityBetter(output.better) else {
          return [.empty]
        }
        return [.number(better, NumberFormat.fitting([better], unit: "%"))]
      }
      if !includingCost, let cost = comparison.cost {
        sections.append(
          try costSection(
            cost.difference.byYear, years: differenceYears, options: options, signed: true, trailing: [.empty]))
      }
      let columns =
        labelColumns(language)
        + yearColumns(differenceYears, options: options)
        + [Column("\(Label.probabilityBetter.text(language)) \(lastYear)")]
      let title = Punctuation.difference(comparison.title.text(language), base, language)
      tables.append(
        ReportTable(
          name: comparison.scenario, title: title, columns: columns, sections: sections,
          notes: [Label.differenceNote.text(language)] + GoalpostNotes.notes(result.outputs, crossings, language)))
      guard includingCost else { continue }
      tables += [
        comparisonCost(of: comparison, base: base, titled: title, years: years, language: language),
        costEffectiveness(of: comparison, base: base, titled: title, outputs: result.outputs, language: language),
      ].compactMap { $0 }
    }
    return tables
  }
}
