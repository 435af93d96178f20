import Crypto
import Foundation

/// Collects the problems found while reading input files, so that all are reported at once.
///
/// Readers record a problem and carry on with what they can still check; the public entry points
/// throw one `InputError` at the end when anything was recorded.
final class Diagnostics {
  private(set) var problems: [InputProblem] = []
  private(set) var notes: [InputProblem] = []
  /// The SHA-256 (hex) of every file read, of the very bytes that were parsed, for the manifest.
  private(set) var digests: [URL: String] = [:]

  var hasProblems: Bool { !problems.isEmpty }

  func error(_ message: String, at location: SourceLocation) {
    problems.append(Self.problem(message, at: location))
  }

  /// A file that cannot be read; when another file names it, the problem points at that reference.
  func unreadable(_ file: SourceFile, reason: String, referencedAt reference: SourceLocation? = nil) {
    var problem =
      reference.map { Self.problem("cannot read \(file.displayPath): \(reason)", at: $0) }
      ?? InputProblem(file: file.displayPath, message: "cannot read file: \(reason)")
    problem.isUnreadableFile = true
    problems.append(problem)
  }

  /// The bytes of `file` (`InputFileReader`), their digest recorded; nil, with the problem
  /// recorded, when the file cannot be read.
  func read(_ file: SourceFile, limit: Int, referencedAt reference: SourceLocation? = nil) -> Data? {
    do {
      let data = try InputFileReader.read(file.url, limit: limit)
      if digests[file.url] == nil {
        digests[file.url] = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
      }
      return data
    } catch {
      unreadable(file, reason: error.description, referencedAt: reference)
      return nil
    }
  }

  /// Something worth telling that does not make the input wrong.
  func note(_ message: String, at location: SourceLocation) {
    notes.append(Self.problem(message, at: location))
  }

  /// Something that is probably a mistake but may be meant (a score of 0.8 on a 0–100 scale):
  /// told to the user with its place and the fix, without refusing the input.
  func warning(_ message: String, at location: SourceLocation) {
    var problem = Self.problem(message, at: location)
    problem.isWarning = true
    notes.append(problem)
  }

  /// Throws every problem recorded so far, if there is any.
  func throwIfProblems() throws {
    if hasProblems { throw InputError(problems: problems) }
  }

  private static func problem(_ message: String, at location: SourceLocation) -> InputProblem {
    InputProblem(file: location.file.displayPath, line: location.line, column: location.column, message: message)
  }
}

/// At most `limit` characters of a value quoted in a message, so a huge scalar cannot flood it.
func excerpt(_ text: String, limit: Int = 60) -> String {
  text.count <= limit ? text : String(text.prefix(limit)) + "… (\(text.count) characters)"
}

/// The largest input files read whole, so a wrong file given by mistake is refused at once
/// instead of exhausting memory.
enum InputLimits {
  /// Scenario, model, indicator and estimate files (YAML).
  static let yamlBytes = 16 << 20
  /// City tables (CSV).
  static let tableBytes = 512 << 20
  /// Deepest nesting of YAML mappings and lists (the shipped files use at most 6).
  static let yamlDepth = 64
  /// Most values a YAML document may hold once aliases are expanded (stops "billion laughs").
  static let yamlNodes = 1_000_000

}
