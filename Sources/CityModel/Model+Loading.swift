import Foundation

extension Model {
  /// Reads and validates a model file, with its estimate sets and catalogue extensions.
  ///
  /// Throws `InputError` listing every problem found, each at its file:line:column.
  public static func load(from url: URL, catalogue: IndicatorCatalogue = .bundled) throws -> Model {
    let diagnostics = Diagnostics()
    let model = ModelFile.read(SourceFile(url: url), catalogue: catalogue, diagnostics: diagnostics)
    try diagnostics.throwIfProblems()
    return model!
  }
}
