import Estimation
import Foundation

extension Regression {
  /// What follows the regression table when asked for: the wild cluster bootstrap's p-values and
  /// intervals (`--wild-bootstrap`), then the observations used (`--show-rows`); empty otherwise.
  public func supplementTable() -> String {
    var blocks: [String] = []
    if let wildBootstrap { blocks.append(Self.bootstrapTable(wildBootstrap)) }
    if let observationSources { blocks.append(Self.rowsTable(observationSources, dropped: droppedCount)) }
    return blocks.map { "\n" + $0 }.joined()
  }

  static func bootstrapTable(_ bootstrap: WildClusterBootstrap) -> String {
    let termWidth = max(14, bootstrap.tests.map { displayWidth($0.term) }.max() ?? 0)
    let width = termWidth + 4 * 11
    let draws =
      bootstrap.enumerated
      ? "all \(bootstrap.draws) sign vectors (2^\(bootstrap.clusterCount), exact)"
      : "\(bootstrap.draws) draws, seed \(bootstrap.seed)"
    var lines = [
      "Wild cluster bootstrap (restricted, \(bootstrap.weights) weights, \(bootstrap.clusterCount) clusters; \(draws))",
      String(repeating: "=", count: width),
    ]
    var header = padded("", to: termWidth)
    for title in ["t", "boot P>|t|", "[0.025", "0.975]"] { header += padded(title, to: 11, alignRight: true) }
    lines += [header, String(repeating: "-", count: width)]
    for test in bootstrap.tests {
      var row = padded(test.term, to: termWidth)
      for value in [fixed(test.t, 3), fixed(test.pValue, 3), number(test.confidenceLow), number(test.confidenceHigh)] {
        row += padded(value, to: 11, alignRight: true)
      }
      lines.append(row)
    }
    lines.append(String(repeating: "=", count: width))
    lines.append(
      "p: share of bootstrap |t*| above |t| under β = 0; interval: the values of β the bootstrap test does not "
        + "reject at 5 %.")
    return lines.joined(separator: "\n")
  }

  static func rowsTable(_ rows: [ObservationSource], dropped: Int) -> String {
    let sources = rows.map { "\($0.file):\($0.line)" }
    let sourceWidth = max(6, sources.map(displayWidth).max() ?? 0)
    let cityWidth = max(4, rows.map { displayWidth($0.city ?? "") }.max() ?? 0)
    var lines = ["Observations used (\(rows.count); \(dropped) dropped for a missing value)"]
    lines.append(padded("source", to: sourceWidth) + "  " + padded("city", to: cityWidth) + "  year")
    for (row, source) in zip(rows, sources) {
      lines.append(
        padded(source, to: sourceWidth) + "  " + padded(row.city ?? "", to: cityWidth) + "  "
          + (row.year ?? ""))
    }
    return lines.joined(separator: "\n")
  }
}
