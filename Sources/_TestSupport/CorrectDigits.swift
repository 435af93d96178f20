import Foundation

/// The number of correct significant digits of `actual` against a certified value: the log
/// relative error LRE = −log₁₀(|actual − certified| / |certified|) of McCullough (1998),
/// "Assessing the reliability of statistical software: Part I", The American Statistician 52(4).
///
/// When `certified` is 0 it is the log absolute error −log₁₀|actual|. The result is capped at
/// `cap` (15 by default: a double carries 15–17 significant digits and NIST certifies 15), and is
/// 0 for NaN or when not even the first digit is right.
public func correctDigits(_ actual: Double, certified: Double, cap: Double = 15) -> Double {
  guard !actual.isNaN else { return 0 }
  let error = certified == 0 ? actual.magnitude : (actual - certified).magnitude / certified.magnitude
  guard error > 0 else { return cap }
  return Swift.min(cap, Swift.max(0, -log10(error)))
}

/// The smallest `correctDigits` over paired elements: the figure NIST tables report per
/// quantity (all parameters, all standard deviations).
public func minimumCorrectDigits(_ actual: [Double], certified: [Double], cap: Double = 15) -> Double {
  precondition(actual.count == certified.count, "minimumCorrectDigits: lengths differ")
  return zip(actual, certified).map { correctDigits($0, certified: $1, cap: cap) }.min() ?? cap
}
