import Foundation
import LinearAlgebra

/// Patient rule induction (PRIM, Friedman & Fisher 1999): a box in input space where the cases
/// of interest are concentrated.
///
/// Peeling starts from the box holding every point; each step tries, for every input, removing
/// the ⌊α(m − 1)⌋ + 1 of the box's m points with the highest or with the lowest values of that
/// input (as EMA Workbench counts), and keeps the peel whose remaining box has the highest
/// density (share of cases of interest); among equal densities, a peel on an input already
/// restricted, then the earlier input, upper side first. Peeling stops before the box's mass
/// (share of all points) would fall below `minimumMass`, or when its density reaches 1. Pasting
/// then widens the last box, one side at a time by `alpha` of its points, while that raises the
/// density. Every box along the way is one step of the trajectory.
public struct PRIM: Sendable {
  /// The bounds of one input in a box; nil where that side is not restricted.
  public struct Limits: Equatable, Sendable {
    public var low: Double?
    public var high: Double?

    public var isRestricted: Bool { low != nil || high != nil }

    func contains(_ value: Double) -> Bool {
      (low.map { value >= $0 } ?? true) && (high.map { value <= $0 } ?? true)
    }
  }

  /// One box of the trajectory: its limits and how it covers the cases of interest.
  public struct Box: Equatable, Sendable {
    public var limits: [Limits]
    /// Share of all cases of interest that lie in the box.
    public var coverage: Double
    /// Share of the box's points that are cases of interest.
    public var density: Double
    /// Share of all points that lie in the box.
    public var mass: Double
    /// Number of inputs restricted on at least one side.
    public var restricted: Int { limits.filter(\.isRestricted).count }
  }

  /// A restriction of a box with the significance of keeping it.
  public struct Restriction: Equatable, Sendable {
    public var input: Int
    public var low: Double?
    public var high: Double?
    /// One-sided hypergeometric p-value: the chance that a random draw of the box's size from
    /// the box without this restriction holds at least as many cases of interest as the box.
    public var pValue: Double
  }

  public let alpha: Double
  public let minimumMass: Double
  /// The chosen box is the one of largest coverage whose density is at least this share of the
  /// trajectory's highest density.
  public let densityShare: Double

  public init(alpha: Double = 0.05, minimumMass: Double = 0.05, densityShare: Double = 0.9) {
    precondition(alpha > 0 && alpha < 1 && minimumMass > 0 && minimumMass <= 1)
    self.alpha = alpha
    self.minimumMass = minimumMass
    self.densityShare = densityShare
  }

  /// The trajectory from the box of all points through the peeled boxes to the pasted box, for
  /// `inputs` (points × inputs) and `interest` (one flag per point, at least one set).
  public func trajectory(inputs: Matrix, interest: [Bool]) -> [Box] {
    precondition(inputs.rows == interest.count && interest.contains(true))
    var search = Search(inputs: inputs, interest: interest)
    var trajectory = [search.box()]
    while let peel = search.bestPeel(alpha: alpha, minimumCount: minimumMass * Double(inputs.rows)) {
      search.apply(peel)
      trajectory.append(search.box())
      if search.density >= 1 { break }
    }
    var pasted = false
    while let paste = search.bestPaste(alpha: alpha) {
      search.apply(paste)
      pasted = true
    }
    if pasted { trajectory.append(search.box()) }
    return trajectory
  }

  /// The position in `trajectory` of the box of largest coverage whose density is at least
  /// `densityShare` of the highest.
  public func chosen(in trajectory: [Box]) -> Int {
    let highest = trajectory.map(\.density).max() ?? 0
    let eligible = trajectory.indices.filter { trajectory[$0].density >= densityShare * highest }
    return eligible.max { trajectory[$0].coverage < trajectory[$1].coverage } ?? 0
  }

  /// The restrictions of `box` over `inputs`, each with its p-value.
  public static func restrictions(of box: Box, inputs: Matrix, interest: [Bool]) -> [Restriction] {
    let inBox = (0..<inputs.rows).filter { row in
      box.limits.indices.allSatisfy { box.limits[$0].contains(inputs[row, $0]) }
    }
    let boxCases = inBox.filter { interest[$0] }.count
    return box.limits.indices.filter { box.limits[$0].isRestricted }.map { input in
      let relaxed = (0..<inputs.rows).filter { row in
        box.limits.indices.allSatisfy { $0 == input || box.limits[$0].contains(inputs[row, $0]) }
      }
      let relaxedCases = relaxed.filter { interest[$0] }.count
      let p = Hypergeometric(population: relaxed.count, successes: relaxedCases, draws: inBox.count)
        .upperTail(atLeast: boxCases)
      return Restriction(input: input, low: box.limits[input].low, high: box.limits[input].high, pValue: p)
    }
  }
}

/// The hypergeometric distribution: successes among `draws` taken without replacement from a
/// population holding `successes`.
struct Hypergeometric {
  let population: Int
  let successes: Int
  let draws: Int

  /// P(X ≥ k).
  func upperTail(atLeast k: Int) -> Double {
    let top = min(draws, successes)
    let bottom = max(k, draws - (population - successes), 0)
    guard bottom <= top else { return 0 }
    let total = logChoose(population, draws)
    var sum = 0.0
    for x in bottom...top {
      sum += exp(logChoose(successes, x) + logChoose(population - successes, draws - x) - total)
    }
    return min(1, sum)
  }

  private func logChoose(_ n: Int, _ k: Int) -> Double {
    lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
  }
}

/// The state of one PRIM search: the box's limits and which points it holds.
private struct Search {
  /// A change of one side of one input's limits, with the box it leads to.
  struct Move {
    var input: Int
    var limits: PRIM.Limits
    var density: Double
  }

  let inputs: Matrix
  let interest: [Bool]
  /// Each input's points in increasing order of its value.
  let order: [[Int]]
  let totalCases: Int
  var limits: [PRIM.Limits]
  var inBox: [Bool]
  var count: Int
  var cases: Int

  init(inputs: Matrix, interest: [Bool]) {
    self.inputs = inputs
    self.interest = interest
    order = (0..<inputs.columns).map { column in
      (0..<inputs.rows).sorted { (inputs[$0, column], $0) < (inputs[$1, column], $1) }
    }
    totalCases = interest.filter { $0 }.count
    limits = Array(repeating: PRIM.Limits(), count: inputs.columns)
    inBox = Array(repeating: true, count: inputs.rows)
    count = inputs.rows
    cases = totalCases
  }

  var density: Double { Double(cases) / Double(count) }

  func box() -> PRIM.Box {
    PRIM.Box(
      limits: limits, coverage: Double(cases) / Double(totalCases), density: density,
      mass: Double(count) / Double(inputs.rows))
  }

  /// The peel leaving the densest box of at least `minimumCount` points, if any removes points.
  func bestPeel(alpha: Double, minimumCount: Double) -> Move? {
    let k = Int((alpha * Double(count - 1)).rounded(.down)) + 1
    var best: Move?
    for input in 0..<inputs.columns {
      for ascending in [false, true] {
        let held = order[input].lazy.filter { inBox[$0] }
        let sorted: [Int] = ascending ? Array(held.prefix(k + 1)) : Array(held.reversed().prefix(k + 1))
        guard sorted.count > k else { continue }
        let threshold = inputs[sorted[k], input]
        let removed = sorted.prefix(k).filter { inputs[$0, input] != threshold }
        let left = count - removed.count
        guard !removed.isEmpty, Double(left) >= minimumCount else { continue }
        let leftCases = cases - removed.filter { interest[$0] }.count
        let density = Double(leftCases) / Double(left)
        var changed = limits[input]
        if ascending { changed.low = threshold } else { changed.high = threshold }
        let better = best.map { current in
          density > current.density
            || (density == current.density && limits[input].isRestricted && !limits[current.input].isRestricted)
        }
        if better ?? true {
          best = Move(input: input, limits: changed, density: density)
        }
      }
    }
    return best
  }

  /// The paste raising the density most, if any raises it.
  func bestPaste(alpha: Double) -> Move? {
    let k = max(1, Int(alpha * Double(count)))
    var best: Move?
    for input in 0..<inputs.columns where limits[input].isRestricted {
      let outside = order[input].filter { row in
        !inBox[row]
          && limits.indices.allSatisfy { $0 == input || limits[$0].contains(inputs[row, $0]) }
      }
      if let low = limits[input].low {
        let below = outside.filter { inputs[$0, input] < low }.suffix(k)
        if let first = below.first {
          let density = Double(cases + below.filter { interest[$0] }.count) / Double(count + below.count)
          var changed = limits[input]
          changed.low = inputs[first, input]
          if density > (best?.density ?? self.density) { best = Move(input: input, limits: changed, density: density) }
        }
      }
      if let high = limits[input].high {
        let above = outside.filter { inputs[$0, input] > high }.prefix(k)
        if let last = above.last {
          let density = Double(cases + above.filter { interest[$0] }.count) / Double(count + above.count)
          var changed = limits[input]
          changed.high = inputs[last, input]
          if density > (best?.density ?? self.density) { best = Move(input: input, limits: changed, density: density) }
        }
      }
    }
    return best
  }

  /// Sets the limits of `move` and recounts the box.
  mutating func apply(_ move: Move) {
    limits[move.input] = move.limits
    count = 0
    cases = 0
    for row in 0..<inputs.rows {
      let held = limits.indices.allSatisfy { limits[$0].contains(inputs[row, $0]) }
      inBox[row] = held
      if held {
        count += 1
        if interest[row] { cases += 1 }
      }
    }
  }
}
