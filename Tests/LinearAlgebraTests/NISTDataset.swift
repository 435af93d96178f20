import Foundation
import LinearAlgebra

/// One NIST StRD linear-regression problem read from Fixtures/nist (see SOURCES.md there):
/// the design matrix built from the certified model's terms, the response, and the certified
/// values.
struct NISTDataset: Sendable {
  let name: String
  let design: Matrix
  let response: [Double]
  let hasIntercept: Bool
  let certified: Certified

  struct Certified: Decodable, Sendable {
    let parameters: [Double]
    let parameterStdDev: [Double]
    let residualStdDev: Double
    let rSquared: Double
  }

  private struct File: Decodable {
    struct Model: Decodable {
      let terms: [String]
      let intercept: Bool
    }
    let model: Model
    let csvColumns: [String]
    let certified: Certified
  }

  static let names = [
    "Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley",
    "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5",
  ]

  init(_ name: String) throws {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let file = try decoder.decode(File.self, from: Data(contentsOf: Self.fixture(name, "certified.json")))
    let text = try String(contentsOf: Self.fixture(name, "csv"), encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline)
    let header = lines[0].split(separator: ",").map(String.init)
    precondition(header == file.csvColumns, "\(name).csv header \(header) disagrees with its JSON")
    let records = try lines.dropFirst().map { line in
      try line.split(separator: ",").map { field in
        guard let value = Double(field) else { throw CocoaError(.fileReadCorruptFile) }
        return value
      }
    }
    let response = records.map { $0[header.count - 1] }
    let termColumns: [[Double]] = file.model.terms.map { term in
      if term == "1" { return [Double](repeating: 1, count: records.count) }
      if let column = header.firstIndex(of: term) { return records.map { $0[column] } }
      // "x^k": the raw power of x, as NIST states the polynomial models.
      let parts = term.split(separator: "^")
      let x = header.firstIndex(of: String(parts[0]))!
      let power = Double(parts[1])!
      return records.map { pow($0[x], power) }
    }
    self.name = name
    self.design = Matrix(rows: records.count, columns: termColumns.count, elements: termColumns.flatMap { $0 })
    self.response = response
    self.hasIntercept = file.model.intercept
    self.certified = file.certified
  }

  private static func fixture(_ name: String, _ suffix: String) throws -> URL {
    guard
      let url = Bundle.module.url(
        forResource: "\(name).\(suffix)".replacingOccurrences(of: ".\(suffix.split(separator: ".").last!)", with: ""),
        withExtension: String(suffix.split(separator: ".").last!), subdirectory: "Fixtures/nist")
    else { throw CocoaError(.fileNoSuchFile) }
    return url
  }

  /// R² as NIST certifies it: centred (1 − RSS/Σ(y − ȳ)²) with an intercept, uncentred
  /// (1 − RSS/Σy²) without one.
  func rSquared(residualSumOfSquares rss: Double) -> Double {
    let mean = hasIntercept ? response.reduce(0, +) / Double(response.count) : 0
    let total = response.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return 1 - rss / total
  }
}
