/// A stock's accounting equation: its addition rate parameter, how each year's addition varies
/// around it, and the policies that move it.
struct StockEquation: Sendable {
  let slot: Int
  let addition: Int
  let yearly: CompiledYearlyVariation
  let policyEffects: [PolicyTerm]
}

/// `YearlyVariation` with its standard deviation as a parameter index.
enum CompiledYearlyVariation: Sendable, Equatable {
  case none
  case poisson
  case normal(sd: Int)
}

/// A response's equation in modelling space: drift, shock, autoregression and exposure
/// parameters, the driver edges and the policy terms (each an index into the per-run values).
struct ResponseEquation: Sendable {
  let slot: Int
  let drift: Int
  let shockSD: Int
  let autoregression: Int
  let exposure: Int
  let drivers: [Edge]
  let policyEffects: [PolicyTerm]
}

/// A driver edge into a response.
struct Edge: Sendable {
  let from: Int
  let lag: Int
  /// Index into the per-run values (a sampled parameter or a derived elasticity).
  let elasticity: Int
}

/// A policy intervention's effect on one indicator, scaled by the intervention's phase-in.
struct PolicyTerm: Sendable {
  let intervention: Int
  let effect: Int
}
