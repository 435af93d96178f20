import CityModel

/// An intervention as the kernel applies it: start, ramp, the parameters of its delay and cost,
/// and the stock additions it makes (each amount a parameter).
struct CompiledIntervention: Sendable {
  let start: Int
  let ramp: Int
  let delay: Int
  let cost: Int
  let additions: [(slot: Int, amount: Int)]
}

/// The scenario's interventions, and per indicator the policy terms they switch on.
struct CompiledInterventions {
  let interventions: [CompiledIntervention]
  let policyTerms: [String: [PolicyTerm]]

  init(_ scenario: Scenario, layout: SlotLayout, registry: inout ParameterRegistry) throws {
    var interventions: [CompiledIntervention] = []
    var policyTerms: [String: [PolicyTerm]] = [:]
    for (m, intervention) in scenario.interventions.enumerated() {
      let prefix = "interventions.\(intervention.id)"
      var additions: [(slot: Int, amount: Int)] = []
      switch intervention.action {
      case .addToStocks(let adds):
        for add in adds {
          guard let slot = layout.position[add.indicator], layout.slots[slot].isStock else {
            throw SimulationError(
              "intervention '\(intervention.id)' adds to '\(add.indicator)', which is not a stock in play")
          }
          additions.append((slot, registry.register("\(prefix).adds.\(add.indicator)", add.amount)))
        }
      case .policy(let policyID):
        guard let policy = scenario.model.policies.first(where: { $0.id == policyID }) else {
          throw SimulationError("intervention '\(intervention.id)' names unknown policy '\(policyID)'")
        }
        for effect in policy.effects where layout.position[effect.indicator] != nil {
          let parameter = registry.register("policies.\(policyID).effects.\(effect.indicator)", effect.effect)
          policyTerms[effect.indicator, default: []].append(PolicyTerm(intervention: m, effect: parameter))
        }
      }
      interventions.append(
        CompiledIntervention(
          start: intervention.start, ramp: max(1, intervention.ramp),
          delay: registry.register("\(prefix).delay", intervention.delay),
          cost: registry.register("\(prefix).cost", intervention.cost),
          additions: additions))
    }
    self.interventions = interventions
    self.policyTerms = policyTerms
  }
}
