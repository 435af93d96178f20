import CityModel
import Foundation
import Stochastics

/// A scenario compiled to flat arrays: indicators in evaluation order, equations with parameter
/// indices, interventions, the shock factor and the index. Built once, read by every run.
public struct CompiledScenario: Sendable {
  public let id: String
  public let title: LocalizedText
  public let city: String
  public let baseYear: Int
  public let horizon: Int
  public let seed: UInt64
  /// Per-run parameters drawn from their distributions, in registration order.
  public let parameters: [UncertainParameter]
  /// Paths of parameters no equation reads: the model's elasticities of edges that an estimate
  /// set replaced (drawn jointly from its estimates instead). Sensitivity analyses leave them out.
  public let unreadParameters: Set<String>
  /// Outputs in result order: indicators in play (catalogue order), dimensions in play, `index`.
  public let outputs: [OutputInfo]
  public let targets: [Target]
  /// The goalposts of the indicators in the index, in natural units (see `IndexGoalpost`).
  public let goalposts: [IndexGoalpost]

  let slots: [Slot]
  let stocks: [StockEquation]
  /// Responses in topological order of their lag-0 drivers.
  let responses: [ResponseEquation]
  let interventions: [CompiledIntervention]
  /// Lower Cholesky factor of the innovation correlation, row-major, over the responses that
  /// take part in a correlation (`correlatedResponses`, positions in `responses`); nil when
  /// innovations are independent. The other responses' innovations stay independent.
  let shockFactor: [Double]?
  let correlatedResponses: [Int]
  let disruption: CompiledDisruption?
  let estimateDraws: [EstimateDraw]
  let index: CompiledIndex
  /// Slot that receives the programme cost (tertiary-sector fixed-asset investment), if in play.
  let costSlot: Int?
  /// Output position of each slot's indicator.
  let outputOfSlot: [Int]
  /// Output position of each target's output and the year offset it is checked in.
  let targetSeries: [(output: Int, yearOffset: Int)]

  /// Number of per-run values: sampled parameters followed by derived (estimated) elasticities.
  var parameterValueCount: Int { parameters.count + estimateDraws.reduce(0) { $0 + $1.betaSlots.count } }
  /// Series recorded per run and year: every output, then the programme cost.
  var seriesCount: Int { outputs.count + 1 }
  var costSeries: Int { outputs.count }
}

extension CompiledScenario {
  /// Compiles a loaded scenario. Throws when the driver graph has a lag-0 cycle, a driver or
  /// target names an output not in play, or a base value is missing.
  ///
  /// The phases run in a fixed order because each registers its parameters in turn (the order
  /// of the sensitivity inputs): interventions, stocks, responses, estimate sets, disruption,
  /// index. Only when all are registered is the per-run value layout fixed and the derived
  /// elasticities placed after the sampled parameters.
  public init(_ scenario: Scenario) throws {
    let model = scenario.model
    var registry = ParameterRegistry()
    let layout = try SlotLayout(scenario)
    let compiledInterventions = try CompiledInterventions(scenario, layout: layout, registry: &registry)
    let policyTerms = compiledInterventions.policyTerms

    let stocks = layout.stocks.compactMap { indicator -> StockEquation? in
      guard case .stock(let stock) = indicator.role, let slot = layout.position[indicator.id] else { return nil }
      let addition = registry.register("\(indicator.id).annual_addition", stock.annualAddition)
      let yearly: CompiledYearlyVariation =
        switch stock.yearly {
        case .none: .none
        case .poisson: .poisson
        case .normal(let sd): .normal(sd: registry.register("\(indicator.id).yearly.sd", sd))
        }
      return StockEquation(
        slot: slot, addition: addition, yearly: yearly, policyEffects: policyTerms[indicator.id] ?? [])
    }
    var pendingResponses: [(equation: ResponseEquation, id: String)] = []
    var edges: [String: [PendingEdge]] = [:]
    for indicator in layout.responses {
      guard case .response(let response) = indicator.role, let slot = layout.position[indicator.id] else { continue }
      let id = indicator.id
      edges[id] = try response.drivers.map { driver in
        guard let from = layout.position[driver.from] else {
          throw SimulationError("'\(id)' is driven by '\(driver.from)', which is not in play")
        }
        let repeated = response.drivers.filter { $0.from == driver.from }.count > 1
        let path = "\(id).drivers.\(driver.from)\(repeated ? "@\(driver.lag)" : "").elasticity"
        return PendingEdge(
          driver: driver.from, lag: driver.lag, from: from, source: .sampled(registry.register(path, driver.elasticity))
        )
      }
      pendingResponses.append(
        (
          ResponseEquation(
            slot: slot,
            drift: registry.register("\(id).drift", response.drift),
            shockSD: registry.register("\(id).shock.sd", response.shockSD),
            autoregression: registry.register("\(id).shock.ar", response.autoregression),
            exposure: registry.register("\(id).exposure", response.exposure),
            drivers: [], policyEffects: policyTerms[id] ?? []), id
        ))
    }
    var slots = layout.slots
    for (id, deviation) in scenario.initialDeviations.sorted(by: { $0.key < $1.key }) {
      guard let slot = layout.position[id], !slots[slot].isStock else {
        throw SimulationError("an initial deviation is given for '\(id)', which is not a response in play")
      }
      if case .fixed(let value) = deviation {
        guard value.isFinite else { throw SimulationError("the initial deviation of '\(id)' is not finite") }
        slots[slot].initialDeviation = .fixed(value)
      } else {
        slots[slot].initialDeviation = .drawn(parameter: registry.register("\(id).initial_deviation", deviation))
      }
    }
    let estimates = try CompiledEstimates(model, layout: layout, edges: &edges, registry: &registry)
    let shockCorrelation = try CompiledShockCorrelation(model, responseIDs: pendingResponses.map(\.id))
    let disruption = model.disruption.map {
      CompiledDisruption(probability: registry.register("disruption.probability", $0.probability), size: $0.size)
    }
    let inPlay = layout.slots.indices.sorted {
      Self.catalogueOrder(layout.slots[$0].id, model.catalogue)
        < Self.catalogueOrder(layout.slots[$1].id, model.catalogue)
    }
    let index = try CompiledIndex(model, slots: layout.slots, inPlay: inPlay, registry: &registry)

    // Every parameter is registered: the per-run value layout is final.
    let values = PerRunValueLayout(sampledCount: registry.parameters.count, derivedCount: estimates.derivedCount)
    let responses = pendingResponses.map { pending in
      let equation = pending.equation
      return ResponseEquation(
        slot: equation.slot, drift: equation.drift, shockSD: equation.shockSD,
        autoregression: equation.autoregression, exposure: equation.exposure,
        drivers: (edges[pending.id] ?? []).map {
          Edge(from: $0.from, lag: $0.lag, elasticity: values.position($0.source))
        },
        policyEffects: equation.policyEffects)
    }

    let (outputs, outputOfSlot) = Self.outputs(model, slots: layout.slots, inPlay: inPlay, dimensions: index.dimensions)

    id = scenario.id
    goalposts = IndexGoalpost.all(of: model)
    title = scenario.title
    city = scenario.city
    baseYear = scenario.baseYear
    horizon = scenario.horizon
    seed = scenario.seed
    parameters = registry.parameters
    unreadParameters = Set(estimates.replacedParameters.map { registry.parameters[$0].path })
    self.outputs = outputs
    targets = scenario.targets
    self.slots = slots
    self.stocks = stocks
    self.responses = responses
    interventions = compiledInterventions.interventions
    shockFactor = shockCorrelation.factor
    correlatedResponses = shockCorrelation.responses
    self.disruption = disruption
    estimateDraws = estimates.resolved(values)
    self.index = index
    costSlot = layout.position[IndicatorCatalogue.programmeCostIndicator]
    self.outputOfSlot = outputOfSlot
    targetSeries = try Self.targetSeries(scenario, outputs: outputs)
  }

  /// Outputs in result order — indicators in play (catalogue order), dimensions with indicators
  /// in the index, then the index — and each slot's output position.
  static func outputs(
    _ model: Model, slots: [Slot], inPlay: [Int], dimensions: [CityModel.Dimension]
  ) -> (outputs: [OutputInfo], outputOfSlot: [Int]) {
    var outputs: [OutputInfo] = []
    var outputOfSlot = [Int](repeating: 0, count: slots.count)
    for slot in inPlay {
      let id = slots[slot].id
      let entry = model.catalogue[id]
      outputOfSlot[slot] = outputs.count
      outputs.append(
        OutputInfo(
          id: id, kind: .indicator, name: entry?.name ?? LocalizedText(zh: id, en: id),
          unit: entry?.unit ?? "", dimension: entry?.dimension, better: entry?.better ?? .higher))
    }
    for dimension in dimensions {
      outputs.append(
        OutputInfo(id: dimension.rawValue, kind: .dimension, name: dimension.name, unit: "score", dimension: nil))
    }
    if !dimensions.isEmpty {
      outputs.append(
        OutputInfo(
          id: IndexSpecification.outputID, kind: .index, name: IndexSpecification.name, unit: "score", dimension: nil))
    }
    return (outputs, outputOfSlot)
  }

  /// Each target's output position and year offset; a target outside the outputs or the
  /// projected years is an error.
  static func targetSeries(_ scenario: Scenario, outputs: [OutputInfo]) throws -> [(output: Int, yearOffset: Int)] {
    try scenario.targets.map { target in
      guard let output = outputs.firstIndex(where: { $0.id == target.output }) else {
        throw SimulationError("target names '\(target.output)', which is not an output of this scenario")
      }
      let offset = target.year - scenario.baseYear
      guard (0...scenario.horizon).contains(offset) else {
        throw SimulationError(
          "target year \(target.year) is outside \(scenario.baseYear)…\(scenario.baseYear + scenario.horizon)")
      }
      return (output, offset)
    }
  }

  static func catalogueOrder(_ id: String, _ catalogue: IndicatorCatalogue) -> Int {
    catalogue.indicators.firstIndex { $0.id == id } ?? Int.max
  }
}
