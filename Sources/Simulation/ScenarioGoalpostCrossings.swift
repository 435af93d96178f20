/// In a comparison, one scenario's (the base's or an alternative's) goalpost crossings: where its
/// medians pass an index goalpost, found as for a run (`GoalpostCrossing`).
public struct ScenarioGoalpostCrossings: Codable, Sendable, Equatable {
  public var scenario: String
  public var crossings: [GoalpostCrossing]

  public init(scenario: String, crossings: [GoalpostCrossing]) {
    self.scenario = scenario
    self.crossings = crossings
  }
}
