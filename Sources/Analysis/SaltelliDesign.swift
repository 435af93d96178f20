import LinearAlgebra
import Stochastics

/// The sample that Sobol first- and total-order indices are estimated from (Saltelli 2002;
/// Saltelli et al. 2010): two independent base matrices A and B of N points, and for each factor
/// k a matrix AB_k equal to A with the factor's columns taken from B.
///
/// Rows are laid out point by point as SALib's `saltelli`/`sobol` samplers lay them out without
/// second-order indices: for base point j, row j(K+2) is A_j, rows j(K+2)+1 … j(K+2)+K are
/// AB_1,j … AB_K,j, and row j(K+2)+K+1 is B_j. The model is therefore run N(K+2) times.
/// With scrambled Sobol points in R independent scramblings, the base points come in R contiguous
/// blocks (`replicates`), each a scrambling of its own, so a block's rows are one replicate design.
public struct SaltelliDesign: Sendable {
  /// What is varied on its own: each input, or each group of inputs.
  public enum FactorChoice: Hashable, Sendable {
    /// One factor per input (K = number of inputs).
    case inputs
    /// One factor per distinct `group`, in order of first appearance; an input without a group
    /// is a factor of its own, named by the input. Grouped indices apportion variance between
    /// blocks of inputs, such as model uncertainty against index-method uncertainty.
    case groups
    /// One factor per input, except the inputs named in the mapping, which move together as
    /// the factor it names (the standard-normal coordinates of one estimate set, drawn jointly).
    case joint([String: String])
  }

  /// A factor: its name in result rows and the columns of the inputs it moves.
  public struct Factor: Hashable, Sendable {
    public var name: String
    public var members: [Int]
  }

  public let inputs: [SensitivityInput]
  public let factors: [Factor]
  /// N, the number of base points.
  public let baseSamples: Int
  public let sampling: BaseSampling
  /// The independent randomisations the base points are split into (scrambled Sobol points with
  /// replicates), or nil when the base points are independent draws.
  public let replicates: ReplicateBlocks?
  /// The N(K+2) × inputs points to evaluate, in natural units, in the layout described above.
  public let points: Matrix

  /// The number of model runs the design needs, N(K+2).
  public var runCount: Int { points.rows }

  public init(
    inputs: [SensitivityInput], baseSamples: Int, factors choice: FactorChoice = .inputs,
    sampling: BaseSampling
  ) throws {
    try validate(inputs)
    guard baseSamples >= 2 else {
      throw SensitivityError.tooFewSamples(method: "a Saltelli design", required: 2, given: baseSamples)
    }
    let replicates = sampling.replicateBlocks(points: baseSamples)
    if let replicates, baseSamples < 2 * replicates.count {
      throw SensitivityError.tooFewSamples(
        method: "a Saltelli design on \(replicates.count) independent Sobol scramblings (2 per scrambling)",
        required: 2 * replicates.count, given: baseSamples)
    }
    let factors = try Self.factors(of: inputs, choice)
    let stride = factors.count + 2
    var owner = [Int](repeating: 0, count: inputs.count)
    for (index, factor) in factors.enumerated() {
      for member in factor.members { owner[member] = index }
    }

    let sampler = try sampling.sampler(for: inputs, matrices: 2, points: baseSamples)
    var points = Matrix(rows: baseSamples * stride, columns: inputs.count)
    for (column, input) in inputs.enumerated() {
      for point in 0..<baseSamples {
        let a = try quantile(of: input, at: sampler.uniform(point: point, input: column, matrix: 0))
        let b = try quantile(of: input, at: sampler.uniform(point: point, input: column, matrix: 1))
        let first = point * stride
        points[first, column] = a
        for factor in 0..<factors.count {
          points[first + 1 + factor, column] = owner[column] == factor ? b : a
        }
        points[first + stride - 1, column] = b
      }
    }

    self.inputs = inputs
    self.factors = factors
    self.baseSamples = baseSamples
    self.sampling = sampling
    self.replicates = replicates
    self.points = points
  }

  static func factors(of inputs: [SensitivityInput], _ choice: FactorChoice) throws -> [Factor] {
    switch choice {
    case .inputs:
      return inputs.enumerated().map { Factor(name: $0.element.name, members: [$0.offset]) }
    case .groups:
      return try blocks(of: inputs) { $0.group }
    case .joint(let factorOf):
      return try blocks(of: inputs) { factorOf[$0.name] }
    }
  }

  /// One factor per distinct `block` of an input, in order of first appearance; an input
  /// without one is a factor of its own, named by the input.
  private static func blocks(
    of inputs: [SensitivityInput], _ block: (SensitivityInput) -> String?
  ) throws -> [Factor] {
    let blockNames = Set(inputs.compactMap(block))
    if let clash = inputs.first(where: { block($0) == nil && blockNames.contains($0.name) }) {
      throw SensitivityError.invalidOption(
        "input '\(clash.name)' has no group but shares its name with a group: rename one of them")
    }
    var factors: [Factor] = []
    var position: [String: Int] = [:]
    for (column, input) in inputs.enumerated() {
      let name = block(input) ?? input.name
      if let index = position[name] {
        factors[index].members.append(column)
      } else {
        position[name] = factors.count
        factors.append(Factor(name: name, members: [column]))
      }
    }
    return factors
  }
}
