import Stochastics

/// A candidate project of a portfolio search: an intervention written as in a scenario file,
/// optional, with alternative start years and scales.
public struct PortfolioCandidate: Sendable {
  /// The intervention as written (its `start` is the first of `starts`, its scale 1).
  public var intervention: Intervention
  /// Start years to choose from (in the order written).
  public var starts: [Int]
  /// Scales to choose from: a scale multiplies every stock amount and the cost (in the order written).
  public var scales: [Double]

  public init(intervention: Intervention, starts: [Int], scales: [Double]) {
    precondition(!starts.isEmpty && !scales.isEmpty, "a candidate has at least one start and one scale")
    self.intervention = intervention
    self.starts = starts
    self.scales = scales
  }

  public var id: String { intervention.id }

  /// The ways the candidate can be taken, start-major: (starts[0], scales[0]), (starts[0], scales[1]), ….
  public var alternatives: [Alternative] {
    starts.flatMap { start in scales.map { Alternative(start: start, scale: $0) } }
  }

  /// One way of taking a candidate: when it starts and at what scale.
  public struct Alternative: Hashable, Sendable {
    public var start: Int
    public var scale: Double

    public init(start: Int, scale: Double) {
      self.start = start
      self.scale = scale
    }
  }

  /// The intervention as a plan takes it: starting in `alternative.start`, its stock amounts and
  /// cost multiplied by `alternative.scale`. The reader has checked that every scale applies.
  public func intervention(_ alternative: Alternative) -> Intervention {
    var taken = intervention
    taken.start = alternative.start
    guard alternative.scale != 1 else { return taken }
    if case .addToStocks(let additions) = intervention.action {
      taken.action = .addToStocks(
        additions.map { addition in
          StockAddition(indicator: addition.indicator, amount: scaledOrSame(addition.amount, alternative.scale))
        })
    }
    taken.cost = scaledOrSame(intervention.cost, alternative.scale)
    return taken
  }

  private func scaledOrSame(_ distribution: Distribution, _ scale: Double) -> Distribution {
    guard let scaled = distribution.scaled(by: scale) else {
      preconditionFailure("candidate '\(id)': a scale was accepted for a distribution that cannot be scaled")
    }
    return scaled
  }
}
