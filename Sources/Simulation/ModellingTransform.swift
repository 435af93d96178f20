import CityModel
import Foundation

/// The map T between an indicator's natural units and its modelling space, and back.
///
/// `log`: z = ln Y.  `logit`: z = ln(Y / (100 − Y)) for scores in (0, 100).  `count`: z = ln(Y + c)
/// with the indicator's offset c ≥ 1, so a stock of zero is finite.
public struct ModellingTransform: Sendable, Equatable {
  public let scale: IndicatorScale
  public let offset: Double

  public init(scale: IndicatorScale, offset: Double) {
    self.scale = scale
    self.offset = offset
  }

  @inlinable
  public func forward(_ y: Double) -> Double {
    switch scale {
    case .log: log(y)
    case .logit: log(y / (100 - y))
    case .count: log(y + offset)
    }
  }

  @inlinable
  public func inverse(_ z: Double) -> Double {
    switch scale {
    case .log: exp(z)
    case .logit: 100 / (1 + exp(-z))
    case .count: max(0, exp(z) - offset)
    }
  }
}
