import Estimation
import Foundation

/// Renders a calibration: a terminal table (one line per parameter, fitted first within each
/// indicator's order) and the public JSON.
public enum CalibrationReport {
  /// One line per parameter: path, decision, the estimate with its standard error and basis, or
  /// the reason the prior was kept; a count of each decision at the end. Given a `width` the
  /// lines pass, the columns are fitted to it (`AlignedColumns`), the basis wrapping.
  public static func table(_ calibration: Calibration, width fitting: Int? = nil) -> String {
    let width = max(24, (calibration.parameters.map(\.path.count).max() ?? 0) + 6)
    let header = ["parameter", "decision", "estimate (se)", "basis"]
    var rows: [[String]] = []
    var lines = [
      "\("parameter".padding(toLength: width, withPad: " ", startingAt: 0))  decision    estimate (se)  basis"
    ]
    var index = 0
    let parameters = calibration.parameters
    while index < parameters.count {
      let parameter = parameters[index]
      let decision = parameter.decision.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
      guard let fit = parameter.fitted else {
        // Priors kept for the same reason, one after another, share one line.
        var end = index + 1
        while end < parameters.count, parameters[end].fitted == nil, parameters[end].reason == parameter.reason {
          end += 1
        }
        let label = end - index > 1 ? "\(parameter.path) … (\(end - index))" : parameter.path
        lines.append("\(pad(label, width))  \(decision)  \(pad("—", 13))  \(parameter.reason)")
        rows.append([label, parameter.decision.rawValue, "—", parameter.reason])
        index = end
        continue
      }
      let estimate = "\(StatisticText.significant(fit.estimate)) (\(StatisticText.significant(fit.standardError)))"
      lines.append("\(pad(parameter.path, width))  \(decision)  \(pad(estimate, 13))  \(parameter.reason)")
      rows.append([parameter.path, parameter.decision.rawValue, estimate, parameter.reason])
      index += 1
    }
    if let fitting, lines.contains(where: { displayWidth($0) > fitting }) {
      let layout = AlignedColumns([header] + rows, alignments: [.left, .left, .left, .left], width: fitting)
      lines = ([header] + rows).flatMap { layout.lines($0) }
    }
    let fitted = calibration.parameters.filter { $0.decision == .fitted }.count
    lines.append("")
    lines.append("\(fitted) of \(calibration.parameters.count) parameters fitted; the others keep their priors.")
    return wrapLines(lines.joined(separator: "\n"), width: fitting) + "\n"
  }

  /// `{"model", "data", "until", "parameters": [{"path", "prior", "fitted": {"estimate", "se",
  /// "n", "cities", "first_year", "last_year"} | null, "written", "decision", "reason"}], "meta"}`,
  /// keys sorted so identical calibrations give identical bytes (`meta` aside).
  public static func json(
    _ calibration: Calibration, model: String, data: String, until: Int?, meta: [String: String]
  ) throws -> String {
    struct Fit: Encodable {
      var estimate: Double, se: Double, n: Int, cities: Int, first_year: Int, last_year: Int
    }
    struct Parameter: Encodable {
      var path: String, prior: String, fitted: Fit?, written: String, decision: String, reason: String
      func encode(to encoder: Encoder) throws {
        enum Key: String, CodingKey { case path, prior, fitted, written, decision, reason }
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(path, forKey: .path)
        try container.encode(prior, forKey: .prior)
        try container.encode(fitted, forKey: .fitted)
        try container.encode(written, forKey: .written)
        try container.encode(decision, forKey: .decision)
        try container.encode(reason, forKey: .reason)
      }
    }
    struct Document: Encodable {
      var model: String, data: String, until: Int?, parameters: [Parameter], meta: [String: String]
      func encode(to encoder: Encoder) throws {
        enum Key: String, CodingKey { case model, data, until, parameters, meta }
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(model, forKey: .model)
        try container.encode(data, forKey: .data)
        try container.encode(until, forKey: .until)
        try container.encode(parameters, forKey: .parameters)
        try container.encode(meta, forKey: .meta)
      }
    }
    let document = Document(
      model: model, data: data, until: until,
      parameters: calibration.parameters.map { p in
        Parameter(
          path: p.path, prior: p.prior,
          fitted: p.fitted.map {
            Fit(
              estimate: $0.estimate, se: $0.standardError, n: $0.observations, cities: $0.cities,
              first_year: $0.firstYear, last_year: $0.lastYear)
          },
          written: p.written, decision: p.decision.rawValue, reason: p.reason)
      },
      meta: meta)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(document), as: UTF8.self)
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
