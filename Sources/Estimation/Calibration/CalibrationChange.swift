import CityModel
import Stochastics

/// One value calibration sets, typed, with the comment that states its basis. It applies to a
/// `Model` in memory (a backtest recalibrating at each origin) or to the model file's text.
public enum CalibrationChange: Sendable {
  case drift(indicator: String, Distribution, comment: String)
  case elasticity(indicator: String, from: String, lag: Int, Distribution, comment: String)
  case shock(indicator: String, sd: Distribution, ar: Distribution, comment: String)
  case exposure(indicator: String, Distribution, comment: String)
  case addition(indicator: String, Distribution, comment: String)
  case yearly(indicator: String, YearlyVariation, comment: String)

  /// The change as an edit of the model file.
  public var edit: ModelFileEditor.Edit {
    switch self {
    case let .drift(id, value, comment): .entry(indicator: id, key: "drift", value: value.yamlFlow, comment: comment)
    case let .elasticity(id, from, lag, value, comment):
      .elasticity(indicator: id, from: from, lag: lag, value: value.yamlFlow, comment: comment)
    case let .shock(id, sd, ar, comment):
      .entry(indicator: id, key: "shock", value: "{sd: \(sd.yamlFlow), ar: \(ar.yamlFlow)}", comment: comment)
    case let .exposure(id, value, comment):
      .entry(indicator: id, key: "exposure", value: value.yamlFlow, comment: comment)
    case let .addition(id, value, comment):
      .entry(indicator: id, key: "annual_addition", value: value.yamlFlow, comment: comment)
    case let .yearly(id, variation, comment):
      .entry(indicator: id, key: "yearly", value: variation.yamlFlow, comment: comment)
    }
  }

  /// `model` with the change made.
  public func applied(to model: Model) -> Model {
    var model = model
    for (position, indicator) in model.indicators.enumerated() {
      switch (self, indicator.role) {
      case (.drift(let id, let value, _), .response(var response)) where id == indicator.id:
        response.drift = value
        model.indicators[position].role = .response(response)
      case (.elasticity(let id, let from, let lag, let value, _), .response(var response)) where id == indicator.id:
        for (k, driver) in response.drivers.enumerated() where driver.from == from && driver.lag == lag {
          response.drivers[k].elasticity = value
        }
        model.indicators[position].role = .response(response)
      case (.shock(let id, let sd, let ar, _), .response(var response)) where id == indicator.id:
        response.shockSD = sd
        response.autoregression = ar
        model.indicators[position].role = .response(response)
      case (.exposure(let id, let value, _), .response(var response)) where id == indicator.id:
        response.exposure = value
        model.indicators[position].role = .response(response)
      case (.addition(let id, let value, _), .stock(var stock)) where id == indicator.id:
        stock.annualAddition = value
        model.indicators[position].role = .stock(stock)
      case (.yearly(let id, let variation, _), .stock(var stock)) where id == indicator.id:
        stock.yearly = variation
        model.indicators[position].role = .stock(stock)
      default:
        continue
      }
    }
    return model
  }
}

extension YearlyVariation {
  /// As a model file writes it: `none`, `poisson` or `{sd: s}`.
  public var yamlFlow: String {
    switch self {
    case .none: "none"
    case .poisson: "poisson"
    case .normal(let sd): "{sd: \(sd.yamlFlow)}"
    }
  }
}

extension Calibration {
  /// `model` with every fitted value in place of its prior.
  public func calibrated(_ model: Model) -> Model {
    changes.reduce(model) { $1.applied(to: $0) }
  }
}
