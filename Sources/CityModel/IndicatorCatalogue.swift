/// The indicators a model may name: the annex's rows, extensible by a user's file.
public struct IndicatorCatalogue: Sendable {
  public private(set) var indicators: [Indicator]
  private var positions: [String: Int]

  public init(_ indicators: [Indicator]) {
    self.indicators = indicators
    positions = Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  public subscript(id: String) -> Indicator? {
    positions[id].map { indicators[$0] }
  }
}
