import CityModel
import Foundation

/// The bytes of an input file named on the command line (a result, a partial result, a shard);
/// one that cannot be read is an `InputError` (exit 66) saying why: missing, a directory, not a
/// regular file, larger than `limit` bytes, …
func readInput(_ path: String, limit: Int? = nil) throws -> Data {
  do {
    return try InputFileReader.read(URL(fileURLWithPath: path), limit: limit)
  } catch {
    throw InputError(
      problems: [InputProblem(file: path, message: "cannot read file: \(error)", isUnreadableFile: true)])
  }
}

/// Result files that `merge` and `export` read whole are capped like the YAML and CSV inputs, so
/// that a wrong file given by mistake is refused at once instead of exhausting memory.
enum ResultFileLimits {
  /// Results of `run` and `compare`, which hold summaries only (a few MiB at most).
  static let result = 256 << 20
  /// Partial results of `run --shard`, which keep every value while quantiles are exact: at most
  /// 512 MiB of values, 683 MiB in base64, plus the summaries.
  static let partialResult = 1 << 30
}
