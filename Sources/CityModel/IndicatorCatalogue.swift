import Foundation

/// The indicators a model may name: the annex's rows, extensible by a user's file.
public struct IndicatorCatalogue: Sendable {
  public private(set) var indicators: [Indicator]
  private var positions: [String: Int]

  public init(_ indicators: [Indicator]) {
    self.indicators = indicators
    positions = Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The indicator that receives the programme's cost each year (tertiary-industry fixed-asset
  /// investment, where the evaluation system counts investment), when it is in play.
  public static let programmeCostIndicator = "tertiary_fai"

  public subscript(id: String) -> Indicator? {
    positions[id].map { indicators[$0] }
  }

  /// Every id, in catalogue order.
  public var ids: [String] { indicators.map(\.id) }

  /// The indicators of one dimension, in catalogue order.
  public func indicators(in dimension: Dimension) -> [Indicator] {
    indicators.filter { $0.dimension == dimension }
  }

  /// The catalogue that ships with iccsim: the 24 indicators of the annex that survive in our copy
  /// (row 8 is an open slot), read from `Resources/indicators.yaml`, which is embedded in the binary.
  public static let bundled: IndicatorCatalogue = {
    let diagnostics = Diagnostics()
    let file = SourceFile(url: URL(fileURLWithPath: "/iccsim/bundled/indicators.yaml"))
    let text = String(decoding: PackageResources.indicators_yaml, as: UTF8.self)
    let tree = YAMLTree.parse(text, file: file, diagnostics: diagnostics)
    let catalogue = IndicatorCatalogue([]).extended(with: tree, diagnostics: diagnostics)
    do {
      try diagnostics.throwIfProblems()
    } catch {
      fatalError("the bundled indicators.yaml is invalid:\n\(error)")
    }
    return catalogue
  }()

  /// This catalogue plus the indicators of a user's file (same format as the bundled one).
  /// Throws `InputError` with every problem (a duplicate id, a taken row, an unknown scale …).
  public func extended(with url: URL) throws -> IndicatorCatalogue {
    let diagnostics = Diagnostics()
    let extended = extended(with: SourceFile(url: url), diagnostics: diagnostics)
    try diagnostics.throwIfProblems()
    return extended
  }

  func extended(
    with file: SourceFile, referencedAt reference: SourceLocation? = nil, diagnostics: Diagnostics
  ) -> IndicatorCatalogue {
    extended(with: YAMLTree.load(file, referencedAt: reference, diagnostics: diagnostics), diagnostics: diagnostics)
  }

  /// This catalogue plus the indicators of a parsed file; itself when the file could not be parsed.
  private func extended(with tree: YAMLTree?, diagnostics: Diagnostics) -> IndicatorCatalogue {
    guard let tree else { return self }
    return IndicatorCatalogue(indicators + IndicatorFile.read(tree, existing: indicators, diagnostics: diagnostics))
  }
}
