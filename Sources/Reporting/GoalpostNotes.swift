import CityModel
import Simulation

/// How tables mark an indicator whose median passes an index goalpost: a mark after its name, and
/// a note saying from which year, which goalpost, and what the index makes of it. A run's table
/// notes its own crossings; a comparison's notes the base's and the alternative's, each note
/// naming its scenario.
enum GoalpostNotes {
  static let mark = "‡"

  /// One scenario's crossings, with the scenario's name for the notes (nil in a run's table,
  /// where there is one scenario).
  struct Crossings {
    var scenario: String?
    var crossings: [GoalpostCrossing]
  }

  /// The result's outputs, each indicator that passes a goalpost named with the mark.
  static func markedOutputs(_ result: RunResult) -> [OutputInfo] {
    markedOutputs(result.outputs, [Crossings(scenario: nil, crossings: result.goalpostCrossings ?? [])])
  }

  /// One note per crossing, in the result's order.
  static func notes(_ result: RunResult, _ language: Language) -> [String] {
    notes(result.outputs, [Crossings(scenario: nil, crossings: result.goalpostCrossings ?? [])], language)
  }

  /// The crossings of the base and of `alternative` in a comparison, each with its scenario's name.
  static func crossings(_ result: PlanComparison, _ alternative: Comparison, _ language: Language) -> [Crossings] {
    let named = [(result.base, result.baseName(language)), (alternative.scenario, alternative.title.text(language))]
    return named.compactMap { id, name in
      (result.goalpostCrossings ?? []).first { $0.scenario == id }.map {
        Crossings(scenario: name, crossings: $0.crossings)
      }
    }
  }

  /// `outputs`, each indicator that passes a goalpost in any of `crossings` named with the mark.
  static func markedOutputs(_ outputs: [OutputInfo], _ crossings: [Crossings]) -> [OutputInfo] {
    let crossed = Set(crossings.flatMap { $0.crossings.map(\.indicator) })
    return outputs.map { output in
      guard crossed.contains(output.id) else { return output }
      var marked = output
      marked.name = LocalizedText(zh: output.name.zh + " " + mark, en: output.name.en + " " + mark)
      return marked
    }
  }

  /// One note per crossing, scenario by scenario, each in its scenario's order.
  static func notes(_ outputs: [OutputInfo], _ crossings: [Crossings], _ language: Language) -> [String] {
    let outputs = Dictionary(outputs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    return crossings.flatMap { scenario in
      scenario.crossings.map { crossing in
        let output = outputs[crossing.indicator]
        let indicator = output?.name.text(language) ?? crossing.indicator
        let name = scenario.scenario.map { Punctuation.bracketed(indicator, $0, language) } ?? indicator
        return note(crossing, name: name, unit: output?.unit ?? "", language)
      }
    }
  }

  private static func note(_ crossing: GoalpostCrossing, name: String, unit: String, _ language: Language) -> String {
    let value = NumberFormat.fitting([crossing.goalpost], unit: unit).string(crossing.goalpost)
    let goalpost = "\(value) \(unitLabel(unit, language))"
    let score = crossing.score == 100 ? "100" : "0"
    let high = crossing.end == .high
    switch language {
    case .zh:
      let side = high ? "高于指数上限" : "低于指数下限"
      return "\(mark) \(name)：中位数自\(crossing.year)年起\(side)\(goalpost)，"
        + "指数对其计\(score)分，进一步\(high ? "增长" : "下降")不再改变指数"
    case .en:
      return "\(mark) \(name): the median passes the \(high ? "high" : "low") goalpost (\(goalpost)) in "
        + "\(crossing.year); the index scores it \(score) from then on, so a further \(high ? "rise" : "fall") "
        + "does not move the index"
    }
  }
}
