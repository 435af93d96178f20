// Feeds arbitrary bytes, as a file beside the shipped scenarios (so `model:`, `baseline:` and
// `extends:` can resolve), to `validate(file:)`, which detects scenario, model, indicator,
// estimate and city-data files and loads them fully: it must report problems, never crash.
import CityModel
import Foundation

let folder: URL = {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  return root.appendingPathComponent("scenarios")
}()
let scratch = folder.appendingPathComponent(".fuzz-\(getpid()).yaml")

/// Removes the scratch file when the fuzzer exits.
@_cdecl("LLVMFuzzerInitialize")
public func removeScratchAtExit(
  _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> Int32 {
  atexit { unlink(scratch.path) }
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard (try? Data(bytes: data, count: size).write(to: scratch)) != nil else { return 0 }
  _ = try? validate(file: scratch)
  return 0
}
