import CityModel
import LinearAlgebra

/// Elasticities drawn jointly from N(β̂, V̂) as β = β̂ + F·z, with F·Fᵀ = V̂ and z standard normal
/// parameters (so the z's are the analysis inputs, named after their terms).
struct EstimateDraw: Sendable {
  let normals: [Int]
  let mean: [Double]
  /// F, k×k row-major.
  let factor: [Double]
  /// Per-run value indices the drawn β's are written to.
  let betaSlots: [Int]
}

/// Where an edge's elasticity comes from while a scenario is being compiled. The per-run values
/// are every sampled parameter (registry order) followed by the derived elasticities, so a
/// derived value's position exists only once the last parameter is registered:
/// `PerRunValueLayout` resolves sources then, and nothing can be placed in another's slot.
enum ElasticitySource: Sendable {
  /// A sampled parameter, by registry position.
  case sampled(Int)
  /// The j-th elasticity drawn from an estimate set.
  case derived(Int)
}

/// The layout of a block's per-run values, fixed after the registry is complete.
struct PerRunValueLayout {
  let sampledCount: Int
  let derivedCount: Int

  func position(_ source: ElasticitySource) -> Int {
    switch source {
    case .sampled(let parameter):
      precondition(parameter < sampledCount, "sampled parameter \(parameter) outside the registry")
      return parameter
    case .derived(let j):
      precondition(j < derivedCount, "derived elasticity \(j) outside the estimate sets")
      return sampledCount + j
    }
  }
}

/// A response's driver edges while compiling, with their elasticities' sources unresolved.
struct PendingEdge {
  let driver: String
  let lag: Int
  let from: Int
  let source: ElasticitySource
}

/// The model's estimate sets compiled: their standard-normal parameters registered, their
/// edges replacing (or adding to) the model's, their β's numbered as derived values.
struct CompiledEstimates {
  struct Pending {
    let normals: [Int]
    let mean: [Double]
    let factor: [Double]
    let derived: [Int]
  }

  private(set) var draws: [Pending] = []
  private(set) var derivedCount = 0
  /// Registry positions of the model's elasticities that an estimate set replaced: still
  /// registered (the registry is append-only), but no equation reads them.
  private(set) var replacedParameters: [Int] = []

  init(
    _ model: Model, layout: SlotLayout, edges: inout [String: [PendingEdge]], registry: inout ParameterRegistry
  ) throws {
    for set in model.estimates {
      guard layout.position[set.response] != nil, edges[set.response] != nil else {
        throw SimulationError("estimates for '\(set.response)', which is not a response in play")
      }
      let factor = try Self.covarianceFactor(set)
      var normals: [Int] = []
      var derived: [Int] = []
      for term in set.terms {
        guard let from = layout.position[term.driver] else {
          throw SimulationError("estimates for '\(set.response)' name driver '\(term.driver)', which is not in play")
        }
        let path = "\(set.response).drivers.\(term.driver)@\(term.lag).estimate_z"
        normals.append(registry.register(path, .normal(mean: 0, sd: 1)))
        let edge = PendingEdge(driver: term.driver, lag: term.lag, from: from, source: .derived(derivedCount))
        if let existing = edges[set.response]?.firstIndex(where: { $0.driver == term.driver && $0.lag == term.lag }) {
          if case .sampled(let parameter) = edges[set.response]?[existing].source {
            replacedParameters.append(parameter)
          }
          edges[set.response]?[existing] = edge
        } else {
          edges[set.response]?.append(edge)
        }
        derived.append(derivedCount)
        derivedCount += 1
      }
      draws.append(Pending(normals: normals, mean: set.coefficients, factor: factor, derived: derived))
    }
  }

  /// The draws with their β's placed in the final per-run value layout.
  func resolved(_ layout: PerRunValueLayout) -> [EstimateDraw] {
    draws.map {
      EstimateDraw(
        normals: $0.normals, mean: $0.mean, factor: $0.factor,
        betaSlots: $0.derived.map { layout.position(.derived($0)) })
    }
  }

  /// F with F·Fᵀ = V̂ from the symmetric eigendecomposition, so a positive semi-definite V̂
  /// (a coefficient estimated exactly) is drawn correctly where a Cholesky factor would fail.
  static func covarianceFactor(_ set: EstimateSet) throws -> [Double] {
    let k = set.terms.count
    guard set.coefficients.count == k, set.covariance.count == k, set.covariance.allSatisfy({ $0.count == k }) else {
      throw SimulationError(
        "estimates for '\(set.response)': \(k) terms need \(k) estimates and a \(k)×\(k) covariance")
    }
    let eigen = try SymmetricEigendecomposition(Matrix(rowMajor: set.covariance))
    let scale = eigen.values.map { $0 > 0 ? $0.squareRoot() : 0 }
    return (0..<k).flatMap { i in (0..<k).map { j in eigen.vectors[i, j] * scale[j] } }
  }
}
