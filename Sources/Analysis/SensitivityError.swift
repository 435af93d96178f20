import ErrorCategories

/// Why a sensitivity analysis cannot be carried out. Each case reads as a sentence naming what
/// was wrong and what was expected.
public enum SensitivityError: CategorisedError, Equatable, Sendable, CustomStringConvertible {
  case noInputs
  case duplicateInput(String)
  /// An input's distribution has a non-finite quantile at a probability the design needs.
  case nonFiniteQuantile(input: String, probability: Double)
  /// An input takes a single value in the sample, so no regression can attribute variance to it.
  case inputWithoutSpread(String)
  case tooFewSamples(method: String, required: Int, given: Int)
  /// The sampled inputs are linearly dependent, so no regression can separate their effects.
  case collinearInputs(rank: Int, inputs: Int)
  case modelShape(expectedRows: Int, expectedColumns: Int, rows: Int, columns: Int)
  case nonFiniteOutput(output: String, sample: Int)
  case nonFiniteInput(input: String, sample: Int)
  /// The values handed to an analysis do not match its design or sample.
  case valuesShape(expectedRows: Int, expectedColumns: Int, rows: Int, columns: Int)
  case invalidOption(String)
  /// A projection run overflowed or became undefined; the messages say where.
  case projectionFailed([String])

  /// Options that do not fit the scenario are usage errors; an analysis the scenario's numbers
  /// defeat is a data error; a malformed design or model is internal.
  public var category: ErrorCategory {
    switch self {
    case .invalidOption, .tooFewSamples: .usage
    case .noInputs, .nonFiniteQuantile, .inputWithoutSpread, .collinearInputs, .nonFiniteOutput, .nonFiniteInput,
      .projectionFailed:
      .data
    case .duplicateInput, .modelShape, .valuesShape: .internal
    }
  }

  public var description: String {
    switch self {
    case .noInputs:
      return "a sensitivity analysis needs at least one uncertain input"
    case .duplicateInput(let name):
      return "input '\(name)' is listed twice: input names must be unique"
    case .nonFiniteQuantile(let input, let probability):
      return "input '\(input)' has no finite quantile at p = \(probability)"
    case .inputWithoutSpread(let name):
      return "input '\(name)' takes a single value in the sample: give it a distribution with spread or leave it out"
    case .tooFewSamples(let method, let required, let given):
      return "\(method) needs at least \(required) samples, got \(given)"
    case .collinearInputs(let rank, let inputs):
      return
        "the sampled inputs are collinear (rank \(rank) of \(inputs)): draw more samples or leave out inputs "
        + "that duplicate others"
    case .modelShape(let expectedRows, let expectedColumns, let rows, let columns):
      return
        "the model returned a \(rows) × \(columns) matrix where \(expectedRows) × \(expectedColumns) (samples × "
        + "outputs) was expected"
    case .nonFiniteOutput(let output, let sample):
      return "the model returned a non-finite value for output \(output) at sample \(sample)"
    case .nonFiniteInput(let input, let sample):
      return "the sample holds a non-finite value of input '\(input)' at sample \(sample)"
    case .valuesShape(let expectedRows, let expectedColumns, let rows, let columns):
      return
        "the output values are \(rows) × \(columns) where \(expectedRows) × \(expectedColumns) (samples × "
        + "outputs) was expected"
    case .invalidOption(let message):
      return message
    case .projectionFailed(let messages):
      return "the projection is numerically unusable:\n" + messages.map { "  " + $0 }.joined(separator: "\n")
    }
  }
}
