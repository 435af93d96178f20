import CityModel
import Foundation

/// The bytes of an input file named on the command line (a result, a partial result, a shard);
/// one that cannot be read is an `InputError` (exit 66) saying why: missing, a directory, not a
/// regular file, …
func readInput(_ path: String) throws -> Data {
  do {
    return try InputFileReader.read(URL(fileURLWithPath: path))
  } catch {
    throw InputError(
      problems: [InputProblem(file: path, message: "cannot read file: \(error)", isUnreadableFile: true)])
  }
}
