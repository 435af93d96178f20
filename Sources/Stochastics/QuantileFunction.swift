/// A distribution's inverse CDF, prepared once for drawing many times (a parameter sampled for
/// every run of a simulation).
///
/// Beta and PERT distributions, whose exact inverse needs an iterative solve, interpolate a
/// table of their quantile function and solve only where the interpolant is not accurate enough
/// (`BetaQuantileTable`): the root to the accuracy of the incomplete beta function (about 10⁻¹³
/// relative), most draws without a solve. Every other family evaluates `Distribution.quantile`
/// directly, bit for bit.
public struct QuantileFunction: Sendable, Equatable {
  private enum Form: Sendable, Equatable {
    case direct(Distribution)
    /// A normal or lognormal: a batch takes Φ⁻¹ of all its draws first (`standardNormalQuantiles`).
    case normalFamily(Distribution)
    /// lo + (hi − lo)·x for x ~ Beta(table.a, table.b).
    case scaledBeta(lo: Double, hi: Double, table: BetaQuantileTable)
  }

  private let form: Form

  /// Prepares the quantile function of `distribution`.
  public init(_ distribution: Distribution) {
    switch distribution {
    case .beta(let alpha, let beta, let lo, let hi) where hi > lo:
      form = .scaledBeta(lo: lo, hi: hi, table: BetaQuantileTable(a: alpha, b: beta))
    case .pert(let lo, let mode, let hi) where hi > lo:
      let shape = Distribution.pertShape(min: lo, mode: mode, max: hi)
      form = .scaledBeta(lo: lo, hi: hi, table: BetaQuantileTable(a: shape.alpha, b: shape.beta))
    case .normal, .lognormal:
      form = .normalFamily(distribution)
    default:
      form = .direct(distribution)
    }
  }

  /// Replaces every probability in `values` by its quantile: `self(p)` for each, with the form
  /// of the distribution looked at once rather than once per value.
  public func quantiles(inPlace values: UnsafeMutableBufferPointer<Double>) {
    switch form {
    case .direct(let distribution):
      for i in values.indices { values[i] = distribution.quantile(values[i]) }
    case .normalFamily(let distribution):
      standardNormalQuantiles(inPlace: values)
      for i in values.indices { values[i] = distribution.value(atStandardNormal: values[i]) }
    case .scaledBeta(let lo, let hi, let table):
      for i in values.indices { values[i] = lo + (hi - lo) * table.quantile(values[i]) }
    }
  }

  /// The value below which a fraction `p` of the distribution lies, for `p` in (0, 1); the
  /// same as `Distribution.quantile` to about 10⁻¹³ of the range (exactly, outside beta and PERT).
  public func callAsFunction(_ p: Double) -> Double {
    switch form {
    case .direct(let distribution), .normalFamily(let distribution):
      return distribution.quantile(p)
    case .scaledBeta(let lo, let hi, let table):
      return lo + (hi - lo) * table.quantile(p)
    }
  }
}
