/// Something numerically wrong or noteworthy in a projection, with where it first happened.
///
/// Errors (a value that overflowed or became undefined) make the result unusable: the CLI
/// refuses to write it. Warnings (a stock held at zero, a 0–100 score pinned at its bound) leave
/// valid numbers and are printed beside the result.
public struct NumericalDiagnostic: Codable, Sendable, Equatable {
  public enum Kind: String, Codable, Sendable {
    /// A value overflowed or became undefined (e.g. exp of a log-scale value above ~709).
    case nonFinite = "non_finite"
    /// A 0–100 score's logit left the representable range, so the score is exactly 0 or 100.
    case saturated
    /// A stock's accounting went below zero and was held at zero.
    case heldAtZero = "held_at_zero"
  }

  public var kind: Kind
  public var scenario: String
  public var indicator: String
  /// The first year it happened in, in the run below.
  public var year: Int
  /// The lowest run index it happened in.
  public var run: Int
  /// Runs in which it happened at least once.
  public var runs: Int

  public var isError: Bool { kind == .nonFinite }

  public var message: String {
    switch kind {
    case .nonFinite:
      "\(scenario): \(indicator) overflowed or became undefined in \(year) of run \(run) (\(runs) "
        + "run\(runs == 1 ? "" : "s") affected): check its drift, elasticities and policy effects"
    case .saturated:
      "\(scenario): \(indicator) reached the end of its 0–100 scale in \(year) of run \(run) (\(runs) "
        + "run\(runs == 1 ? "" : "s")): its drift or effects push the score beyond what the logit can represent"
    case .heldAtZero:
      "\(scenario): \(indicator) was driven below zero and held at 0 in \(year) of run \(run) (\(runs) "
        + "run\(runs == 1 ? "" : "s"))"
    }
  }

  /// Combines the same diagnostic from another block or shard: the earliest run, the runs summed.
  mutating func absorb(_ other: NumericalDiagnostic) {
    if other.run < run || (other.run == run && other.year < year) {
      run = other.run
      year = other.year
    }
    runs += other.runs
  }
}

/// Collects diagnostics of one block: per (indicator slot, kind), the first run and year, and the
/// runs affected.
struct DiagnosticTally: Sendable {
  private var first: [Int: (run: Int, year: Int)] = [:]
  private var affected: [Int: Set<Int>] = [:]

  private static func key(_ slot: Int, _ kind: NumericalDiagnostic.Kind) -> Int {
    slot * 4 + (kind == .nonFinite ? 0 : kind == .saturated ? 1 : 2)
  }

  mutating func record(_ kind: NumericalDiagnostic.Kind, slot: Int, run: Int, year: Int) {
    let key = Self.key(slot, kind)
    if let existing = first[key], (existing.run, existing.year) <= (run, year) {} else { first[key] = (run, year) }
    affected[key, default: []].insert(run)
  }

  func diagnostics(scenario: String, slotIDs: [String]) -> [NumericalDiagnostic] {
    first.keys.sorted().map { key in
      let slot = key / 4
      let kind: NumericalDiagnostic.Kind = key % 4 == 0 ? .nonFinite : key % 4 == 1 ? .saturated : .heldAtZero
      return NumericalDiagnostic(
        kind: kind, scenario: scenario, indicator: slotIDs[slot], year: first[key]!.year, run: first[key]!.run,
        runs: affected[key]!.count)
    }
  }
}

extension Array where Element == NumericalDiagnostic {
  /// Adds diagnostics from a later block or shard, combining those of the same indicator and kind.
  mutating func absorb(_ others: [NumericalDiagnostic]) {
    for other in others {
      if let k = firstIndex(where: {
        $0.kind == other.kind && $0.scenario == other.scenario && $0.indicator == other.indicator
      }) {
        self[k].absorb(other)
      } else {
        append(other)
      }
    }
  }
}
