/// An error that says which `ErrorCategory` it belongs to. Every library's error type adopts it,
/// so the command line maps errors to exit statuses in one place.
public protocol CategorisedError: Error {
  /// The kind of failure.
  var category: ErrorCategory { get }
}
