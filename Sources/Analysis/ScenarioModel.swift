import LinearAlgebra
import Simulation
import Stochastics

/// A compiled scenario seen as a `BatchModel`: each input vector is one projection run whose
/// uncertain quantities are set from the vector (the others held at their medians) and whose
/// yearly shocks follow the `noise` policy, so every output is a deterministic function of the
/// inputs.
public struct ScenarioModel: BatchModel {
  /// The blocks of the grouped uncertainty budget of the ICC index.
  public enum Group {
    /// Index weights (and any other `index.*` quantity): how the index is computed.
    public static let indexMethod = "index_method"
    /// Drifts, elasticities, policy effects, stock additions, delays, costs, shock and
    /// disruption parameters: how the city evolves.
    public static let model = "model"
  }

  public let scenario: CompiledScenario
  /// The stable paths set by the columns of an input matrix, in column order.
  public let paths: [String]
  public let outputs: [SensitivityOutput]
  public let noise: DesignSampler.NoisePolicy
  public let threads: Int

  /// A model over the quantities named by `inputs` and the outputs `outputs` (each with its
  /// calendar year). Throws when an output id or year is not in the scenario.
  public init(
    scenario: CompiledScenario, inputs: [SensitivityInput], outputs: [SensitivityOutput],
    noise: DesignSampler.NoisePolicy, threads: Int
  ) throws {
    let known = scenario.evaluableOutputs
    for output in outputs {
      guard known.contains(output.id) else {
        throw SensitivityError.invalidOption(
          "'\(output.id)' is not an output of scenario '\(scenario.id)'; expected one of: "
            + "\(known.joined(separator: ", "))"
        )
      }
      guard let year = output.year, (scenario.baseYear...(scenario.baseYear + scenario.horizon)).contains(year) else {
        throw SensitivityError.invalidOption(
          "output \(output) needs a year in \(scenario.baseYear)…\(scenario.baseYear + scenario.horizon)")
      }
    }
    self.scenario = scenario
    paths = inputs.map(\.name)
    self.outputs = outputs
    self.noise = noise
    self.threads = threads
  }

  /// The scenario's quantities that vary, as analysis inputs named by their stable paths, in the
  /// scenario's parameter order. Fixed quantities are left out, and so are the shock and
  /// disruption parameters that the `zero` policy switches off. `index.*` quantities are in group
  /// `index_method`, all others in group `model`.
  ///
  /// Estimated elasticities enter as their standard-normal coordinates
  /// `<response>.drivers.<driver>@<lag>.estimate_z` (β = β̂ + F·z): the z's are independent,
  /// as the analyses require, where the β's themselves are correlated. The model's own
  /// elasticities that an estimate set replaced are read by no equation and are left out (they
  /// would show as inputs without effect).
  public static func uncertainInputs(
    of scenario: CompiledScenario, noise: DesignSampler.NoisePolicy
  ) -> [SensitivityInput] {
    scenario.parameters.compactMap { parameter in
      guard !parameter.distribution.isFixed, parameter.distribution.variance > 0 else { return nil }
      if scenario.unreadParameters.contains(parameter.path) { return nil }
      if noise == .zero, DesignSampler.isNoise(parameter.path) { return nil }
      let group = parameter.path.hasPrefix("index.") ? Group.indexMethod : Group.model
      return SensitivityInput(name: parameter.path, distribution: parameter.distribution, group: group)
    }
  }

  /// The Sobol factor of each estimate set's standard-normal coordinates: the z's of the set for
  /// response R (`R.drivers.<driver>@<lag>.estimate_z`) move together as the factor
  /// `R.estimates`, so the set's elasticities, drawn jointly in every run, are one joint input
  /// of the indices rather than coordinates that mean nothing alone.
  public static func estimateSetFactors(_ inputs: [SensitivityInput]) -> [String: String] {
    var factors: [String: String] = [:]
    for input in inputs where input.name.hasSuffix(".estimate_z") {
      guard let response = input.name.components(separatedBy: ".drivers.").first, response != input.name else {
        continue
      }
      factors[input.name] = response + ".estimates"
    }
    return factors
  }

  /// The runs of `inputs` (samples × inputs, natural units) with the projection's diagnostics.
  public func evaluateWithDiagnostics(_ inputs: Matrix) throws -> (values: Matrix, diagnostics: [NumericalDiagnostic]) {
    let sampler = try DesignSampler(scenario: scenario, paths: paths, points: inputs, noise: noise)
    let requested = outputs.map { OutputYear(output: $0.id, year: $0.year!) }
    let result = try scenario.evaluate(sampler, values: requested, threads: threads)
    return (result.values, result.diagnostics)
  }

  /// The runs of `inputs`; throws when a projection overflowed (the engine's numerical errors).
  public func evaluate(_ inputs: Matrix) throws -> Matrix {
    let (values, diagnostics) = try evaluateWithDiagnostics(inputs)
    let errors = diagnostics.filter(\.isError)
    guard errors.isEmpty else { throw SensitivityError.projectionFailed(errors.map(\.message)) }
    return values
  }
}
