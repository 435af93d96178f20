import Analysis
import CityModel
import Foundation
import Simulation

/// A scenario-discovery report as `iccsim discover` prints it: an aligned table, JSON, or an HTML
/// page.
public struct DiscoveryReport {
  let scenario: CompiledScenario
  let discovery: ScenarioDiscovery
  let report: ScenarioDiscovery.Report

  public init(scenario: CompiledScenario, discovery: ScenarioDiscovery, report: ScenarioDiscovery.Report) {
    self.scenario = scenario
    self.discovery = discovery
    self.report = report
  }

  private var box: PRIM.Box { report.trajectory[report.chosen] }

  /// The target as `ID:YEAR` with its bound, e.g. `index:2035 at_least 62`.
  private var targetText: String {
    let target = report.target
    switch target.bound {
    case .atLeast(let threshold): return "\(target.output):\(target.year) at_least \(threshold)"
    case .atMost(let threshold): return "\(target.output):\(target.year) at_most \(threshold)"
    }
  }

  /// A readable name for the input at `path`, as sensitivity analysis names it (e.g. "Total retail
  /// sales of consumer goods ← Metro route length in operation, elasticity"); the path itself
  /// where there is no better name.
  func label(_ path: String) -> String {
    SensitivityInputLabel(scenario: scenario, language: .en)(path)
  }

  // MARK: JSON

  private struct Document: Encodable {
    var scenario: String
    var target: String
    var baseRate: Double
    var trajectory: [Step]
    var box: ChosenBox
    var meta: Meta

    struct Step: Encodable {
      var coverage: Double
      var density: Double
      var mass: Double
      var restricted: Int
    }

    struct ChosenBox: Encodable {
      var coverage: Double
      var density: Double
      var mass: Double
      var restrictions: [Restriction]
    }

    struct Restriction: Encodable {
      var input: String
      var label: String
      var low: Double?
      var high: Double?
      var pValue: Double

      enum CodingKeys: String, CodingKey {
        case input, label, low, high, pValue
      }

      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(input, forKey: .input)
        try container.encode(label, forKey: .label)
        try container.encode(low, forKey: .low)
        try container.encode(high, forKey: .high)
        try container.encode(pValue, forKey: .pValue)
      }
    }

    struct Meta: Encodable {
      var when: String
      var runs: Int
      var seed: UInt64
      var noise: String
      var alpha: Double
      var minimumMass: Double
      var chosenStep: Int
      var choice: String
      var inputs: Int
    }
  }

  /// The public JSON document, ending in a newline.
  public func json() throws -> Data {
    let document = Document(
      scenario: scenario.id, target: targetText, baseRate: report.baseRate,
      trajectory: report.trajectory.map {
        Document.Step(coverage: $0.coverage, density: $0.density, mass: $0.mass, restricted: $0.restricted)
      },
      box: Document.ChosenBox(
        coverage: box.coverage, density: box.density, mass: box.mass,
        restrictions: report.restrictions.map {
          let path = report.inputs[$0.input]
          return Document.Restriction(input: path, label: label(path), low: $0.low, high: $0.high, pValue: $0.pValue)
        }),
      meta: Document.Meta(
        when: discovery.outcome.rawValue, runs: report.runs, seed: scenario.seed, noise: "common",
        alpha: discovery.prim.alpha, minimumMass: discovery.prim.minimumMass, chosenStep: report.chosen,
        choice: choiceRule, inputs: report.inputs.count))
    return try ResultCoding.encoder().encode(document) + Data("\n".utf8)
  }

  private var choiceRule: String {
    "largest coverage with density >= \(discovery.prim.densityShare) x the trajectory's highest density"
  }

  // MARK: Table

  /// A heading, the trajectory, then the chosen box's restrictions.
  public func table(width: Int? = nil) -> String {
    var text = "\(scenario.title.en) — runs where \(targetText) is \(discovery.outcome.rawValue)\n"
    text += "\(report.runs) runs, \(report.inputs.count) inputs, base rate \(percent(report.baseRate)); "
    text += "PRIM alpha \(discovery.prim.alpha), minimum mass \(discovery.prim.minimumMass)\n\n"
    text += "Trajectory\n"
    var rows = [["step", "coverage", "density", "mass", "restricted"]]
    for (step, box) in report.trajectory.enumerated() {
      let mark = step == report.chosen ? " *" : ""
      rows.append([
        "\(step)\(mark)", percent(box.coverage), percent(box.density), percent(box.mass), "\(box.restricted)",
      ])
    }
    text += aligned(rows, leftColumns: 1, width: width)
    text += "\nChosen box (step \(report.chosen), \(choiceRule)): coverage \(percent(box.coverage)), "
    text += "density \(percent(box.density)), mass \(percent(box.mass))\n"
    var limits = [["input", "low", "high", "p-value", "path"]]
    for restriction in report.restrictions {
      let path = report.inputs[restriction.input]
      limits.append([
        label(path), restriction.low.map(number) ?? "—", restriction.high.map(number) ?? "—",
        String(format: "%.2g", restriction.pValue), path,
      ])
    }
    text += aligned(limits, leftColumns: 1, trailingLeft: true, width: width)
    return wrapLines(text, width: width)
  }

  // MARK: HTML

  /// A self-contained page: the heading, the peeling trajectory chart (the chosen box marked)
  /// and the chosen box's limits.
  public func html() -> String {
    let title = "\(scenario.title.en) — runs where \(targetText) is \(discovery.outcome.rawValue)"
    let summary =
      "\(report.runs) runs, \(report.inputs.count) inputs, base rate \(percent(report.baseRate)); "
      + "PRIM alpha \(discovery.prim.alpha), minimum mass \(discovery.prim.minimumMass); every run on one common "
      + "path of yearly shocks and disruptions."
    let limits = ReportTable(
      name: "box",
      title: "Chosen box (step \(report.chosen)): coverage \(percent(box.coverage)), density \(percent(box.density)), "
        + "mass \(percent(box.mass))",
      columns: [
        ReportTable.Column("Input", alignment: .left), ReportTable.Column("Low"), ReportTable.Column("High"),
        ReportTable.Column("p-value"), ReportTable.Column("Path", alignment: .left),
      ],
      sections: [
        ReportTable.Section(
          heading: nil,
          rows: report.restrictions.map { restriction in
            let path = report.inputs[restriction.input]
            return [
              .text(label(path)), .text(restriction.low.map(number) ?? "—"),
              .text(restriction.high.map(number) ?? "—"),
              .text(String(format: "%.2g", restriction.pValue)), .text(path),
            ]
          })
      ],
      notes: [
        "The chosen box is the box of \(choiceRule). — marks an unrestricted side. The p-value is the one-sided "
          + "hypergeometric probability of a box as dense without that restriction: a large one says it adds little."
      ])
    return HTMLReport.document(
      title: title, language: .en,
      body: [
        "<h1>\(xmlEscaped(title))</h1>", #"<p class="note">\#(xmlEscaped(summary))</p>"#,
        HTMLReport.figure(PeelingTrajectoryChart.svg(report.trajectory, chosen: report.chosen)),
        HTMLReport.table(limits),
      ])
  }

  private func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

  private func number(_ value: Double) -> String { String(format: "%.4g", value) }

  /// Rows in aligned columns, fitted to `width`: the first `leftColumns` (and, with
  /// `trailingLeft`, the last) left-aligned, the others right-aligned.
  private func aligned(_ rows: [[String]], leftColumns: Int, trailingLeft: Bool = false, width: Int?) -> String {
    let count = rows[0].count
    let alignments: [ReportTable.Alignment] = (0..<count).map {
      $0 < leftColumns || (trailingLeft && $0 == count - 1) ? .left : .right
    }
    let layout = AlignedColumns(rows, alignments: alignments, width: width)
    return rows.flatMap { layout.lines($0) }.joined(separator: "\n") + "\n"
  }
}
