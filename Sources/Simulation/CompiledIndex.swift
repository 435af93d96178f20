import CityModel
import Stochastics

/// The composite index as the kernel computes it: dimensions in play, their weight parameters
/// and their member indicators with goalposts.
struct CompiledIndex: Sendable {
  let aggregation: IndexSpecification.Aggregation
  /// Dimensions with at least one indicator in the index, in `CityModel.Dimension.allCases` order.
  let dimensions: [CityModel.Dimension]
  /// Per dimension: its weight parameter and its member indicators.
  let dimensionWeight: [Int]
  let members: [[IndexMember]]
}

/// An indicator in the index: its slot, weight parameter, goalposts and direction.
struct IndexMember: Sendable {
  let slot: Int
  let weight: Int
  /// The goalposts L and U.
  let low: GoalpostBound
  let high: GoalpostBound
  let reversed: Bool
  /// Normalised on natural units (`linear`) rather than in the modelling space: the goalposts are
  /// then kept untransformed and the index reads the level, not the modelling-space value.
  let linear: Bool
}

/// One goalpost of an index member: fixed, already in the space it is normalised in (T(L), or L
/// for a linear member), or drawn per run from a parameter in natural units (transformed per run
/// in the kernel when the member is not linear).
enum GoalpostBound: Sendable {
  case fixed(Double)
  case drawn(parameter: Int)
}

extension CompiledIndex {
  /// Compiles the model's index over the slots in play (`inPlay`, catalogue order), registering
  /// per dimension its members' weights and drawn goalposts, then the dimension's weight.
  init(_ model: Model, slots: [Slot], inPlay: [Int], registry: inout ParameterRegistry) throws {
    var dimensions: [CityModel.Dimension] = []
    var dimensionWeight: [Int] = []
    var members: [[IndexMember]] = []
    for dimension in CityModel.Dimension.allCases {
      var group: [IndexMember] = []
      for slot in inPlay {
        let id = slots[slot].id
        guard let entry = model.catalogue[id], entry.dimension == dimension,
          let goalpost = model.index.goalposts[id]
        else { continue }
        let linear = goalpost.normalisation == .linear
        let transform = slots[slot].transform
        func t(_ value: Double) -> Double { linear ? value : transform.forward(value) }
        // Every value a goalpost can take, in the space it is normalised in: its support's ends
        // (the loader checks them too; this guards models built in code).
        let lowest = goalpost.low.valueBounds, highest = goalpost.high.valueBounds
        let ends = [lowest.lower, lowest.upper, highest.lower, highest.upper].map(t)
        guard ends.allSatisfy(\.isFinite), ends[1] < ends[2] else {
          throw SimulationError(
            "goalposts of '\(id)' must be inside the indicator's range with every low below every high")
        }
        func bound(_ distribution: Distribution, _ end: String) -> GoalpostBound {
          if case .fixed(let value) = distribution { return .fixed(t(value)) }
          return .drawn(parameter: registry.register("index.goalposts.\(id).\(end)", distribution))
        }
        group.append(
          IndexMember(
            slot: slot, weight: registry.register("index.weights.\(id)", model.index.indicatorWeights[id] ?? .fixed(1)),
            low: bound(goalpost.low, "low"), high: bound(goalpost.high, "high"), reversed: entry.better == .lower,
            linear: linear))
      }
      guard !group.isEmpty else { continue }
      dimensions.append(dimension)
      dimensionWeight.append(
        registry.register(
          "index.weights.\(dimension.rawValue)", model.index.dimensionWeights[dimension] ?? .fixed(1)))
      members.append(group)
    }
    self.init(
      aggregation: model.index.aggregation, dimensions: dimensions, dimensionWeight: dimensionWeight, members: members)
  }
}
