/// The decisions a portfolio search ranges over: for each candidate, whether it is left out
/// (choice 0) or which of its alternatives (choices 1…n, e.g. start year × scale) is taken.
public struct PortfolioSpace: Equatable, Sendable {
  /// Number of choices per candidate, counting "left out"; every entry is at least 2.
  public let choices: [Int]

  public init(choices: [Int]) {
    precondition(choices.allSatisfy { $0 >= 2 }, "every candidate needs 'out' and at least one alternative")
    self.choices = choices
  }

  /// Number of portfolios, or nil when it exceeds `Int.max`.
  public var size: Int? {
    var product = 1
    for count in choices {
      let (next, overflow) = product.multipliedReportingOverflow(by: count)
      if overflow { return nil }
      product = next
    }
    return product
  }

  /// The portfolio at position `index` of the mixed-radix enumeration (first candidate fastest).
  public func portfolio(at index: Int) -> Portfolio {
    var rest = index
    var genes: [Int] = []
    genes.reserveCapacity(choices.count)
    for count in choices {
      genes.append(rest % count)
      rest /= count
    }
    return Portfolio(genes: genes)
  }
}

/// One portfolio: the choice taken for each candidate (0 = left out).
public struct Portfolio: Hashable, Comparable, Sendable {
  public var genes: [Int]

  public init(genes: [Int]) { self.genes = genes }

  /// Lexicographic order, for reproducible tie-breaking.
  public static func < (lhs: Portfolio, rhs: Portfolio) -> Bool {
    lhs.genes.lexicographicallyPrecedes(rhs.genes)
  }
}
