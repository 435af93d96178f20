import ErrorCategories

/// A result with values that overflowed or became undefined: refused whole (exit 65).
///
/// The policy every command follows: warnings (`NumericalDiagnostic.isError` false) are shown
/// beside a result, but a result with any numerical error is not written at all.
public struct NumericalFailure: CategorisedError, CustomStringConvertible {
  public var category: ErrorCategory { .data }

  /// The errors among the result's diagnostics.
  public let diagnostics: [NumericalDiagnostic]

  public var description: String {
    "the projection is numerically unusable:\n" + diagnostics.map { "  " + $0.message }.joined(separator: "\n")
  }

  /// Throws the failure listing the errors among `diagnostics`, if there are any.
  public static func refuseErrors(in diagnostics: [NumericalDiagnostic]) throws {
    let errors = diagnostics.filter(\.isError)
    if !errors.isEmpty { throw NumericalFailure(diagnostics: errors) }
  }
}
