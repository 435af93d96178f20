/// What identifies a partial result and its place in the job — everything `merge` checks before
/// loading any part whole. Decoding it from a shard file skips the summaries.
public struct PartialRunHeader: Codable, Sendable, Equatable {
  public var kind: String
  public var scenario: String
  public var seed: UInt64
  public var runs: Int
  public var sampling: Sampling
  public var shard: ShardRuns
  public var meta: RunManifest?
}

extension PartialRun {
  public var header: PartialRunHeader {
    PartialRunHeader(
      kind: kind, scenario: scenario, seed: seed, runs: runs, sampling: sampling, shard: shard, meta: meta)
  }

  /// Combines the partial results of all N shards of one job into the state of the whole job
  /// (shard 1/1), whatever order they are given in. See `merge(headers:load:)` for the checks.
  public static func merge(_ parts: [(name: String, part: PartialRun)]) throws -> PartialRun {
    try merge(headers: parts.map { ($0.name, $0.part.header) }) { parts[$0].part }
  }

  /// Combines the parts whose headers are given, loading them one at a time (`load(i)` returns
  /// the part of `headers[i]`), so memory holds the merged state and one part however many
  /// shards there are.
  ///
  /// First, from the headers alone: every part is a partial result whose runs are its shard's,
  /// of the same job as the first — same scenario, seed, run count, sampling, shard count,
  /// iccsim version and inputs (by SHA-256) — and the parts hold every shard exactly once. Then,
  /// loading them in shard order: each part says what its header said, its counts fit its runs,
  /// and its outputs, years, targets and quantile limits are the first's. Errors name the part
  /// (`name`, usually its file): a foreign part, two parts holding the same shard, the runs (and
  /// shard) that no part holds, a damaged part. The merged state's `meta` is nil.
  public static func merge(
    headers: [(name: String, header: PartialRunHeader)], load: (Int) throws -> PartialRun
  ) throws -> PartialRun {
    guard let (referenceName, reference) = headers.first else {
      throw SimulationError("merge needs at least one partial result")
    }
    for (name, header) in headers {
      try header.checkShardRange(name: name)
      try header.checkSameJob(as: reference, name: name, referenceName: referenceName)
    }
    var holder: [Int: String] = [:]
    for (name, header) in headers {
      if let other = holder[header.shard.index] {
        throw SimulationError(
          "\(other) and \(name) both hold shard \(header.shard.index)/\(header.shard.count) (runs "
            + "\(header.shard.runs.description))"
        )
      }
      holder[header.shard.index] = name
    }
    let missing = (1...reference.shard.count).filter { holder[$0] == nil }
    if !missing.isEmpty {
      let ranges = missing.map { k in
        "\(Shard(index: k, count: reference.shard.count)!.runs(of: reference.runs).description) (shard "
          + "\(k)/\(reference.shard.count))"
      }
      throw SimulationError("runs \(ranges.joined(separator: ", ")) are missing")
    }

    var merged: PartialRun?
    var firstName = referenceName
    for i in headers.indices.sorted(by: { headers[$0].header.shard.index < headers[$1].header.shard.index }) {
      let name = headers[i].name
      let part = try load(i)
      guard part.header == headers[i].header else {
        throw SimulationError("\(name) changed while the parts were being merged")
      }
      try part.checkConsistent(name: name)
      if merged == nil {
        merged = part
        firstName = name
      } else {
        try part.checkSameLayout(as: merged!, name: name, referenceName: firstName)
        merged!.absorb(part)
      }
    }
    merged!.shard = ShardRuns(.whole, totalRuns: merged!.runs)
    merged!.meta = nil
    return merged!
  }

  /// Adds the runs of the part that follows this state's.
  private mutating func absorb(_ part: PartialRun) {
    for k in summaries.indices { summaries[k].merge(part.summaries[k]) }
    diagnostics.absorb(part.diagnostics)
    for k in targets.indices {
      targets[k].met += part.targets[k].met
      for t in targets[k].firstMet.indices { targets[k].firstMet[t] += part.targets[k].firstMet[t] }
    }
  }

  /// A part whose numbers contradict its runs is damaged (or hand-edited).
  private func checkConsistent(name: String) throws {
    let count = shard.runs.count
    guard summaries.count == (outputs.count + 1) * years,
      summaries.allSatisfy({ $0.count == count && $0.limits == summaries[0].limits }),
      targets.allSatisfy({ $0.met <= count && $0.firstMet.count == years + 1 && $0.firstMet.reduce(0, +) == count })
    else {
      throw SimulationError(
        "\(name): the summaries do not match the \(count) runs of shard \(shard.index)/\(shard.count) (a damaged file?)"
      )
    }
  }

  /// Parts of one job summarise the same outputs, years and targets with the same limits.
  private func checkSameLayout(as reference: PartialRun, name: String, referenceName: String) throws {
    let sameLayout =
      outputs == reference.outputs && goalposts == reference.goalposts && baseYear == reference.baseYear
      && horizon == reference.horizon
      && targets.count == reference.targets.count
      && zip(targets, reference.targets).allSatisfy { $0.sameTarget(as: $1) }
      && summaries.first?.limits == reference.summaries.first?.limits
    if !sameLayout {
      throw SimulationError(
        "\(name) is not a part of the same job as \(referenceName): outputs, goalposts, years, targets or "
          + "quantile limits differ")
    }
  }
}

extension PartialRunHeader {
  /// A partial result, holding exactly the runs of its shard.
  fileprivate func checkShardRange(name: String) throws {
    guard kind == PartialRun.kindTag else {
      throw SimulationError("\(name) is not a partial result (kind '\(kind)'; write one with `iccsim run --shard K/N`)")
    }
    guard let plan = shard.shard, plan.runs(of: runs) == shard.runs else {
      let expected = shard.shard.map { "should hold runs \($0.runs(of: runs).description)" } ?? "does not exist"
      throw SimulationError(
        "\(name): shard \(shard.index)/\(shard.count) of \(runs) runs \(expected) but holds \(shard.runs.description)")
    }
  }

  /// A part of another job is foreign: its results cannot be combined with the reference's.
  fileprivate func checkSameJob(as reference: PartialRunHeader, name: String, referenceName: String) throws {
    func differs(_ what: String, _ mine: String, _ theirs: String) -> SimulationError {
      SimulationError(
        "\(name) is not a part of the same job as \(referenceName): \(what) \(mine) differs from \(theirs)")
    }
    if scenario != reference.scenario { throw differs("scenario", "'\(scenario)'", "'\(reference.scenario)'") }
    if seed != reference.seed { throw differs("seed", "\(seed)", "\(reference.seed)") }
    if runs != reference.runs { throw differs("run count", "\(runs)", "\(reference.runs)") }
    if sampling != reference.sampling { throw differs("sampling", sampling.rawValue, reference.sampling.rawValue) }
    if shard.count != reference.shard.count {
      throw differs("shard count", "\(shard.count)", "\(reference.shard.count)")
    }
    if meta?.version != reference.meta?.version {
      throw differs("iccsim version", meta?.version ?? "none", reference.meta?.version ?? "none")
    }
    let inputs = meta?.inputs ?? [], referenceInputs = reference.meta?.inputs ?? []
    if inputs.map(\.sha256) != referenceInputs.map(\.sha256) {
      let detail =
        zip(inputs, referenceInputs).first { $0.sha256 != $1.sha256 }.map { mine, theirs in
          "input \(mine.path) has SHA-256 \(mine.sha256.prefix(12))…, \(theirs.path) there has "
            + "\(theirs.sha256.prefix(12))…"
        } ?? "it has \(inputs.count) input files, \(referenceName) has \(referenceInputs.count)"
      throw SimulationError("\(name) is not a part of the same job as \(referenceName): \(detail)")
    }
  }
}
