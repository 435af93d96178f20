import CityModel

/// What an output id means: an indicator of the catalogue, a dimension score, or the index.
public struct OutputInfo: Codable, Sendable, Equatable {
  public enum Kind: String, Codable, Sendable {
    case indicator, dimension, index
  }

  public var id: String
  public var kind: Kind
  public var name: LocalizedText
  /// Unit of an indicator; "score" for dimensions and the index.
  public var unit: String
  /// The dimension an indicator belongs to; nil for dimensions and the index.
  public var dimension: Dimension?
  /// Which way is better (the catalogue's `better`; higher for dimensions and the index); nil in
  /// results written before directions were recorded.
  public var better: Direction?

  public init(
    id: String, kind: Kind, name: LocalizedText, unit: String, dimension: Dimension?, better: Direction? = .higher
  ) {
    self.id = id
    self.kind = kind
    self.name = name
    self.unit = unit
    self.dimension = dimension
    self.better = better
  }
}
