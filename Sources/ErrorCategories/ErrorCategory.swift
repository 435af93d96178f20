/// What kind of failure an error is, as its user sees it: a wrong command line, wrong input
/// content, an input that cannot be read, an output that cannot be created, a write that failed,
/// or a fault inside iccsim. Libraries say which kind each of their errors is; the command line
/// alone turns the kind into an exit status.
public enum ErrorCategory: Sendable, Equatable, CaseIterable {
  /// An option or argument does not fit (a usage error).
  case usage
  /// An input's content is wrong, or the numbers defeat the computation.
  case data
  /// An input does not exist or cannot be read.
  case noInput
  /// An output cannot be created (it exists, its directory is missing, permissions).
  case cannotCreate
  /// Writing an output failed part-way (a full disk, a closed pipe).
  case ioError
  /// A failure inside iccsim, not caused by the user's input.
  case `internal`
}
