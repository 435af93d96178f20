import CityModel
import LinearAlgebra
import Stochastics

/// The correlation of the responses' yearly innovations: the lower Cholesky factor over the
/// responses that take part in a correlation; the others' innovations stay independent.
struct CompiledShockCorrelation {
  /// Row-major lower factor, nil when innovations are independent.
  let factor: [Double]?
  /// Positions in the responses' evaluation order of the correlated responses.
  let responses: [Int]

  init(_ model: Model, responseIDs: [String]) throws {
    guard !model.shockCorrelations.isEmpty else {
      factor = nil
      responses = []
      return
    }
    let responsePosition = Dictionary(uniqueKeysWithValues: responseIDs.enumerated().map { ($1, $0) })
    var correlated: [Int] = []
    var pairs: [(a: Int, b: Int, correlation: Double)] = []
    for pair in model.shockCorrelations {
      guard let a = responsePosition[pair.first], let b = responsePosition[pair.second] else {
        throw SimulationError(
          "shock correlation between '\(pair.first)' and '\(pair.second)': both must be responses in play")
      }
      correlated.append(contentsOf: [a, b])
      pairs.append((a, b, pair.correlation))
    }
    responses = Array(Set(correlated)).sorted()
    let n = responses.count
    let position = Dictionary(uniqueKeysWithValues: responses.enumerated().map { ($1, $0) })
    var correlation = Matrix.identity(n)
    for pair in pairs {
      guard let a = position[pair.a], let b = position[pair.b] else { continue }
      correlation[a, b] = pair.correlation
      correlation[b, a] = pair.correlation
    }
    let lower = try Cholesky(correlation).lower
    factor = (0..<n).flatMap { i in (0..<n).map { j in lower[i, j] } }
  }
}

/// The disruption process: its yearly strike probability (a parameter) and its size.
struct CompiledDisruption: Sendable {
  let probability: Int
  let size: Distribution
}
