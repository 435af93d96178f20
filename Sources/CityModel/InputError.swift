import ErrorCategories
import Foundation

/// One problem found in an input file, located where it can be: `file:line:column: message`.
public struct InputProblem: Hashable, Sendable, CustomStringConvertible {
  /// The file as the user would name it (relative to the working directory when below it).
  public var file: String
  /// 1-based line, when the problem has a place in the file.
  public var line: Int?
  /// 1-based column, counted in Unicode scalars, when the problem has a place in the file.
  public var column: Int?
  /// What is wrong and what was expected.
  public var message: String
  /// True when the file itself could not be read (missing, unreadable, not UTF-8).
  public var isUnreadableFile: Bool
  /// True for a remark that is probably a mistake (shown as a warning), false for a plain note.
  public var isWarning: Bool

  public init(
    file: String, line: Int? = nil, column: Int? = nil, message: String, isUnreadableFile: Bool = false,
    isWarning: Bool = false
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.isUnreadableFile = isUnreadableFile
    self.isWarning = isWarning
  }

  /// `file:line:column`, or as much of it as is known.
  public var location: String {
    switch (line, column) {
    case let (line?, column?): "\(file):\(line):\(column)"
    case let (line?, nil): "\(file):\(line)"
    default: file
    }
  }

  public var description: String { "\(location): \(message)" }
}

/// Every problem found in a set of input files, reported at once.
///
/// Printing it gives one `file:line:column: message` line per problem, in file order.
public struct InputError: CategorisedError, Sendable, CustomStringConvertible {
  public var problems: [InputProblem]

  public init(problems: [InputProblem]) {
    self.problems = problems
  }

  /// True when some file could not be read (sysexits `EX_NOINPUT`), rather than only files whose
  /// content is wrong (`EX_DATAERR`): a problem that follows from the missing content (a parent
  /// scenario's keys, a baseline's values) does not make the status 65.
  public var isUnreadableFile: Bool {
    problems.contains(where: \.isUnreadableFile)
  }

  /// `noInput` when some file could not be read, else `data`.
  public var category: ErrorCategory { isUnreadableFile ? .noInput : .data }

  public var description: String {
    problems.map(\.description).joined(separator: "\n")
  }
}
