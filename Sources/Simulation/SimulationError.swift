import ErrorCategories

/// A scenario the engine cannot project (the loader's validation normally reports these first).
public struct SimulationError: CategorisedError, CustomStringConvertible, Equatable {
  public let description: String
  /// The scenario's content cannot be projected.
  public var category: ErrorCategory { .data }
  init(_ description: String) { self.description = description }
}
