/// What a portfolio search maximises, measured run by run on the same runs for every portfolio.
public enum PortfolioObjective: Hashable, Sendable {
  /// The probability that every one of the base scenario's targets is met (`ids` nil), or
  /// every target named by its id (`OUTPUT:YEAR`).
  case targetsMet(ids: [String]?)
  /// The `probability`-quantile over the runs of an output (indicator, dimension or `index`)
  /// in a year.
  case quantile(probability: Double, output: String, year: Int)

  /// A short description for tables and JSON: `P(all targets met)`, `P10 of index in 2030`.
  public var label: String {
    switch self {
    case .targetsMet(nil): "P(all targets met)"
    case .targetsMet(let ids?): "P(\(ids.joined(separator: ", ")) met)"
    case let .quantile(probability, output, year): "\(Self.quantileName(probability)) of \(output) in \(year)"
    }
  }

  /// `P10` for 0.1, `P2.5` for 0.025.
  static func quantileName(_ probability: Double) -> String {
    let percent = probability * 100
    return percent == percent.rounded() ? "P\(Int(percent))" : "P\(percent)"
  }

  /// Why the objective does not fit `base` (an unknown target id or output, a year outside the
  /// projection, a probability outside (0, 1)), or nil when it fits.
  public func problem(in base: Scenario) -> String? {
    switch self {
    case .targetsMet(nil):
      return base.targets.isEmpty
        ? "the base scenario has no targets: name a quantile objective, e.g. {quantile: 0.1, of: index, year: "
          + "\(base.baseYear + base.horizon)}" : nil
    case .targetsMet(let ids?):
      let known = base.targets.map(\.id)
      guard !ids.isEmpty else { return "name at least one target id (OUTPUT:YEAR)" }
      for id in ids where !known.contains(id) {
        let list = known.isEmpty ? "it has none" : "its targets: \(known.joined(separator: ", "))"
        return "unknown target '\(id)'\(didYouMean(id, among: known)) in the base scenario (\(list))"
      }
      return nil
    case let .quantile(probability, output, year):
      guard probability > 0 && probability < 1 else {
        return "a quantile's probability lies strictly between 0 and 1 (got \(formatNumber(probability)))"
      }
      let outputs = base.model.indicators.map(\.id) + IndicatorFile.reservedIds.sorted()
      guard outputs.contains(output) else {
        return "unknown output '\(output)'\(didYouMean(output, among: outputs)): expected index, a dimension or an "
          + "indicator in play"
      }
      let years = (base.baseYear + 1)...(base.baseYear + base.horizon)
      guard years.contains(year) else {
        return "the year must lie in the projection \(years.lowerBound)…\(years.upperBound) (got \(year))"
      }
      return nil
    }
  }
}
