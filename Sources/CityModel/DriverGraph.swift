/// The driver graph of a model: an edge from each driver to the response it drives.
///
/// Responses are computed each year in an order where every lag-0 driver comes before the
/// responses it drives; a cycle through lag-0 edges has no such order and is an error, while
/// feedback through lagged edges is allowed (docs/model.md, "Responses").
public struct DriverGraph: Sendable {
  /// Ids in play, in model order.
  public let ids: [String]
  /// Lag-0 drivers of each response, in the order the model lists them.
  private let lagZeroDrivers: [String: [String]]
  private let driverLists: [String: [Driver]]

  public init(_ indicators: [ModelIndicator]) {
    ids = indicators.map(\.id)
    var lists: [String: [Driver]] = [:]
    for indicator in indicators {
      if case .response(let response) = indicator.role { lists[indicator.id] = response.drivers }
    }
    driverLists = lists
    lagZeroDrivers = lists.mapValues { $0.filter { $0.lag == 0 }.map(\.from) }
  }

  /// Responses in an order that puts every lag-0 driver first (model order breaks ties), or nil
  /// when a lag-0 cycle makes that impossible.
  public var responseOrder: [String]? {
    let responses = ids.filter { driverLists[$0] != nil }
    var remaining = Dictionary(
      uniqueKeysWithValues: responses.map { id in
        (id, Set(lagZeroDrivers[id, default: []].filter { driverLists[$0] != nil }))
      })
    var order: [String] = []
    while !remaining.isEmpty {
      guard let next = responses.first(where: { remaining[$0]?.isEmpty == true }) else { return nil }
      order.append(next)
      remaining[next] = nil
      for key in remaining.keys { remaining[key]!.remove(next) }
    }
    return order
  }

  /// Each distinct cycle through lag-0 edges, written along the direction of influence and closed
  /// (`[a, b, a]` means a drives b and b drives a).
  public func lagZeroCycles() -> [[String]] {
    enum Mark { case visiting, done }
    var marks: [String: Mark] = [:]
    var path: [String] = []
    var cycles: [[String]] = []
    var seen: Set<Set<String>> = []
    // Walk from each response back through its lag-0 drivers; a driver already on the path closes a cycle.
    func visit(_ id: String) {
      marks[id] = .visiting
      path.append(id)
      for driver in lagZeroDrivers[id, default: []] {
        switch marks[driver] {
        case .visiting:
          let start = path.lastIndex(of: driver)!
          let loop = Array(path[start...])
          if seen.insert(Set(loop)).inserted {
            // path runs response → driver; reverse it so the arrows read driver → response.
            cycles.append(Array(loop.reversed()) + [loop.last!])
          }
        case nil:
          visit(driver)
        case .done:
          break
        }
      }
      path.removeLast()
      marks[id] = .done
    }
    for id in ids where marks[id] == nil { visit(id) }
    return cycles
  }

  /// Position in `response`'s driver list of its lag-0 edge from `driver`.
  func edgePosition(from driver: String, to response: String) -> Int? {
    driverLists[response]?.firstIndex { $0.from == driver && $0.lag == 0 }
  }
}

extension Model {
  /// The driver graph of the indicators in play.
  public var driverGraph: DriverGraph { DriverGraph(indicators) }
}
