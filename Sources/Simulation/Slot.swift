import CityModel

/// One indicator in play, as the kernel holds it: its modelling transform and base-year value.
struct Slot: Sendable {
  let id: String
  let transform: ModellingTransform
  let base: Double
  let isStock: Bool
  /// ε(0) of a response: fixed (0 unless the scenario states one) or a per-run parameter.
  var initialDeviation: GoalpostBound = .fixed(0)
}

/// The indicators in play laid out for the kernel: stocks first (model order), then responses
/// in topological order of their lag-0 drivers, so every response is computed after the
/// responses that drive it in the same year.
struct SlotLayout {
  let slots: [Slot]
  let position: [String: Int]
  let stocks: [ModelIndicator]
  /// Responses in evaluation order.
  let responses: [ModelIndicator]

  init(_ scenario: Scenario) throws {
    let model = scenario.model
    stocks = model.indicators.filter { if case .stock = $0.role { true } else { false } }
    responses = try Self.evaluationOrder(model)
    var slots: [Slot] = []
    var position: [String: Int] = [:]
    for indicator in stocks + responses {
      guard let base = scenario.baseline[indicator.id], base.isFinite else {
        throw SimulationError("no base-year value for '\(indicator.id)'")
      }
      position[indicator.id] = slots.count
      let isStock = if case .stock = indicator.role { true } else { false }
      let transform: ModellingTransform
      if isStock {
        transform = ModellingTransform(scale: .count, offset: indicator.offset)
      } else {
        guard let entry = model.catalogue[indicator.id] else {
          throw SimulationError("indicator '\(indicator.id)' is not in the catalogue")
        }
        transform = ModellingTransform(scale: entry.scale, offset: indicator.offset)
      }
      slots.append(Slot(id: indicator.id, transform: transform, base: base, isStock: isStock))
    }
    self.slots = slots
    self.position = position
  }

  /// The model's responses in the driver graph's order (`DriverGraph.responseOrder`); a lag-0
  /// cycle, which has no such order, is an error naming its members.
  static func evaluationOrder(_ model: Model) throws -> [ModelIndicator] {
    let graph = model.driverGraph
    guard let order = graph.responseOrder else {
      let cycles = graph.lagZeroCycles().map { $0.joined(separator: " → ") }
      throw SimulationError("lag-0 cycle: \(cycles.joined(separator: "; "))")
    }
    let indicatorOf = Dictionary(model.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    return order.compactMap { indicatorOf[$0] }
  }
}
