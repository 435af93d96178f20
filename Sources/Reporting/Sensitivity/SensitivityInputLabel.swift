import Analysis
import CityModel
import Simulation

/// Readable names of sensitivity inputs, in English or Chinese, from their stable paths
/// (`retail_sales.drivers.metro_km.elasticity` → "Retail sales ← Metro length, elasticity"): the
/// indicators' and dimensions' names come from the scenario's outputs, the kind of quantity from
/// the path's last part. A path of an unknown form is shown as it is. The paths stay the keys of
/// the JSON; the labels are for people.
public struct SensitivityInputLabel: Sendable {
  let names: [String: LocalizedText]
  let language: Language

  public init(scenario: CompiledScenario, language: Language) {
    var names: [String: LocalizedText] = [:]
    for output in scenario.outputs { names[output.id] = output.name }
    self.names = names
    self.language = language
  }

  /// The label of an input path, or of a group of the grouped budget.
  public func callAsFunction(_ path: String) -> String {
    if let group = groupLabel(path) { return group }
    let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    let zh = language == .zh
    switch parts.count {
    case 2 where path == "disruption.probability":
      return zh ? "突发冲击概率" : "Disruption probability"
    case 2:
      guard let indicator = name(parts[0]), let quantity = quantity(parts[1]) else { return path }
      return indicator + (zh ? "：" : ": ") + quantity
    case 3 where parts[1] == "shock":
      guard let indicator = name(parts[0]) else { return path }
      let quantity =
        switch parts[2] {
        case "sd": zh ? "冲击标准差" : "shock size (sd)"
        case "ar": zh ? "冲击持续性（自回归）" : "shock persistence (AR)"
        default: parts[2]
        }
      return indicator + (zh ? "：" : ": ") + quantity
    case 3 where parts[1] == "yearly" && parts[2] == "sd":
      guard let indicator = name(parts[0]) else { return path }
      return indicator + (zh ? "：年新增量的波动（标准差）" : ": spread of the yearly addition (sd)")
    case 3 where parts[0] == "index" && parts[1] == "weights":
      return (zh ? "指数权重：" : "Index weight: ") + (name(parts[2]) ?? parts[2])
    case 3 where parts[0] == "interventions":
      let quantity =
        switch parts[2] {
        case "cost": zh ? "成本" : "cost"
        case "delay": zh ? "实施延迟" : "delay"
        default: parts[2]
        }
      return zh ? "干预 \(parts[1])：\(quantity)" : "Intervention \(parts[1]): \(quantity)"
    case 4 where parts[0] == "interventions" && parts[2] == "adds":
      let indicator = name(parts[3]) ?? parts[3]
      return zh ? "干预 \(parts[1])：新增\(indicator)" : "Intervention \(parts[1]): adds to \(indicator)"
    case 4 where parts[0] == "policies" && parts[2] == "effects":
      let indicator = name(parts[3]) ?? parts[3]
      return zh ? "政策 \(parts[1])：对\(indicator)的效果" : "Policy \(parts[1]): effect on \(indicator)"
    case 4 where parts[0] == "index" && parts[1] == "goalposts":
      let end = parts[3] == "low" ? (zh ? "下限" : "low") : (zh ? "上限" : "high")
      let indicator = name(parts[2]) ?? parts[2]
      return zh ? "指数阈值：\(indicator)\(end)" : "Index goalpost: \(indicator), \(end)"
    case 4 where parts[1] == "drivers":
      return edgeLabel(response: parts[0], driver: parts[2], quantity: parts[3]) ?? path
    default:
      return path
    }
  }

  /// "Response ← Driver, elasticity", with the lag when the path carries one, and "estimated
  /// elasticity (z)" for an estimate set's standard-normal coordinate.
  private func edgeLabel(response: String, driver term: String, quantity: String) -> String? {
    guard let responseName = name(response) else { return nil }
    let pieces = term.split(separator: "@").map(String.init)
    guard let driverName = name(pieces[0]) else { return nil }
    let lag = pieces.count == 2 ? pieces[1] : nil
    let zh = language == .zh
    let kind: String
    switch quantity {
    case "elasticity": kind = zh ? "弹性" : "elasticity"
    case "estimate_z": kind = zh ? "估计弹性（标准正态坐标 z）" : "estimated elasticity (standard-normal z)"
    default: return nil
    }
    let lagText = lag.map { zh ? "，滞后\($0)年" : ", lag \($0)" } ?? ""
    let edge = "\(responseName) ← \(driverName)\(lagText)"
    return zh ? "\(edge)，\(kind)" : "\(edge), \(kind)"
  }

  private func quantity(_ last: String) -> String? {
    let zh = language == .zh
    return switch last {
    case "drift": zh ? "趋势增长率" : "trend growth"
    case "annual_addition": zh ? "年新增量" : "yearly addition"
    case "exposure": zh ? "冲击敞口" : "exposure to disruptions"
    case "initial_deviation": zh ? "初始偏离" : "initial deviation"
    case "estimates": zh ? "估计弹性组（联合抽取）" : "estimated elasticities, drawn jointly (one group)"
    default: nil
    }
  }

  private func groupLabel(_ name: String) -> String? {
    let zh = language == .zh
    return switch name {
    case ScenarioModel.Group.model: zh ? "模型：城市如何演变" : "Model: how the city evolves"
    case ScenarioModel.Group.indexMethod:
      zh ? "指数方法：指数如何计算" : "Index method: how the index is computed"
    default: nil
    }
  }

  /// The name of an output (an indicator, a dimension or the index), or its id when unknown.
  func outputName(_ id: String) -> String { name(id) ?? id }

  private func name(_ id: String) -> String? {
    names[id].map { language == .zh ? $0.zh : $0.en }
  }
}
