import LinearAlgebra
import Stochastics

// Regression-based sensitivity from a Monte Carlo sample.
//
// SRC: the inputs and each output are standardised (mean 0, sample sd 1) and the output is
// regressed on all inputs by least squares (LAPACK dgelsd through `leastSquares`, never the
// normal equations). Centred data need no intercept. For independent inputs and a linear model
// SRC_i² is input i's share of the output variance, and the shares add up to R²; when R² is low
// the model is not linear in its inputs and SRCs mean little (Saltelli et al., *Global
// Sensitivity Analysis: The Primer*, 2008, §1.2.5).
//
// PRCC: inputs and outputs are replaced by their ranks (ties averaged) and standardised; for
// input i the ranks of the output and of x_i are both regressed on the ranks of all other inputs,
// and the PRCC is the correlation of the two residuals (Marino et al. 2008, J. Theor. Biol. 254,
// 178–196). One least-squares solve per input serves every output at once (one right-hand side
// per output plus one for x_i).

/// Settings of the regression method.
public struct RegressionOptions: Hashable, Sendable {
  /// Below this R², a warning says SRCs are not meaningful.
  public var minimumRSquared: Double

  public init(minimumRSquared: Double = 0.7) {
    self.minimumRSquared = minimumRSquared
  }
}

/// Standardised regression coefficients and partial rank correlation coefficients.
public enum StandardisedRegression {
  /// Draws a Monte Carlo sample of `count` points, runs `model` on it and analyses the result.
  public static func run(
    model: some BatchModel, inputs: [SensitivityInput], count: Int, sampling: BaseSampling,
    options: RegressionOptions = RegressionOptions()
  ) throws -> SensitivityResult {
    let sample = try monteCarloSample(of: inputs, count: count, sampling: sampling)
    let values = try model.checkedEvaluate(sample)
    return try analyze(inputs: inputs, sample: sample, outputs: model.outputs, values: values, options: options)
  }

  /// SRC and PRCC of every input for every output, from a sample (n × inputs, natural units) and
  /// the model's values on it (n × outputs), for instance the runs of a Monte Carlo simulation.
  ///
  /// Rows come output by output, inputs in the order given. An output that does not vary gets
  /// zeros and a `constantOutput` warning; an output with R² below the threshold gets a
  /// `lowRSquared` warning.
  ///
  /// `jointSets` names the inputs that are coordinates of one jointly drawn set (input → set, as
  /// `ScenarioModel.estimateSetFactors`); each set is one row, in place of its first coordinate,
  /// with the group-wise measures of `jointMeasures`.
  public static func analyze(
    inputs: [SensitivityInput], sample: Matrix, outputs: [SensitivityOutput], values: Matrix,
    options: RegressionOptions = RegressionOptions(), jointSets: [String: String] = [:]
  ) throws -> SensitivityResult {
    try validate(inputs)
    let n = sample.rows, d = inputs.count
    guard sample.columns == d else {
      throw SensitivityError.valuesShape(
        expectedRows: n, expectedColumns: d, rows: sample.rows, columns: sample.columns)
    }
    guard values.rows == n, values.columns == outputs.count else {
      throw SensitivityError.valuesShape(
        expectedRows: n, expectedColumns: outputs.count, rows: values.rows, columns: values.columns)
    }
    guard n >= d + 2 else {
      throw SensitivityError.tooFewSamples(method: "a regression on \(d) inputs", required: d + 2, given: n)
    }
    for column in 0..<d {
      if let row = (0..<n).first(where: { !sample[$0, column].isFinite }) {
        throw SensitivityError.nonFiniteInput(input: inputs[column].name, sample: row)
      }
    }
    try checkFinite(values, outputs: outputs)

    var warnings: [SensitivityWarning] = []
    var columns: [[Double]] = []
    for column in 0..<d {
      guard let standard = standardised(sample.elements[(column * n)..<((column + 1) * n)]) else {
        throw SensitivityError.inputWithoutSpread(inputs[column].name)
      }
      columns.append(standard)
    }
    let design = Matrix(rows: n, columns: d, elements: Array(columns.joined()))
    let rankDesign = Matrix(
      rows: n, columns: d,
      elements: Array(
        (0..<d).map { standardised(averageRanks(sample.elements[($0 * n)..<(($0 + 1) * n)])[...])! }.joined()))

    // Outputs that vary; the others are reported as zeros.
    var varying: [Int] = []
    var responses: [Double] = []
    var rankResponses: [Double] = []
    for (column, output) in outputs.enumerated() {
      let slice = values.elements[(column * n)..<((column + 1) * n)]
      guard let standard = standardised(slice) else {
        warnings.append(
          SensitivityWarning(
            kind: .constantOutput, output: output, input: nil,
            message:
              "\(output) does not vary over the sample: there is no variance to attribute, so its coefficients "
              + "are reported as 0"
          ))
        continue
      }
      varying.append(column)
      responses += standard
      rankResponses += standardised(averageRanks(slice)[...])!
    }

    let sets = jointSetMembers(of: inputs, in: jointSets)
    var measures = [Int: [RegressionMeasures]]()
    var setMeasures = [Int: [String: RegressionMeasures]]()
    if !varying.isEmpty {
      let m = varying.count
      let response = Matrix(rows: n, columns: m, elements: responses)
      let rankResponse = Matrix(rows: n, columns: m, elements: rankResponses)
      let src = try fit(design, response, inputs: inputs)
      let rankFit = try fit(rankDesign, rankResponse, inputs: inputs)
      let prcc = try partialCorrelations(rankDesign, rankResponse, inputs: inputs)
      let rSquared = src.residualSumsOfSquares.map { 1 - $0 / Double(n - 1) }
      let rankRSquared = rankFit.residualSumsOfSquares.map { 1 - $0 / Double(n - 1) }
      for (index, column) in varying.enumerated() {
        measures[column] = (0..<d).map {
          RegressionMeasures(
            src: src.coefficients[$0, index], prcc: prcc[$0, index], rSquared: rSquared[index],
            rankRSquared: rankRSquared[index])
        }
        if rSquared[index] < options.minimumRSquared {
          let output = outputs[column]
          warnings.append(
            SensitivityWarning(
              kind: .lowRSquared, output: output, input: nil,
              message:
                "a linear regression on the inputs explains only R² = \(rounded(rSquared[index])) "
                + "of the variance of \(output) (below \(options.minimumRSquared)): "
                + "SRCs are not meaningful as shares of variance; "
                + "read the PRCCs (rank R² = \(rounded(rankRSquared[index]))) or the Sobol indices instead"
            ))
        }
      }
      for set in sets {
        let kept = (0..<d).filter { !set.members.contains($0) }
        let without = try residualSumsOfSquares(design, keeping: kept, response, inputs: inputs)
        let rankWithout = try residualSumsOfSquares(rankDesign, keeping: kept, rankResponse, inputs: inputs)
        for (index, column) in varying.enumerated() {
          setMeasures[column, default: [:]][set.name] = jointMeasures(
            rSquared: rSquared[index], rSquaredWithout: 1 - without[index] / Double(n - 1),
            rankRSquared: rankRSquared[index], rankRSquaredWithout: 1 - rankWithout[index] / Double(n - 1))
        }
      }
    }

    var rows: [SensitivityRow] = []
    for (column, output) in outputs.enumerated() {
      let values =
        measures[column]
        ?? Array(repeating: RegressionMeasures(src: 0, prcc: 0, rSquared: 0, rankRSquared: 0), count: d)
      for (index, (input, value)) in zip(inputs, values).enumerated() {
        guard let set = jointSets[input.name] else {
          rows.append(SensitivityRow(input: input.name, output: output, measures: .regression(value)))
          continue
        }
        guard sets.first(where: { $0.name == set })?.members.first == index else { continue }
        let joint = setMeasures[column]?[set] ?? RegressionMeasures(src: 0, prcc: 0, rSquared: 0, rankRSquared: 0)
        rows.append(SensitivityRow(input: set, output: output, measures: .regression(joint)))
      }
    }
    return SensitivityResult(method: .src, rows: rows, warnings: warnings)
  }

  /// The measures of a jointly drawn set, group-wise analogues of an input's: `src` is
  /// √(R² − R²₋ₛ), the square root of the variance share the set's coordinates add when they
  /// enter the regression together (its semipartial R²; for independent inputs the SRC² of one
  /// input is its own share, so the two compare); `prcc` is √((R²ᵣ − R²ᵣ₋ₛ)/(1 − R²ᵣ₋ₛ)) on the
  /// ranks, the set's multiple partial correlation (for one input, |PRCC|). Both are unsigned:
  /// a set has no single direction. R²₋ₛ is the fit without the set's coordinates.
  static func jointMeasures(
    rSquared: Double, rSquaredWithout: Double, rankRSquared: Double, rankRSquaredWithout: Double
  ) -> RegressionMeasures {
    let share = max(0, rSquared - rSquaredWithout)
    let unexplained = 1 - rankRSquaredWithout
    let partial = unexplained > 0 ? max(0, rankRSquared - rankRSquaredWithout) / unexplained : 0
    return RegressionMeasures(
      src: share.squareRoot(), prcc: min(1, partial).squareRoot(), rSquared: rSquared, rankRSquared: rankRSquared)
  }

  /// The residual sums of squares of `response` regressed on the columns `kept` of `design`
  /// (standardised data: with no column left they are the responses' own sums of squares).
  private static func residualSumsOfSquares(
    _ design: Matrix, keeping kept: [Int], _ response: Matrix, inputs: [SensitivityInput]
  ) throws -> [Double] {
    let n = design.rows
    guard !kept.isEmpty else {
      return (0..<response.columns).map { column in
        response.elements[(column * n)..<((column + 1) * n)].reduce(0) { $0 + $1 * $1 }
      }
    }
    let columns = kept.flatMap { design.elements[($0 * n)..<(($0 + 1) * n)] }
    return try fit(Matrix(rows: n, columns: kept.count, elements: columns), response, inputs: inputs)
      .residualSumsOfSquares
  }

  /// Least-squares coefficients (inputs × outputs) and residual sums of squares per output.
  private static func fit(
    _ design: Matrix, _ response: Matrix, inputs: [SensitivityInput]
  ) throws -> (coefficients: Matrix, residualSumsOfSquares: [Double]) {
    let solved = try leastSquares(design, response)
    guard solved.rank == design.columns else {
      throw SensitivityError.collinearInputs(rank: solved.rank, inputs: inputs.count)
    }
    let residuals = response - design * solved.solution
    let sums = (0..<response.columns).map { column in
      residuals.elements[(column * residuals.rows)..<((column + 1) * residuals.rows)].reduce(0) { $0 + $1 * $1 }
    }
    return (solved.solution, sums)
  }

  /// PRCC of every input (rows) for every output (columns), from standardised ranks.
  private static func partialCorrelations(
    _ ranks: Matrix, _ responses: Matrix, inputs: [SensitivityInput]
  ) throws -> Matrix {
    let n = ranks.rows, d = ranks.columns, m = responses.columns
    var result = Matrix(rows: d, columns: m)
    for input in 0..<d {
      let own = ranks.elements[(input * n)..<((input + 1) * n)]
      let right = Matrix(rows: n, columns: m + 1, elements: responses.elements + own)
      var residuals = right
      if d > 1 {
        let others = Matrix(
          rows: n, columns: d - 1,
          elements: Array(ranks.elements[..<(input * n)] + ranks.elements[((input + 1) * n)...]))
        let solved = try leastSquares(others, right)
        guard solved.rank == d - 1 else {
          throw SensitivityError.collinearInputs(rank: solved.rank + 1, inputs: d)
        }
        residuals = right - others * solved.solution
      }
      let inputResidual = residuals.elements[(m * n)..<((m + 1) * n)]
      let inputSquares = inputResidual.reduce(0) { $0 + $1 * $1 }
      for output in 0..<m {
        let outputResidual = residuals.elements[(output * n)..<((output + 1) * n)]
        var cross = 0.0, squares = 0.0
        for (x, y) in zip(inputResidual, outputResidual) {
          cross += x * y
          squares += y * y
        }
        let denominator = (inputSquares * squares).squareRoot()
        result[input, output] = denominator > 0 ? cross / denominator : 0
      }
    }
    return result
  }

  /// (x − mean)/sd with the sample standard deviation, or nil when the values do not vary
  /// (relative to their size, so rounding noise on a constant does not count as spread).
  private static func standardised(_ values: ArraySlice<Double>) -> [Double]? {
    let count = Double(values.count)
    let mean = values.reduce(0, +) / count
    let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)).squareRoot()
    guard sd > 0, sd > 1e-13 * abs(mean) else { return nil }
    return values.map { ($0 - mean) / sd }
  }

  private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
