import ArgumentParser
import CityModel
import ErrorCategories
import FileOutput
import Foundation

/// The sysexits(3) statuses iccsim exits with, and the one place that maps errors to them.
enum ExitStatus: Int32 {
  case success = 0
  /// EX_USAGE: the command line is wrong (argument-parser reports these itself).
  case usage = 64
  /// EX_DATAERR: an input file's content is wrong.
  case dataError = 65
  /// EX_NOINPUT: an input file does not exist or cannot be read.
  case noInput = 66
  /// EX_SOFTWARE: a failure inside iccsim.
  case internalError = 70
  /// EX_CANTCREAT: an output file cannot be created.
  case cannotCreate = 73
  /// EX_IOERR: writing an output failed (a full disk, a closed pipe).
  case ioError = 74

  /// The status of a library error's category; argument-parser's validation errors are usage
  /// errors, the executable's own refusals (numerical errors in a result, mismatched shards) data
  /// errors, and an error of no category is internal.
  init(for error: Error) {
    switch error {
    case let error as CategorisedError: self = ExitStatus(error.category)
    case is ValidationError: self = .usage
    default: self = .internalError
    }
  }

  /// The one status of each category.
  init(_ category: ErrorCategory) {
    switch category {
    case .usage: self = .usage
    case .data: self = .dataError
    case .noInput: self = .noInput
    case .cannotCreate: self = .cannotCreate
    case .ioError: self = .ioError
    case .internal: self = .internalError
    }
  }
}

/// Runs a command's work; on failure prints the error to standard error and exits with its
/// sysexits status. Input problems print one `file:line:column: message` line each, then an
/// `iccsim:` summary; any other error prints as `iccsim: <message>`.
func exitingOnError(_ work: () throws -> Void) throws {
  InterruptHandling.install()
  do {
    try work()
  } catch let error as ExitCode {
    throw error
  } catch {
    let status = ExitStatus(for: error)
    if error is ValidationError { throw error }
    printToStandardError(message(for: error))
    throw ExitCode(status.rawValue)
  }
}

func message(for error: Error) -> String {
  switch error {
  case let error as InputError:
    let count = error.problems.count
    return error.description + "\niccsim: \(count) problem\(count == 1 ? "" : "s") in the input"
  case let error as CustomStringConvertible:
    return "iccsim: \(error.description)"
  default:
    return "iccsim: \(error.localizedDescription)"
  }
}

func printToStandardError(_ text: String) {
  StandardOutput.writeError(text + "\n")
}
