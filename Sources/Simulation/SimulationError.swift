/// A scenario the engine cannot project (the loader's validation normally reports these first).
public struct SimulationError: Error, CustomStringConvertible, Equatable {
  public let description: String
  init(_ description: String) { self.description = description }
}
