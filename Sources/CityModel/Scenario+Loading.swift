import Foundation

extension Scenario {
  /// Reads and validates a scenario file: resolves `extends`, loads its model (path relative to
  /// the file), reads the city's base-year rows of its baseline table, applies `values:`, and
  /// checks that every indicator in play has a base-year value.
  ///
  /// Throws `InputError` listing every problem found in any of these files.
  public static func load(from url: URL, catalogue: IndicatorCatalogue = .bundled) throws -> Scenario {
    let diagnostics = Diagnostics()
    let scenario = ScenarioFile.read(SourceFile(url: url), catalogue: catalogue, diagnostics: diagnostics)
    try diagnostics.throwIfProblems()
    return scenario!
  }
}
