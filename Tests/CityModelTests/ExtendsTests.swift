import Foundation
import Testing

@testable import CityModel

@Suite("extends")
struct ExtendsTests {
  /// A parent with two interventions and targets, and a child that changes some of each.
  let parent =
    Fixture.scenario + """
      title: {zh: 父, en: Parent}
      horizon: 8
      interventions:
        - {id: a, policy: refund, start: 2024, ramp: 2, cost: {triangular: {min: 1, mode: 2, max: 3}}}
        - {id: b, adds: {metro_km: 10}, start: 2025}
        - {id: c, adds: {metro_km: 5}, start: 2026}
      targets:
        - {indicator: index, year: 2030, at_least: 50}

      """

  func load(child: String) throws -> Scenario {
    let folder = try TestFolder(Fixture.files(["parent.yaml": parent, "child.yaml": child]))
    return try Scenario.load(from: folder.file("child.yaml"))
  }

  @Test func mapsMergeKeyByKeyAndTheChildWins() throws {
    let scenario = try load(child: "extends: parent.yaml\nscenario: child\ntitle: {en: Child}\nruns: 50\n")
    #expect(scenario.id == "child")
    #expect(scenario.title == LocalizedText(zh: "父", en: "Child"), "zh kept from the parent, en from the child")
    #expect(scenario.horizon == 8 && scenario.runs == 50)
    #expect(scenario.city == "shanghai")
  }

  @Test func listsMergeByIdInParentOrder() throws {
    let scenario = try load(
      child: """
        extends: parent.yaml
        scenario: child
        interventions:
          - {id: d, adds: {metro_km: 1}, start: 2027}
          - {id: a, start: 2025, cost: {triangular: {max: 9}}}
          - {id: c, remove: true}
        """)
    #expect(scenario.interventions.map(\.id) == ["a", "b", "d"])
    let a = scenario.interventions[0]
    #expect(a.start == 2025 && a.ramp == 2, "start from the child, ramp from the parent")
    #expect(a.cost == .triangular(min: 1, mode: 2, max: 9), "a distribution of the same family merges its parameters")
  }

  @Test func aNewDistributionFamilyReplacesTheOld() throws {
    let scenario = try load(
      child: "extends: parent.yaml\nscenario: child\ninterventions:\n  - {id: a, cost: {uniform: {min: 4, max: 5}}}\n")
    #expect(scenario.interventions[0].cost == .uniform(min: 4, max: 5))
  }

  @Test func listsWithoutIdsAreReplacedWhole() throws {
    let scenario = try load(
      child:
        "extends: parent.yaml\nscenario: child\ntargets:\n  - {indicator: retail_sales, year: 2029, at_most: 30000}\n")
    #expect(scenario.targets == [Target(output: "retail_sales", year: 2029, bound: .atMost(30000))])
    let inherited = try load(child: "extends: parent.yaml\nscenario: child\n")
    #expect(inherited.targets == [Target(output: "index", year: 2030, bound: .atLeast(50))])
  }

  @Test func chainsResolveAndEveryFileIsRecorded() throws {
    let folder = try TestFolder(
      Fixture.files([
        "parent.yaml": parent,
        "child.yaml": "extends: parent.yaml\nscenario: child\nhorizon: 9\n",
        "variants/grandchild.yaml": "extends: ../child.yaml\nscenario: grandchild\nruns: 7\n",
      ]))
    let scenario = try Scenario.load(from: folder.file("variants/grandchild.yaml"))
    #expect(scenario.horizon == 9 && scenario.runs == 7 && scenario.interventions.count == 3)
    let names = scenario.sourceFiles.map(\.lastPathComponent)
    #expect(names == ["grandchild.yaml", "child.yaml", "parent.yaml", "model.yaml", "data.csv"])
  }

  @Test func removingAnUnknownIdIsAnError() throws {
    let folder = try TestFolder(
      Fixture.files([
        "parent.yaml": parent,
        "child.yaml": "extends: parent.yaml\nscenario: child\ninterventions:\n  - {id: zz, remove: true}\n",
      ]))
    #expect(
      folder.problems(validating: "child.yaml") == [
        "child.yaml:4:22: nothing to remove: no item with id 'zz' in the scenario this one extends"
      ])
  }

  @Test func aSelfExtensionIsALoop() throws {
    let folder = try TestFolder(Fixture.files(["s.yaml": Fixture.scenario + "extends: s.yaml\n"]))
    #expect(folder.problems(validating: "s.yaml") == ["s.yaml:6:10: an extends loop: s.yaml → s.yaml"])
  }
}
