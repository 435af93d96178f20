// Feeds arbitrary bytes to the formula parser: it must return a formula or throw, never crash.
import Estimation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormula(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = try? Formula(parsing: text)
  return 0
}
