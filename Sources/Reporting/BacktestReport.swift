import Analysis
import CityModel
import Foundation

/// Renders a backtest: the summary table for the terminal, the public JSON, and an HTML page
/// with the summary, the PIT histogram and coverage by horizon.
public enum BacktestReport {
  /// Facts about the run that the renderings state: the model, mode and whether it was refitted.
  public struct Header: Sendable {
    public var model: String
    public var data: String
    public var conditional: Bool
    public var recalibrated: Bool
    public var runs: Int

    public init(model: String, data: String, conditional: Bool, recalibrated: Bool, runs: Int) {
      self.model = model
      self.data = data
      self.conditional = conditional
      self.recalibrated = recalibrated
      self.runs = runs
    }

    var mode: String { conditional ? "conditional" : "unconditional" }
  }

  static let columns = [
    "indicator", "horizon", "n", "P25–P75", "P5–P95 [95 % interval]", "CRPS", "MAPE P50",
    "skill vs no change", "skill vs drift",
  ]

  static func cells(_ s: Backtest.Summary) -> [String] {
    func percent(_ x: Double) -> String { String(format: "%.1f %%", 100 * x) }
    func skill(_ x: Double?) -> String { x.map { String(format: "%+.2f", $0) } ?? "—" }
    return [
      s.indicator ?? "all", s.horizon.map(String.init) ?? "all", "\(s.n)", percent(s.coverage50),
      "\(percent(s.coverage90)) [\(percent(s.coverage90Interval.low))–\(percent(s.coverage90Interval.high))]",
      StatisticText.significant(s.crps), percent(s.mapeP50), skill(s.skillNoChange), skill(s.skillDrift),
    ]
  }

  /// The summary, one row per indicator over all horizons and per horizon over all indicators
  /// (the full breakdown is in the JSON), then what the backtest left out; fitted to `width`
  /// display columns when given.
  public static func table(_ backtest: Backtest, header: Header, width: Int? = nil) -> String {
    let rows = backtest.summary.filter { $0.indicator == nil || $0.horizon == nil }.map(cells)
    let layout = AlignedColumns(
      [columns] + rows, alignments: columns.indices.map { $0 < 2 ? .left : .right }, width: width)
    func line(_ cells: [String]) -> [String] {
      width == nil ? [layout.fullLine(cells)] : layout.lines(cells)
    }
    var lines = [
      "Backtest of \(header.model) on \(header.data): \(header.mode), "
        + "\(header.recalibrated ? "recalibrated at each origin" : "model as given"), \(header.runs) runs per "
        + "projection",
      "",
    ]
    lines += line(columns) + line(layout.widths.map { String(repeating: "─", count: $0) })
    lines += rows.flatMap(line)
    if backtest.points.isEmpty {
      lines.append("(no city has an observation at an origin and later within the horizons)")
    }
    if !backtest.notes.isEmpty {
      lines.append("")
      lines.append("Left out where the panel does not observe them: " + backtest.notes.joined(separator: "; "))
    }
    return wrapLines(lines.joined(separator: "\n"), width: width) + "\n"
  }

  /// `{"model", "mode", "recalibrated", "points": […], "summary": […], "notes", "meta"}`.
  public static func json(_ backtest: Backtest, header: Header, meta: [String: String]) throws -> String {
    func number(_ x: Double?) -> Any { x.map { $0.isFinite ? $0 as Any : NSNull() } ?? NSNull() }
    let points: [[String: Any]] = backtest.points.map { p in
      [
        "city": p.city, "indicator": p.indicator, "origin": p.origin, "horizon": p.horizon, "year": p.year,
        "observed": number(p.observed), "p5": number(p.score.p5), "p25": number(p.score.p25),
        "p50": number(p.score.p50),
        "p75": number(p.score.p75), "p95": number(p.score.p95), "pit": number(p.score.pit),
        "crps": number(p.score.crps),
      ]
    }
    let summary: [[String: Any]] = backtest.summary.map { s in
      [
        "indicator": s.indicator ?? "all", "horizon": s.horizon.map { $0 as Any } ?? NSNull(), "n": s.n,
        "coverage50": number(s.coverage50), "coverage90": number(s.coverage90),
        "coverage50_low": number(s.coverage50Interval.low), "coverage50_high": number(s.coverage50Interval.high),
        "coverage90_low": number(s.coverage90Interval.low), "coverage90_high": number(s.coverage90Interval.high),
        "crps": number(s.crps), "mape_p50": number(s.mapeP50), "skill_no_change": number(s.skillNoChange),
        "skill_drift": number(s.skillDrift),
      ]
    }
    let document: [String: Any] = [
      "model": header.model, "data": header.data, "mode": header.mode, "recalibrated": header.recalibrated,
      "runs": header.runs, "points": points, "summary": summary, "notes": backtest.notes, "meta": meta,
    ]
    let data = try JSONSerialization.data(
      withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self)
  }

  /// A self-contained page: the summary table, the PIT histogram and coverage by horizon.
  public static func html(_ backtest: Backtest, header: Header) -> String {
    func escaped(_ text: String) -> String {
      text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;")
    }
    let head = "<tr>" + columns.map { "<th>\(escaped($0))</th>" }.joined() + "</tr>"
    let rows = backtest.summary.filter { $0.indicator == nil || $0.horizon == nil }.map { summary in
      "<tr>" + cells(summary).map { "<td>\(escaped($0))</td>" }.joined() + "</tr>"
    }
    let calibration =
      header.recalibrated ? "recalibrated at each origin on the years up to it" : "the model as given"
    let pitHistogram = BacktestCharts.pitHistogram(backtest.points)
    let coverageByHorizon = BacktestCharts.coverageByHorizon(backtest.summary)
    let notesParagraph =
      backtest.notes.isEmpty
      ? "" : "<p>Left out where the panel does not observe them: \(escaped(backtest.notes.joined(separator: "; ")))</p>"
    return """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Backtest of \(escaped(header.model))</title>
      <style>body{font-family:\(SVGCanvas.fontFamily);margin:2em;color:#222}table{border-collapse:collapse}
      td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}\
      td:first-child,th:first-child{text-align:left}
      .charts{display:flex;flex-wrap:wrap;gap:1em}</style></head><body>
      <h1>Backtest of \(escaped(header.model))</h1>
      <p>Panel \(escaped(header.data)); \(header.mode); \(calibration); \(header.runs) runs per projection. \
      A calibrated model covers about 90 % with P5–P95 and 50 % with P25–P75, and its PIT histogram is flat.</p>
      <table>\(head)\(rows.joined())</table>
      <div class="charts">\(pitHistogram)\(coverageByHorizon)</div>
      \(notesParagraph)
      </body></html>

      """
  }
}
