import LinearAlgebra
import Simulation
import Stochastics

/// A sensitivity analysis of a scenario's outputs to its uncertain quantities: which method, for
/// which outputs and years, on how many samples. `run` draws the method's design, projects every
/// point and analyses the values.
public struct ScenarioAnalysis: Sendable {
  public var method: SensitivityMethod
  /// The outputs analysed, each with its calendar year.
  public var outputs: [SensitivityOutput]
  /// Base samples N of a Sobol design (N(K + 2) runs), or the sample size of the regression
  /// method; the tornado needs 2d + 1 runs whatever this says.
  public var samples: Int
  /// Sobol indices of the groups `model` and `index_method` instead of each input.
  public var grouped: Bool
  /// Seed of the design's points and scramblings, and of the bootstrap.
  public var seed: UInt64
  public var noise: DesignSampler.NoisePolicy
  public var threads: Int
  public var tornadoOptions = TornadoOptions()
  public var regressionOptions = RegressionOptions()
  public var sobolOptions = SobolOptions()

  public init(
    method: SensitivityMethod, outputs: [SensitivityOutput], samples: Int, grouped: Bool = false,
    seed: UInt64, noise: DesignSampler.NoisePolicy = .common, threads: Int
  ) {
    self.method = method
    self.outputs = outputs
    self.samples = samples
    self.grouped = grouped
    self.seed = seed
    self.noise = noise
    self.threads = threads
  }

  /// What an analysis produced: the rows and warnings, the inputs it varied, how many runs it
  /// took, and the projection's warnings (saturated scores, stocks held at zero).
  public struct Report: Sendable {
    public let result: SensitivityResult
    public let inputs: [SensitivityInput]
    public let runs: Int
    public let sampling: BaseSampling?
    public let diagnostics: [NumericalDiagnostic]
  }

  /// Runs the analysis on `scenario` over `inputs` (by default every quantity that varies, from
  /// `ScenarioModel.uncertainInputs`). Throws a `SensitivityError` when the options do not fit
  /// the scenario or a projection overflows.
  public func run(on scenario: CompiledScenario, inputs chosen: [SensitivityInput]? = nil) throws -> Report {
    let inputs = chosen ?? ScenarioModel.uncertainInputs(of: scenario, noise: noise)
    guard !inputs.isEmpty else { throw SensitivityError.noInputs }
    if grouped, method != .sobol {
      throw SensitivityError.invalidOption("grouped indices are Sobol indices: use them with the sobol method")
    }
    let model = try ScenarioModel(scenario: scenario, inputs: inputs, outputs: outputs, noise: noise, threads: threads)
    func evaluate(_ points: Matrix) throws -> (Matrix, [NumericalDiagnostic]) {
      let (values, diagnostics) = try model.evaluateWithDiagnostics(points)
      let errors = diagnostics.filter(\.isError)
      guard errors.isEmpty else { throw SensitivityError.projectionFailed(errors.map(\.message)) }
      return (values, diagnostics)
    }

    switch method {
    case .tornado:
      let points = try Tornado.design(inputs: inputs, options: tornadoOptions)
      let (values, diagnostics) = try evaluate(points)
      let result = try Tornado.analyze(
        inputs: inputs, points: points, outputs: outputs, values: values,
        jointSets: ScenarioModel.estimateSetFactors(inputs))
      return Report(result: result, inputs: inputs, runs: points.rows, sampling: nil, diagnostics: diagnostics)
    case .src:
      let sampling = Self.sampling(inputs: inputs.count, matrices: 1, samples: samples, replicates: 1, seed: seed)
      let sample = try monteCarloSample(of: inputs, count: samples, sampling: sampling)
      let (values, diagnostics) = try evaluate(sample)
      let result = try StandardisedRegression.analyze(
        inputs: inputs, sample: sample, outputs: outputs, values: values, options: regressionOptions,
        jointSets: ScenarioModel.estimateSetFactors(inputs))
      return Report(result: result, inputs: inputs, runs: sample.rows, sampling: sampling, diagnostics: diagnostics)
    case .sobol:
      let (design, sampling) = try sobolDesign(inputs: inputs)
      let (values, diagnostics) = try evaluate(design.points)
      return try sobolReport(design: design, sampling: sampling, values: values, diagnostics: diagnostics)
    }
  }

  /// The Sobol design `run` evaluates: a pure function of the inputs, the samples and the seed,
  /// so shards computed anywhere fit together.
  func sobolDesign(inputs: [SensitivityInput]) throws -> (SaltelliDesign, BaseSampling) {
    let sampling = Self.sampling(
      inputs: inputs.count, matrices: 2, samples: samples, replicates: Self.sobolReplicates, seed: seed)
    let design = try SaltelliDesign(
      inputs: inputs, baseSamples: samples,
      factors: grouped ? .groups : .joint(ScenarioModel.estimateSetFactors(inputs)), sampling: sampling)
    return (design, sampling)
  }

  func sobolReport(
    design: SaltelliDesign, sampling: BaseSampling, values: Matrix, diagnostics: [NumericalDiagnostic]
  ) throws -> Report {
    var options = sobolOptions
    options.seed = seed
    var result = try SobolIndices.analyze(design: design, outputs: outputs, values: values, options: options)
    if grouped, let warning = Self.singleGroupWarning(design.inputs) { result.warnings.insert(warning, at: 0) }
    return Report(
      result: result, inputs: design.inputs, runs: design.runCount, sampling: sampling, diagnostics: diagnostics)
  }

  /// Evaluates one shard of the Sobol design: the rows of base samples `baseSamples` (each base
  /// sample's rows A, AB₁…AB_k, B stay together). Returns the design rows and their values, one
  /// array per row, for `analyseSobol(values:on:)` to combine.
  public func evaluateSobolShard(
    _ baseSamples: Range<Int>, on scenario: CompiledScenario
  ) throws
    -> (rows: Range<Int>, totalRows: Int, values: [[Double]], diagnostics: [NumericalDiagnostic])
  {
    let inputs = ScenarioModel.uncertainInputs(of: scenario, noise: noise)
    guard !inputs.isEmpty else { throw SensitivityError.noInputs }
    let (design, _) = try sobolDesign(inputs: inputs)
    let perSample = design.runCount / samples
    let rows = (baseSamples.lowerBound * perSample)..<(baseSamples.upperBound * perSample)
    let d = design.points.columns
    let subset = Matrix(
      rows: rows.count, columns: d, elements: (0..<d).flatMap { j in rows.map { design.points[$0, j] } })
    let model = try ScenarioModel(scenario: scenario, inputs: inputs, outputs: outputs, noise: noise, threads: threads)
    let (values, diagnostics) = try model.evaluateWithDiagnostics(subset)
    let errors = diagnostics.filter(\.isError)
    guard errors.isEmpty else { throw SensitivityError.projectionFailed(errors.map(\.message)) }
    return (rows, design.runCount, (0..<values.rows).map { values.row($0) }, diagnostics)
  }

  /// The Sobol analysis of values computed in shards: `values` holds every design row in order.
  public func analyseSobol(
    values: [[Double]], diagnostics: [NumericalDiagnostic] = [], on scenario: CompiledScenario
  ) throws -> Report {
    let inputs = ScenarioModel.uncertainInputs(of: scenario, noise: noise)
    guard !inputs.isEmpty else { throw SensitivityError.noInputs }
    let (design, sampling) = try sobolDesign(inputs: inputs)
    guard values.count == design.runCount, values.allSatisfy({ $0.count == outputs.count }) else {
      throw SensitivityError.valuesShape(
        expectedRows: design.runCount, expectedColumns: outputs.count, rows: values.count,
        columns: values.first?.count ?? 0)
    }
    return try sobolReport(
      design: design, sampling: sampling, values: Matrix(rowMajor: values), diagnostics: diagnostics)
  }

  /// Why grouped indices say nothing when every input is in one group: which group, why the
  /// other is empty, and how to fill it; nil with two groups.
  static func singleGroupWarning(_ inputs: [SensitivityInput]) -> SensitivityWarning? {
    let groups = Set(inputs.compactMap(\.group))
    guard groups.count == 1, let only = groups.first else { return nil }
    let reason =
      only == ScenarioModel.Group.model
      ? "no index.* quantity (index weights or goalposts) has a distribution in this scenario, so all of the "
        + "variance is the model's (S = 1); give dimension_weights, indicator_weights or goalposts a distribution "
        + "in the model to apportion it"
      : "every uncertain quantity is an index weight or goalpost, so all of the variance is the index method's "
        + "(S = 1); the model's quantities are all fixed"
    return SensitivityWarning(
      kind: .singleGroup, output: nil, input: nil,
      message: "--groups: only one group, \(only), among the \(inputs.count) inputs: \(reason)")
  }

  /// Independent scramblings of the Sobol points of a Sobol design, whose estimates give the
  /// intervals: 8, so that t₇ (2.36) and an sd from 8 values (about ±25 %) give intervals of
  /// steady width while each scrambling keeps N/8 points — a power of two when N is. More
  /// scramblings of fewer points each estimate the error better but make it larger (each one
  /// loses part of the quasi-Monte Carlo gain); fewer make the interval's width itself erratic.
  public static let sobolReplicates = 8

  /// Scrambled Sobol points, in `replicates` independent scramblings, when the design's
  /// dimensions fit the sequence and, with several scramblings, each gets at least 2 of the
  /// `samples` points (they converge faster); independent random points otherwise.
  static func sampling(inputs: Int, matrices: Int, samples: Int, replicates: Int, seed: UInt64) -> BaseSampling {
    inputs * matrices <= SobolSequence.maximumDimensions && (replicates == 1 || samples >= 2 * replicates)
      ? .sobol(scrambleSeed: seed, replicates: replicates) : .random(seed: seed)
  }
}
