import Analysis
import Foundation
import Stochastics

/// Test functions whose Sobol indices are known in closed form, each with its indices.

/// Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π).
/// Variances (Sobol & Levitan 1999): V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V13 = 8b²π⁸/225,
/// V = V1 + V2 + V13.
struct Ishigami {
  var a = 7.0
  var b = 0.1

  var inputs: [SensitivityInput] {
    (1...3).map { SensitivityInput(name: "x\($0)", distribution: .uniform(min: -.pi, max: .pi)) }
  }

  var model: PointwiseModel {
    let (a, b) = (a, b)
    return PointwiseModel(outputs: [SensitivityOutput(id: "ishigami")]) { x in
      [sin(x[0]) + a * pow(sin(x[1]), 2) + b * pow(x[2], 4) * sin(x[0])]
    }
  }

  var firstOrder: [Double] {
    let (v1, v2, _, v) = variances
    return [v1 / v, v2 / v, 0]
  }

  var totalOrder: [Double] {
    let (v1, v2, v13, v) = variances
    return [(v1 + v13) / v, v2 / v, v13 / v]
  }

  private var variances: (Double, Double, Double, Double) {
    let pi4 = pow(Double.pi, 4)
    let v1 = 0.5 * pow(1 + b * pi4 / 5, 2)
    let v2 = a * a / 8
    let v13 = 8 * b * b * pi4 * pi4 / 225
    return (v1, v2, v13, v1 + v2 + v13)
  }
}

/// Sobol's G function: f = Π (|4x_i − 2| + a_i)/(1 + a_i), x_i ~ U(0, 1).
/// Each factor has mean 1 and variance V_i = 1/(3(1 + a_i)²); a set of inputs u has closed
/// first-order variance Π_{i∈u}(1 + V_i) − 1, and V = Π_i (1 + V_i) − 1.
struct SobolG {
  var a: [Double] = [0, 1, 4.5, 9, 99, 99]

  func inputs(groups: [String]? = nil) -> [SensitivityInput] {
    a.indices.map {
      SensitivityInput(name: "x\($0 + 1)", distribution: .uniform(min: 0, max: 1), group: groups?[$0])
    }
  }

  var model: PointwiseModel {
    let a = a
    return PointwiseModel(outputs: [SensitivityOutput(id: "g")]) { x in
      [zip(x, a).reduce(1.0) { $0 * (abs(4 * $1.0 - 2) + $1.1) / (1 + $1.1) }]
    }
  }

  private var partial: [Double] { a.map { 1 / (3 * (1 + $0) * (1 + $0)) } }

  private func closedVariance(_ members: [Int]) -> Double {
    members.reduce(1.0) { $0 * (1 + partial[$1]) } - 1
  }

  private var total: Double { closedVariance(Array(a.indices)) }

  /// First-order index of the set of inputs `members` (one input or a group).
  func firstOrder(_ members: [Int]) -> Double { closedVariance(members) / total }

  /// Total-order index of `members`: 1 minus the closed index of all the other inputs.
  func totalOrder(_ members: [Int]) -> Double {
    1 - closedVariance(a.indices.filter { !members.contains($0) }) / total
  }
}

/// y = Σ a_i x_i with independent x_i ~ N(μ_i, σ_i): S1_i = ST_i = a_i²σ_i²/Σ_j a_j²σ_j², and the
/// standardised regression coefficients are a_iσ_i/σ_y.
struct LinearModel {
  var coefficients = [2.0, -1.0, 0.5, 0.0]
  var means = [1.0, 3.0, -2.0, 5.0]
  var sds = [1.0, 2.0, 3.0, 0.5]

  var inputs: [SensitivityInput] {
    means.indices.map {
      SensitivityInput(name: "x\($0 + 1)", distribution: .normal(mean: means[$0], sd: sds[$0]))
    }
  }

  var model: PointwiseModel {
    let coefficients = coefficients
    return PointwiseModel(outputs: [SensitivityOutput(id: "y", year: 2030)]) { x in
      [zip(coefficients, x).reduce(0) { $0 + $1.0 * $1.1 }]
    }
  }

  var outputSD: Double { zip(coefficients, sds).reduce(0) { $0 + $1.0 * $1.0 * $1.1 * $1.1 }.squareRoot() }

  var varianceShares: [Double] {
    let total = outputSD * outputSD
    return zip(coefficients, sds).map { $0 * $0 * $1 * $1 / total }
  }

  var standardisedCoefficients: [Double] { zip(coefficients, sds).map { $0 * $1 / outputSD } }
}
