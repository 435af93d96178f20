import LinearAlgebra
import Stochastics

/// One uncertain input of a sensitivity analysis.
///
/// `name` is the stable path that identifies the quantity in results (for instance
/// `retail_sales.drivers.metro_km.elasticity`); `group`, when given, names the block the input
/// belongs to for grouped Sobol indices (for instance `model` or `index_method`). Inputs are
/// taken as independent: every design draws each one by inversion of its own distribution.
public struct SensitivityInput: Hashable, Sendable {
  public var name: String
  public var distribution: Distribution
  public var group: String?

  public init(name: String, distribution: Distribution, group: String? = nil) {
    self.name = name
    self.distribution = distribution
    self.group = group
  }
}

/// One output column of a model: an output id (indicator, dimension, `index`, cost) and, when
/// the column is one year of a trajectory, that year. Result rows carry both.
public struct SensitivityOutput: Hashable, Sendable, CustomStringConvertible {
  public var id: String
  public var year: Int?

  public init(id: String, year: Int? = nil) {
    self.id = id
    self.year = year
  }

  public var description: String { year.map { "\(id) (\($0))" } ?? id }
}

/// A model seen by the analyses: a batch of input vectors in, one output vector per input
/// vector out.
///
/// `evaluate` receives a samples × inputs matrix in natural units, with columns in the order of
/// the inputs given to the analysis, and returns a samples × `outputs.count` matrix. Evaluating a
/// whole design at once lets a simulation engine lay out its runs in blocks and use every core.
public protocol BatchModel: Sendable {
  var outputs: [SensitivityOutput] { get }
  func evaluate(_ inputs: Matrix) throws -> Matrix
}

/// A `BatchModel` made from a function of one input vector, for analytic test functions and
/// small models where batching buys nothing.
public struct PointwiseModel: BatchModel {
  public let outputs: [SensitivityOutput]
  private let function: @Sendable ([Double]) -> [Double]

  /// `function` maps one input vector to one value per output, in the order of `outputs`.
  public init(outputs: [SensitivityOutput], _ function: @escaping @Sendable ([Double]) -> [Double]) {
    self.outputs = outputs
    self.function = function
  }

  public func evaluate(_ inputs: Matrix) throws -> Matrix {
    var values = Matrix(rows: inputs.rows, columns: outputs.count)
    var point = [Double](repeating: 0, count: inputs.columns)
    for sample in 0..<inputs.rows {
      for input in 0..<inputs.columns { point[input] = inputs[sample, input] }
      let result = function(point)
      guard result.count == outputs.count else {
        throw SensitivityError.modelShape(
          expectedRows: inputs.rows, expectedColumns: outputs.count,
          rows: inputs.rows, columns: result.count)
      }
      for output in 0..<outputs.count { values[sample, output] = result[output] }
    }
    return values
  }
}

extension BatchModel {
  /// Evaluates the model and checks what it returns: the right shape and finite values only,
  /// so that no analysis silently averages a NaN.
  func checkedEvaluate(_ inputs: Matrix) throws -> Matrix {
    let values = try evaluate(inputs)
    guard values.rows == inputs.rows, values.columns == outputs.count else {
      throw SensitivityError.modelShape(
        expectedRows: inputs.rows, expectedColumns: outputs.count,
        rows: values.rows, columns: values.columns)
    }
    try checkFinite(values, outputs: outputs)
    return values
  }
}

/// Throws when a value is NaN or infinite, naming the first such output and sample.
func checkFinite(_ values: Matrix, outputs: [SensitivityOutput]) throws {
  for column in 0..<values.columns {
    for row in 0..<values.rows where !values[row, column].isFinite {
      throw SensitivityError.nonFiniteOutput(output: outputs[column].description, sample: row)
    }
  }
}

/// Checks the inputs of an analysis: at least one, and unique names (results are keyed by name).
/// Quantiles are checked where they are drawn.
func validate(_ inputs: [SensitivityInput]) throws {
  guard !inputs.isEmpty else { throw SensitivityError.noInputs }
  var seen = Set<String>()
  for input in inputs {
    guard seen.insert(input.name).inserted else {
      throw SensitivityError.duplicateInput(input.name)
    }
  }
}
