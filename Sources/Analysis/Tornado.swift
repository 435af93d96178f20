import LinearAlgebra
import Stochastics

/// Settings of a tornado analysis: the quantiles each input swings between.
public struct TornadoOptions: Hashable, Sendable {
  public var lowQuantile: Double
  public var highQuantile: Double

  public init(lowQuantile: Double = 0.05, highQuantile: Double = 0.95) {
    self.lowQuantile = lowQuantile
    self.highQuantile = highQuantile
  }
}

/// One-at-a-time sensitivity: each input swings between its low and high quantiles (P5 and P95
/// by default) while every other input stays at its median.
///
/// It needs 2d + 1 model runs and shows local, per-input effects only: interactions and
/// nonlinearity across the joint range are for the Sobol indices.
public enum Tornado {
  /// The 2d + 1 points to evaluate: row 0 has every input at its median; rows 2i + 1 and 2i + 2
  /// move input i to its low and its high quantile.
  public static func design(
    inputs: [SensitivityInput], options: TornadoOptions = TornadoOptions()
  ) throws -> Matrix {
    try validate(inputs)
    guard 0 < options.lowQuantile, options.lowQuantile < options.highQuantile, options.highQuantile < 1 else {
      throw SensitivityError.invalidOption(
        "tornado quantiles must satisfy 0 < low < high < 1, got \(options.lowQuantile) and \(options.highQuantile)")
    }
    let medians = try inputs.map { try quantile(of: $0, at: 0.5) }
    var points = Matrix(rows: 2 * inputs.count + 1, columns: inputs.count)
    for row in 0..<points.rows {
      for column in 0..<inputs.count { points[row, column] = medians[column] }
    }
    for (column, input) in inputs.enumerated() {
      points[2 * column + 1, column] = try quantile(of: input, at: options.lowQuantile)
      points[2 * column + 2, column] = try quantile(of: input, at: options.highQuantile)
    }
    return points
  }

  /// Runs `model` on the tornado design and analyses the result.
  public static func run(
    model: some BatchModel, inputs: [SensitivityInput], options: TornadoOptions = TornadoOptions()
  ) throws -> SensitivityResult {
    let points = try design(inputs: inputs, options: options)
    let values = try model.checkedEvaluate(points)
    return try analyze(inputs: inputs, points: points, outputs: model.outputs, values: values)
  }

  /// Tornado bars from the values (2d + 1 × outputs) of the points of `design(inputs:options:)`.
  /// Rows come output by output, each output's bars by decreasing swing (ties by input name).
  ///
  /// `jointSets` names the inputs that are standard-normal coordinates of one jointly drawn set
  /// (input → set, as `ScenarioModel.estimateSetFactors`); each set is one bar, `jointBar`.
  public static func analyze(
    inputs: [SensitivityInput], points: Matrix, outputs: [SensitivityOutput], values: Matrix,
    jointSets: [String: String] = [:]
  ) throws -> SensitivityResult {
    guard points.rows == 2 * inputs.count + 1, points.columns == inputs.count else {
      throw SensitivityError.valuesShape(
        expectedRows: 2 * inputs.count + 1, expectedColumns: inputs.count,
        rows: points.rows, columns: points.columns)
    }
    guard values.rows == points.rows, values.columns == outputs.count else {
      throw SensitivityError.valuesShape(
        expectedRows: points.rows, expectedColumns: outputs.count, rows: values.rows, columns: values.columns)
    }
    try checkFinite(values, outputs: outputs)
    let sets = jointSetMembers(of: inputs, in: jointSets)
    var rows: [SensitivityRow] = []
    for (column, output) in outputs.enumerated() {
      let single = inputs.indices.map { index in
        TornadoMeasures(
          low: values[2 * index + 1, column], high: values[2 * index + 2, column], base: values[0, column],
          inputLow: points[2 * index + 1, index], inputHigh: points[2 * index + 2, index])
      }
      var bars = zip(inputs, single).filter { jointSets[$0.0.name] == nil }.map { input, measures in
        SensitivityRow(input: input.name, output: output, measures: .tornado(measures))
      }
      bars += sets.map { set in
        SensitivityRow(input: set.name, output: output, measures: .tornado(jointBar(set.members.map { single[$0] })))
      }
      rows += bars.sorted { left, right in
        let (l, r) = (swing(left), swing(right))
        return l != r ? l > r : left.input < right.input
      }
    }
    return SensitivityResult(method: .tornado, rows: rows, warnings: [])
  }

  /// The bar of a jointly drawn set from the bars of its coordinates z₁…z_k, independent standard
  /// normals each moved alone to its low and high quantile (±q). To first order the output is
  /// base + Σ gᵢzᵢ with gᵢ = (highᵢ − lowᵢ)/2q, so under the set's joint draw it is normal with sd
  /// |g|, and its own low and high quantiles are base ∓ q|g| = base ∓ √Σ((highᵢ − lowᵢ)/2)²: the
  /// set moved as one input along the direction of its effect. The bar is that interval, centred
  /// on the base (exact when the output is linear in the set's elasticities); the input's
  /// quantiles are those of the coordinates (the set's position along that direction).
  static func jointBar(_ members: [TornadoMeasures]) -> TornadoMeasures {
    let half = members.map { ($0.high - $0.low) / 2 }.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let base = members[0].base
    return TornadoMeasures(
      low: base - half, high: base + half, base: base, inputLow: members[0].inputLow, inputHigh: members[0].inputHigh)
  }

  private static func swing(_ row: SensitivityRow) -> Double {
    if case .tornado(let measures) = row.measures { return measures.swing }
    return 0
  }
}
