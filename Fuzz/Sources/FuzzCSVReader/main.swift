// Feeds arbitrary bytes to both CSV readers (estimation panels, wide or tidy; city tables):
// each must return a table or throw a located error, never crash.
import CityModel
import Estimation
import Foundation

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-fuzz-csv-\(getpid()).csv")

/// Removes the scratch file when the fuzzer exits.
@_cdecl("LLVMFuzzerInitialize")
public func removeScratchAtExit(
  _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> Int32 {
  atexit { unlink(scratch.path) }
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Data(bytes: data, count: size)
  let text = String(decoding: bytes, as: UTF8.self)
  _ = try? DataTable.parse(csv: text, file: "fuzz.csv", duplicates: .mean)
  _ = try? DataTable.parse(csv: text, file: "fuzz.csv", duplicates: .error)
  if (try? bytes.write(to: scratch)) != nil { _ = try? CityData.load(from: scratch) }
  return 0
}
