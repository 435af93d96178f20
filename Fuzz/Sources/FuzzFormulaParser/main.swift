// Feeds arbitrary bytes to the formula parser and, when they parse, to the design builder and the
// fit on a small fixed panel (Fuzz/formula-table.csv: city, year, y, x, z, g, one cell missing):
// each step must give a result or throw, never crash.
import Estimation
import Foundation

let table = try? DataTable.read(
  path: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../formula-table.csv").standardized.path)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormula(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let formula = try? Formula(parsing: text), let table else { return 0 }
  guard let design = try? Design(formula: formula, data: table, clusters: ["city", "year"]) else { return 0 }
  for covariance in [CovarianceType.hc3, .twoWayCluster(first: "city", second: "year")] {
    _ = try? Regression(fitting: design, covariance: covariance)
  }
  return 0
}
