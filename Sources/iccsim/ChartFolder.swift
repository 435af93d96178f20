import FileOutput
import Foundation
import Reporting

/// Writes each chart as a standalone SVG file named by what it shows into `directory` (created
/// when missing), all or none: nothing is written if any file exists without `force`.
func writeCharts(_ charts: [NamedChart], into directory: String, force: Bool) throws {
  let folder = URL(fileURLWithPath: directory, isDirectory: true)
  let paths = charts.map { folder.appendingPathComponent($0.fileName).path }
  let files = try CommandOutput(paths, force: force, creating: directory)
  try files.complete { files in
    for (chart, path) in zip(charts, paths) { try files.write(Data(chart.standaloneDocument.utf8), to: path) }
  }
}
