import CityModel
import Foundation

/// Result files that `merge` and `export` read whole, capped like the YAML and CSV inputs so that
/// a wrong file given by mistake is refused at once instead of exhausting memory.
enum ResultFileReading {
  /// Results of `run` and `compare`, which hold summaries only (a few MiB at most).
  static let resultBytes = 256 << 20
  /// Partial results of `run --shard`, which keep every value while quantiles are exact: at most
  /// 512 MiB of values, 683 MiB in base64, plus the summaries.
  static let partialResultBytes = 1 << 30

  /// The bytes of `path`, at most `limit` of them: a larger file is refused (exit 66) by its
  /// size before it is read, or, when it has no size (a pipe, a device), after `limit` bytes.
  static func read(_ path: String, limit: Int) throws -> Data {
    func refusal(_ message: String) -> InputError {
      InputError(problems: [InputProblem(file: path, message: message, isUnreadableFile: true)])
    }
    func tooLarge(_ size: String) -> InputError {
      refusal("the file is \(size); result files of this kind are read whole and limited to \(limit >> 20) MiB")
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    if attributes?[.type] as? FileAttributeType == .typeRegular, let size = attributes?[.size] as? Int, size > limit {
      throw tooLarge("\(size >> 20) MiB")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else { throw refusal("cannot read the file") }
    defer { try? handle.close() }
    let data: Data
    do {
      data = try handle.read(upToCount: limit + 1) ?? Data()  // nil at the end of an empty file
    } catch {
      throw refusal("cannot read the file")
    }
    if data.count > limit { throw tooLarge("more than \(limit >> 20) MiB") }
    return data
  }
}
