import Analysis

extension ExitStatus {
  /// Options that do not fit the scenario are usage errors; an analysis the scenario's numbers
  /// defeat is a data error; a malformed design or model is internal.
  init(sensitivity error: SensitivityError) {
    switch error {
    case .invalidOption, .tooFewSamples: self = .usage
    case .noInputs, .nonFiniteQuantile, .inputWithoutSpread, .collinearInputs, .nonFiniteOutput, .nonFiniteInput,
      .projectionFailed:
      self = .dataError
    case .duplicateInput, .modelShape, .valuesShape: self = .internalError
    }
  }
}
