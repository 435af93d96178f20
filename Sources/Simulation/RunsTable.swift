/// The table `run --keep-runs` writes: CSV, one row per run (`run`, then `<output>@<year>` for
/// every output and year, then `cost@<year>`), full precision.
public struct RunsTable: Sendable {
  /// Outputs and the programme cost: the series of every row.
  public let series: Int
  /// Years per series: base year … base year + horizon.
  public let years: Int
  /// The header line, newline-terminated.
  public let header: String

  public init(outputs: [OutputInfo], baseYear: Int, horizon: Int) {
    series = outputs.count + 1
    years = horizon + 1
    let calendarYears = (0...horizon).map { baseYear + $0 }
    let columns = ["run"] + (outputs.map(\.id) + ["cost"]).flatMap { id in calendarYears.map { "\(id)@\($0)" } }
    header = columns.joined(separator: ",") + "\n"
  }

  /// The rows of one block of runs, each newline-terminated.
  public func rows(_ values: RunValues) -> String {
    var text = ""
    for run in values.runs {
      text += String(run)
      for s in 0..<series {
        for t in 0..<years { text += ",\(values.value(series: s, year: t, run: run))" }
      }
      text += "\n"
    }
    return text
  }
}
