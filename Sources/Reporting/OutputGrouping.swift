import CityModel
import Simulation

/// The row order every table and chart shares: indicators grouped by dimension (in the annex's
/// order, each group headed by the dimension's name), then the dimension scores and the index.
struct OutputGroup {
  var heading: String?
  var outputs: [OutputInfo]
}

func groupedOutputs(_ outputs: [OutputInfo], language: Language) -> [OutputGroup] {
  let dimensionNames = Dictionary(
    outputs.filter { $0.kind == .dimension }.map { ($0.id, $0.name.text(language)) },
    uniquingKeysWith: { first, _ in first })
  var groups: [OutputGroup] = Dimension.allCases.compactMap { dimension in
    let members = outputs.filter { $0.kind == .indicator && $0.dimension == dimension }
    guard !members.isEmpty else { return nil }
    return OutputGroup(heading: dimensionNames[dimension.rawValue] ?? dimension.rawValue, outputs: members)
  }
  let ungrouped = outputs.filter { $0.kind == .indicator && $0.dimension == nil }
  if !ungrouped.isEmpty { groups.append(OutputGroup(heading: nil, outputs: ungrouped)) }
  let scores = outputs.filter { $0.kind == .dimension } + outputs.filter { $0.kind == .index }
  if !scores.isEmpty { groups.append(OutputGroup(heading: Label.dimensionScores.text(language), outputs: scores)) }
  return groups
}
