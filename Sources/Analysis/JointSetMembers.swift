/// The jointly drawn sets among some inputs (input name → set name, as
/// `ScenarioModel.estimateSetFactors` gives them): each set with the positions of its
/// coordinates in `inputs`, sets in the order of their first coordinate.
func jointSetMembers(of inputs: [SensitivityInput], in jointSets: [String: String]) -> [(name: String, members: [Int])]
{
  var sets: [(name: String, members: [Int])] = []
  for (index, input) in inputs.enumerated() {
    guard let set = jointSets[input.name] else { continue }
    if let at = sets.firstIndex(where: { $0.name == set }) {
      sets[at].members.append(index)
    } else {
      sets.append((set, [index]))
    }
  }
  return sets
}
