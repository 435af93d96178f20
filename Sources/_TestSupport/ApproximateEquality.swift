// Approximate comparison for tests, recorded as Swift Testing issues.
//
// What "close" means, once for every test in the package (after swift-numerics'
// RealModule/ApproximateEquality.swift):
//
//     |actual − expected| ≤ max(absolute, relative · max(|actual|, |expected|))
//
// - Scalars use the absolute value; arrays and matrices use the max norm ‖·‖∞ over all elements,
//   for the difference and for the scale alike. The comparison is therefore normwise, the form
//   backward-error bounds take (‖computed − exact‖ ≤ c·ε·‖exact‖): a tiny element may be off by
//   far more than its own magnitude if it is small next to the largest one. Compare element by
//   element with the scalar form when each element needs its own relative accuracy.
// - There is no default tolerance: every call states `relative`, `absolute` or both, and a
//   `reason` saying where the number comes from. Use `absolute` when the expected value may be 0,
//   where a relative tolerance alone admits only exact equality.
// - Equal values always compare close (so do two infinities of the same sign); NaN is never close.
// - Closeness is not transitive: a ≈ b and b ≈ c do not give a ≈ c, and with a relative
//   tolerance it is not even exactly symmetric in rounding. Compare each result with its
//   reference, never through a chain of intermediate results.

import LinearAlgebra
import Testing

/// Records an issue unless `actual` is within tolerance of `expected` (see the file header).
@discardableResult
public func assertClose(
  _ actual: Double, _ expected: Double, relative: Double? = nil, absolute: Double? = nil,
  reason: String, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let tolerance = Tolerance(relative: relative, absolute: absolute)
  if tolerance.accepts(difference: (actual - expected).magnitude, actual.magnitude, expected.magnitude)
    || actual == expected
  {
    return true
  }
  let message =
    "\(actual) is not close to \(expected): difference \((actual - expected).magnitude), "
    + "\(tolerance) — \(reason)"
  Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  return false
}

/// Records an issue unless the arrays have equal length and ‖actual − expected‖∞ is within
/// tolerance of max(‖actual‖∞, ‖expected‖∞) (see the file header).
@discardableResult
public func assertClose(
  _ actual: [Double], _ expected: [Double], relative: Double? = nil, absolute: Double? = nil,
  reason: String, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  guard actual.count == expected.count else {
    Issue.record(
      "length \(actual.count) differs from expected length \(expected.count) — \(reason)",
      sourceLocation: sourceLocation)
    return false
  }
  return assertNormwiseClose(
    actual, expected, Tolerance(relative: relative, absolute: absolute), reason: reason,
    describe: { "element \($0)" }, sourceLocation: sourceLocation)
}

/// Records an issue unless the matrices have equal shape and ‖actual − expected‖∞ (largest
/// element difference) is within tolerance of the larger max-norm (see the file header).
@discardableResult
public func assertClose(
  _ actual: Matrix, _ expected: Matrix, relative: Double? = nil, absolute: Double? = nil,
  reason: String, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  guard actual.shape == expected.shape else {
    Issue.record(
      "shape \(actual.shape) differs from expected shape \(expected.shape) — \(reason)",
      sourceLocation: sourceLocation)
    return false
  }
  let rows = actual.rows
  return assertNormwiseClose(
    actual.elements, expected.elements, Tolerance(relative: relative, absolute: absolute),
    reason: reason, describe: { "element (\($0 % rows), \($0 / rows))" },
    sourceLocation: sourceLocation)
}

private struct Tolerance: CustomStringConvertible {
  let relative: Double
  let absolute: Double

  init(relative: Double?, absolute: Double?) {
    precondition(relative != nil || absolute != nil, "assertClose needs a relative or absolute tolerance")
    self.relative = relative ?? 0
    self.absolute = absolute ?? 0
    precondition(self.relative >= 0 && self.absolute >= 0, "assertClose tolerances must be ≥ 0")
  }

  func accepts(difference: Double, _ actualScale: Double, _ expectedScale: Double) -> Bool {
    // An infinite difference is never close, even against an infinite relative scale.
    difference.isFinite
      && difference <= Swift.max(absolute, relative * Swift.max(actualScale, expectedScale))
  }

  var description: String { "tolerance max(\(absolute), \(relative)·scale)" }
}

private func assertNormwiseClose(
  _ actual: [Double], _ expected: [Double], _ tolerance: Tolerance, reason: String,
  describe: (Int) -> String, sourceLocation: SourceLocation
) -> Bool {
  var worstIndex: Int?
  var worstDifference = 0.0
  var actualScale = 0.0
  var expectedScale = 0.0
  for index in actual.indices {
    let (a, e) = (actual[index], expected[index])
    actualScale = Swift.max(actualScale, a.magnitude)
    expectedScale = Swift.max(expectedScale, e.magnitude)
    if a == e { continue }
    let difference = (a - e).magnitude
    if difference.isNaN {
      Issue.record(
        "\(describe(index)) is \(a), expected \(e) — \(reason)", sourceLocation: sourceLocation)
      return false
    }
    if difference > worstDifference {
      worstIndex = index
      worstDifference = difference
    }
  }
  guard let worst = worstIndex else { return true }
  if tolerance.accepts(difference: worstDifference, actualScale, expectedScale) {
    return true
  }
  let message =
    "largest difference \(worstDifference) at \(describe(worst)): \(actual[worst]) vs expected "
    + "\(expected[worst]); \(tolerance), scale \(Swift.max(actualScale, expectedScale)) — \(reason)"
  Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  return false
}
