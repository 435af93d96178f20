import CityModel
import Foundation
import LinearAlgebra
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
  /// Outputs in result order: indicators in play (catalogue order), dimensions in play, `index`.
  public let outputs: [OutputInfo]
  public let targets: [Target]

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

struct Slot: Sendable {
  let id: String
  let transform: ModellingTransform
  let base: Double
  let isStock: Bool
}

struct StockEquation: Sendable {
  let slot: Int
  let addition: Int
  let policyEffects: [PolicyTerm]
}

struct ResponseEquation: Sendable {
  let slot: Int
  let drift: Int
  let shockSD: Int
  let autoregression: Int
  let exposure: Int
  let drivers: [Edge]
  let policyEffects: [PolicyTerm]
}

struct Edge: Sendable {
  let from: Int
  let lag: Int
  /// Index into the per-run values (a sampled parameter or a derived elasticity).
  let elasticity: Int
}

/// Where an edge's elasticity comes from while a scenario is being compiled. The per-run values
/// are every sampled parameter (registry order) followed by the derived elasticities, so a
/// derived value's position exists only once the last parameter is registered:
/// `PerRunValueLayout` resolves sources then, and nothing can be placed in another's slot.
enum ElasticitySource: Sendable {
  /// A sampled parameter, by registry position.
  case sampled(Int)
  /// The j-th elasticity drawn from an estimate set.
  case derived(Int)
}

/// The layout of a block's per-run values, fixed after the registry is complete.
struct PerRunValueLayout {
  let sampledCount: Int
  let derivedCount: Int

  func position(_ source: ElasticitySource) -> Int {
    switch source {
    case .sampled(let parameter):
      precondition(parameter < sampledCount, "sampled parameter \(parameter) outside the registry")
      return parameter
    case .derived(let j):
      precondition(j < derivedCount, "derived elasticity \(j) outside the estimate sets")
      return sampledCount + j
    }
  }
}

struct PolicyTerm: Sendable {
  let intervention: Int
  let effect: Int
}

struct CompiledIntervention: Sendable {
  let start: Int
  let ramp: Int
  let delay: Int
  let cost: Int
  let additions: [(slot: Int, amount: Int)]
}

struct CompiledDisruption: Sendable {
  let probability: Int
  let size: Distribution
}

/// Elasticities drawn jointly from N(β̂, V̂) as β = β̂ + F·z, with F·Fᵀ = V̂ and z standard normal
/// parameters (so the z's are the analysis inputs, named after their terms).
struct EstimateDraw: Sendable {
  let normals: [Int]
  let mean: [Double]
  /// F, k×k row-major.
  let factor: [Double]
  /// Per-run value indices the drawn β's are written to.
  let betaSlots: [Int]
}

/// An estimate set's draw before the per-run value layout is fixed (`derived` numbers its β's).
private struct PendingEstimateDraw {
  let normals: [Int]
  let mean: [Double]
  let factor: [Double]
  let derived: [Int]
}

struct CompiledIndex: Sendable {
  let aggregation: IndexSpecification.Aggregation
  /// Dimensions with at least one indicator in the index, in `CityModel.Dimension.allCases` order.
  let dimensions: [CityModel.Dimension]
  /// Per dimension: its weight parameter and its member indicators.
  let dimensionWeight: [Int]
  let members: [[IndexMember]]
}

struct IndexMember: Sendable {
  let slot: Int
  let weight: Int
  /// The goalposts L and U.
  let low: GoalpostBound
  let high: GoalpostBound
  let reversed: Bool
}

/// One goalpost of an index member: fixed, already in modelling space (T(L)), or drawn per run
/// from a parameter in natural units (transformed per run in the kernel).
enum GoalpostBound: Sendable {
  case fixed(Double)
  case drawn(parameter: Int)
}

/// A scenario the engine cannot project (the loader's validation normally reports these first).
public struct SimulationError: Error, CustomStringConvertible, Equatable {
  public let description: String
  init(_ description: String) { self.description = description }
}

extension CompiledScenario {
  /// Compiles a loaded scenario. Throws when the driver graph has a lag-0 cycle, a driver or
  /// target names an output not in play, or a base value is missing.
  public init(_ scenario: Scenario) throws {
    let model = scenario.model
    let catalogue = model.catalogue
    var registry = ParameterRegistry()

    // Slots: indicators in play, stocks first, then responses in topological order.
    var indicatorOf: [String: ModelIndicator] = [:]
    for indicator in model.indicators { indicatorOf[indicator.id] = indicator }
    func transform(_ indicator: ModelIndicator) throws -> ModellingTransform {
      guard let entry = catalogue[indicator.id] else {
        throw SimulationError("indicator '\(indicator.id)' is not in the catalogue")
      }
      return ModellingTransform(scale: entry.scale, offset: indicator.offset)
    }
    let stockIndicators = model.indicators.filter { if case .stock = $0.role { true } else { false } }
    let responseOrder = try Self.topologicalResponses(model)

    var slots: [Slot] = []
    var slotOf: [String: Int] = [:]
    for indicator in stockIndicators + responseOrder {
      guard let base = scenario.baseline[indicator.id], base.isFinite else {
        throw SimulationError("no base-year value for '\(indicator.id)'")
      }
      slotOf[indicator.id] = slots.count
      let isStock = if case .stock = indicator.role { true } else { false }
      let t = isStock
        ? ModellingTransform(scale: .count, offset: indicator.offset) : try transform(indicator)
      slots.append(Slot(id: indicator.id, transform: t, base: base, isStock: isStock))
    }

    // Interventions, and the policy terms they switch on.
    var interventions: [CompiledIntervention] = []
    var policyTerms: [String: [PolicyTerm]] = [:]
    for (m, intervention) in scenario.interventions.enumerated() {
      let prefix = "interventions.\(intervention.id)"
      var additions: [(slot: Int, amount: Int)] = []
      switch intervention.action {
      case .addToStocks(let adds):
        for add in adds {
          guard let slot = slotOf[add.indicator], slots[slot].isStock else {
            throw SimulationError("intervention '\(intervention.id)' adds to '\(add.indicator)', which is not a stock in play")
          }
          additions.append((slot, registry.register("\(prefix).adds.\(add.indicator)", add.amount)))
        }
      case .policy(let policyID):
        guard let policy = model.policies.first(where: { $0.id == policyID }) else {
          throw SimulationError("intervention '\(intervention.id)' names unknown policy '\(policyID)'")
        }
        for effect in policy.effects where slotOf[effect.indicator] != nil {
          let parameter = registry.register("policies.\(policyID).effects.\(effect.indicator)", effect.effect)
          policyTerms[effect.indicator, default: []].append(PolicyTerm(intervention: m, effect: parameter))
        }
      }
      interventions.append(CompiledIntervention(
        start: intervention.start, ramp: max(1, intervention.ramp),
        delay: registry.register("\(prefix).delay", intervention.delay),
        cost: registry.register("\(prefix).cost", intervention.cost),
        additions: additions))
    }

    // Equations.
    var stocks: [StockEquation] = []
    for indicator in stockIndicators {
      guard case .stock(let stock) = indicator.role else { continue }
      stocks.append(StockEquation(
        slot: slotOf[indicator.id]!,
        addition: registry.register("\(indicator.id).annual_addition", stock.annualAddition),
        policyEffects: policyTerms[indicator.id] ?? []))
    }
    var responses: [ResponseEquation] = []
    var edgesOf: [String: [(driver: String, lag: Int, from: Int, source: ElasticitySource)]] = [:]
    for indicator in responseOrder {
      guard case .response(let response) = indicator.role else { continue }
      let id = indicator.id
      var edges: [(driver: String, lag: Int, from: Int, source: ElasticitySource)] = []
      for driver in response.drivers {
        guard let from = slotOf[driver.from] else {
          throw SimulationError("'\(id)' is driven by '\(driver.from)', which is not in play")
        }
        let repeated = response.drivers.filter { $0.from == driver.from }.count > 1
        let path = "\(id).drivers.\(driver.from)\(repeated ? "@\(driver.lag)" : "").elasticity"
        edges.append((driver.from, driver.lag, from, .sampled(registry.register(path, driver.elasticity))))
      }
      edgesOf[id] = edges
      responses.append(ResponseEquation(
        slot: slotOf[id]!,
        drift: registry.register("\(id).drift", response.drift),
        shockSD: registry.register("\(id).shock.sd", response.shockSD),
        autoregression: registry.register("\(id).shock.ar", response.autoregression),
        exposure: registry.register("\(id).exposure", response.exposure),
        drivers: [], policyEffects: policyTerms[id] ?? []))
    }

    // Estimated elasticities replace (or add) driver edges, drawn jointly.
    var pendingDraws: [PendingEstimateDraw] = []
    var derivedCount = 0
    for set in model.estimates {
      guard slotOf[set.response] != nil, edgesOf[set.response] != nil else {
        throw SimulationError("estimates for '\(set.response)', which is not a response in play")
      }
      let factor = try Self.covarianceFactor(set)
      var normals: [Int] = []
      var derived: [Int] = []
      for term in set.terms {
        guard let from = slotOf[term.driver] else {
          throw SimulationError("estimates for '\(set.response)' name driver '\(term.driver)', which is not in play")
        }
        let path = "\(set.response).drivers.\(term.driver)@\(term.lag).estimate_z"
        normals.append(registry.register(path, .normal(mean: 0, sd: 1)))
        let edge = (driver: term.driver, lag: term.lag, from: from, source: ElasticitySource.derived(derivedCount))
        if let existing = edgesOf[set.response]?.firstIndex(where: { $0.driver == term.driver && $0.lag == term.lag }) {
          edgesOf[set.response]?[existing] = edge
        } else {
          edgesOf[set.response]?.append(edge)
        }
        derived.append(derivedCount)
        derivedCount += 1
      }
      pendingDraws.append(PendingEstimateDraw(normals: normals, mean: set.coefficients, factor: factor, derived: derived))
    }

    // Innovation correlation over responses.
    var shockFactor: [Double]? = nil
    var correlatedResponses: [Int] = []
    if !model.shockCorrelations.isEmpty {
      let responsePosition = Dictionary(uniqueKeysWithValues: responses.enumerated().map { (slots[$1.slot].id, $0) })
      for pair in model.shockCorrelations {
        guard let a = responsePosition[pair.first], let b = responsePosition[pair.second] else {
          throw SimulationError("shock correlation between '\(pair.first)' and '\(pair.second)': both must be responses in play")
        }
        correlatedResponses.append(contentsOf: [a, b])
      }
      correlatedResponses = Array(Set(correlatedResponses)).sorted()
      let n = correlatedResponses.count
      let position = Dictionary(uniqueKeysWithValues: correlatedResponses.enumerated().map { ($1, $0) })
      var correlation = Matrix.identity(n)
      for pair in model.shockCorrelations {
        let a = position[responsePosition[pair.first]!]!, b = position[responsePosition[pair.second]!]!
        correlation[a, b] = pair.correlation
        correlation[b, a] = pair.correlation
      }
      let lower = try Cholesky(correlation).lower
      shockFactor = (0..<n).flatMap { i in (0..<n).map { j in lower[i, j] } }
    }

    let disruption = model.disruption.map {
      CompiledDisruption(probability: registry.register("disruption.probability", $0.probability), size: $0.size)
    }

    // Composite index.
    let inPlay = slots.indices.sorted { Self.catalogueOrder(slots[$0].id, catalogue) < Self.catalogueOrder(slots[$1].id, catalogue) }
    var dimensions: [CityModel.Dimension] = []
    var dimensionWeight: [Int] = []
    var members: [[IndexMember]] = []
    for dimension in CityModel.Dimension.allCases {
      var group: [IndexMember] = []
      for slot in inPlay {
        let id = slots[slot].id
        guard let entry = catalogue[id], entry.dimension == dimension, let goalpost = model.index.goalposts[id] else { continue }
        let t = slots[slot].transform
        // Every value a goalpost can take, in modelling space: its support's ends (the loader
        // checks them too; this guards models built in code).
        let lowest = goalpost.low.valueBounds, highest = goalpost.high.valueBounds
        let ends = [lowest.lower, lowest.upper, highest.lower, highest.upper].map(t.forward)
        guard ends.allSatisfy(\.isFinite), ends[1] < ends[2] else {
          throw SimulationError("goalposts of '\(id)' must be inside the indicator's range with every low below every high")
        }
        func bound(_ distribution: Distribution, _ end: String) -> GoalpostBound {
          if case .fixed(let value) = distribution { return .fixed(t.forward(value)) }
          return .drawn(parameter: registry.register("index.goalposts.\(id).\(end)", distribution))
        }
        group.append(IndexMember(
          slot: slot, weight: registry.register("index.weights.\(id)", model.index.indicatorWeights[id] ?? .fixed(1)),
          low: bound(goalpost.low, "low"), high: bound(goalpost.high, "high"), reversed: entry.better == .lower))
      }
      guard !group.isEmpty else { continue }
      dimensions.append(dimension)
      dimensionWeight.append(registry.register("index.weights.\(dimension.rawValue)", model.index.dimensionWeights[dimension] ?? .fixed(1)))
      members.append(group)
    }
    let index = CompiledIndex(aggregation: model.index.aggregation, dimensions: dimensions, dimensionWeight: dimensionWeight, members: members)

    // Outputs: indicators (catalogue order), dimensions, index.
    var outputs: [OutputInfo] = []
    var outputOfSlot = [Int](repeating: 0, count: slots.count)
    for slot in inPlay {
      let id = slots[slot].id
      let entry = catalogue[id]
      outputOfSlot[slot] = outputs.count
      outputs.append(OutputInfo(
        id: id, kind: .indicator, name: entry?.name ?? LocalizedText(zh: id, en: id),
        unit: entry?.unit ?? "", dimension: entry?.dimension))
    }
    for dimension in dimensions {
      outputs.append(OutputInfo(id: dimension.rawValue, kind: .dimension, name: Self.dimensionName(dimension), unit: "score", dimension: nil))
    }
    if !dimensions.isEmpty {
      outputs.append(OutputInfo(id: "index", kind: .index, name: LocalizedText(zh: "国际消费中心城市指数", en: "ICC index"), unit: "score", dimension: nil))
    }

    var targetSeries: [(output: Int, yearOffset: Int)] = []
    for target in scenario.targets {
      guard let output = outputs.firstIndex(where: { $0.id == target.output }) else {
        throw SimulationError("target names '\(target.output)', which is not an output of this scenario")
      }
      let offset = target.year - scenario.baseYear
      guard (0...scenario.horizon).contains(offset) else {
        throw SimulationError("target year \(target.year) is outside \(scenario.baseYear)…\(scenario.baseYear + scenario.horizon)")
      }
      targetSeries.append((output, offset))
    }

    // Every parameter is registered: the per-run value layout is final, and derived
    // elasticities take the positions after the sampled parameters.
    let layout = PerRunValueLayout(sampledCount: registry.parameters.count, derivedCount: derivedCount)
    responses = responses.map { equation in
      ResponseEquation(
        slot: equation.slot, drift: equation.drift, shockSD: equation.shockSD,
        autoregression: equation.autoregression, exposure: equation.exposure,
        drivers: (edgesOf[slots[equation.slot].id] ?? []).map {
          Edge(from: $0.from, lag: $0.lag, elasticity: layout.position($0.source))
        },
        policyEffects: equation.policyEffects)
    }
    let estimateDraws = pendingDraws.map {
      EstimateDraw(
        normals: $0.normals, mean: $0.mean, factor: $0.factor,
        betaSlots: $0.derived.map { layout.position(.derived($0)) })
    }

    id = scenario.id
    title = scenario.title
    city = scenario.city
    baseYear = scenario.baseYear
    horizon = scenario.horizon
    seed = scenario.seed
    parameters = registry.parameters
    self.outputs = outputs
    targets = scenario.targets
    self.slots = slots
    self.stocks = stocks
    self.responses = responses
    self.interventions = interventions
    self.shockFactor = shockFactor
    self.correlatedResponses = correlatedResponses
    self.disruption = disruption
    self.estimateDraws = estimateDraws
    self.index = index
    costSlot = slotOf["tertiary_fai"]
    self.outputOfSlot = outputOfSlot
    self.targetSeries = targetSeries
  }

  /// Responses ordered so every lag-0 driver comes before what it drives (Kahn's algorithm,
  /// ties broken by file order so the order is deterministic).
  static func topologicalResponses(_ model: Model) throws -> [ModelIndicator] {
    let responses = model.indicators.filter { if case .response = $0.role { true } else { false } }
    let ids = Set(responses.map(\.id))
    var pending: [String: Set<String>] = [:]
    for indicator in responses {
      guard case .response(let response) = indicator.role else { continue }
      pending[indicator.id] = Set(response.drivers.filter { $0.lag == 0 && ids.contains($0.from) }.map(\.from))
    }
    var ordered: [ModelIndicator] = []
    var done: Set<String> = []
    while ordered.count < responses.count {
      guard let next = responses.first(where: { !done.contains($0.id) && pending[$0.id]!.isSubset(of: done) }) else {
        let stuck = responses.filter { !done.contains($0.id) }.map(\.id)
        throw SimulationError("lag-0 cycle among: \(stuck.joined(separator: ", "))")
      }
      ordered.append(next)
      done.insert(next.id)
    }
    return ordered
  }

  /// F with F·Fᵀ = V̂ from the symmetric eigendecomposition, so a positive semi-definite V̂
  /// (a coefficient estimated exactly) is drawn correctly where a Cholesky factor would fail.
  static func covarianceFactor(_ set: EstimateSet) throws -> [Double] {
    let k = set.terms.count
    guard set.coefficients.count == k, set.covariance.count == k, set.covariance.allSatisfy({ $0.count == k }) else {
      throw SimulationError("estimates for '\(set.response)': \(k) terms need \(k) estimates and a \(k)×\(k) covariance")
    }
    let eigen = try SymmetricEigendecomposition(Matrix(rowMajor: set.covariance))
    let scale = eigen.values.map { $0 > 0 ? $0.squareRoot() : 0 }
    return (0..<k).flatMap { i in (0..<k).map { j in eigen.vectors[i, j] * scale[j] } }
  }

  static func catalogueOrder(_ id: String, _ catalogue: IndicatorCatalogue) -> Int {
    catalogue.indicators.firstIndex { $0.id == id } ?? Int.max
  }

  static func dimensionName(_ dimension: CityModel.Dimension) -> LocalizedText {
    switch dimension {
    case .renown: LocalizedText(zh: "国际知名度", en: "International renown")
    case .prosperity: LocalizedText(zh: "消费繁荣度", en: "Consumption prosperity")
    case .vitality: LocalizedText(zh: "商业活跃度", en: "Commercial vitality")
    case .accessibility: LocalizedText(zh: "到达便利度", en: "Accessibility")
    case .policy: LocalizedText(zh: "政策引领度", en: "Policy leadership")
    }
  }
}
