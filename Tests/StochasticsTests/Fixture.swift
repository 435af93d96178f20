import Foundation

/// Reads a committed reference file from `Tests/StochasticsTests/Fixtures/`.
enum Fixture {
  static func url(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures").appendingPathComponent(name)
  }

  /// The "values" object of a fixture file: for each function, a list of numeric rows.
  static func rows(_ name: String) throws -> [String: [[Double]]] {
    struct Tables: Decodable { let values: [String: [[Double]]] }
    return try JSONDecoder().decode(Tables.self, from: Data(contentsOf: url(name))).values
  }
}

/// |actual − expected| / |expected|, or the absolute difference when expected is 0.
func relativeError(_ actual: Double, _ expected: Double) -> Double {
  if actual == expected { return 0 }
  if expected == 0 || expected.isInfinite { return abs(actual - expected) }
  return abs(actual - expected) / abs(expected)
}
