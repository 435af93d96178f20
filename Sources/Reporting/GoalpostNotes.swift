import CityModel
import Simulation

/// How a run's tables mark an indicator whose median passes an index goalpost: a mark after its
/// name, and a note saying from which year, which goalpost, and what the index makes of it.
enum GoalpostNotes {
  static let mark = "‡"

  /// The result's outputs, each indicator that passes a goalpost named with the mark.
  static func markedOutputs(_ result: RunResult) -> [OutputInfo] {
    let crossed = Set((result.goalpostCrossings ?? []).map(\.indicator))
    return result.outputs.map { output in
      guard crossed.contains(output.id) else { return output }
      var marked = output
      marked.name = LocalizedText(zh: output.name.zh + " " + mark, en: output.name.en + " " + mark)
      return marked
    }
  }

  /// One note per crossing, in the result's order.
  static func notes(_ result: RunResult, _ language: Language) -> [String] {
    let outputs = Dictionary(result.outputs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    return (result.goalpostCrossings ?? []).map { crossing in
      let output = outputs[crossing.indicator]
      let name = output?.name.text(language) ?? crossing.indicator
      let unit = output?.unit ?? ""
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
}
