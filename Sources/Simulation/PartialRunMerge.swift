extension PartialRun {
  /// Combines the partial results of all N shards of one job into the state of the whole job
  /// (shard 1/1), whatever order they are given in.
  ///
  /// Checks that the parts belong together — same scenario, seed, run count, shard count,
  /// inputs (by SHA-256) and layout as the first part — and that they hold every shard exactly
  /// once. Errors name the part (`name`, usually its file): a foreign part, two parts holding the
  /// same shard, or the runs (and shard) that no part holds. The merged state's `meta` is nil.
  public static func merge(_ parts: [(name: String, part: PartialRun)]) throws -> PartialRun {
    guard let (referenceName, reference) = parts.first else {
      throw SimulationError("merge needs at least one partial result")
    }
    for (name, part) in parts {
      try part.checkConsistent(name: name)
      try part.checkSameJob(as: reference, name: name, referenceName: referenceName)
    }
    var holder: [Int: String] = [:]
    for (name, part) in parts {
      if let other = holder[part.shard.index] {
        throw SimulationError("\(other) and \(name) both hold shard \(part.shard.index)/\(part.shard.count) (runs \(part.shard.runs.description))")
      }
      holder[part.shard.index] = name
    }
    let missing = (1...reference.shard.count).filter { holder[$0] == nil }
    if !missing.isEmpty {
      let ranges = missing.map { k in
        "\(Shard(index: k, count: reference.shard.count)!.runs(of: reference.runs).description) (shard \(k)/\(reference.shard.count))"
      }
      throw SimulationError("runs \(ranges.joined(separator: ", ")) are missing")
    }

    let ordered = parts.map(\.part).sorted { $0.shard.index < $1.shard.index }
    var merged = ordered[0]
    for part in ordered.dropFirst() {
      for k in merged.summaries.indices { merged.summaries[k].merge(part.summaries[k]) }
      merged.diagnostics.absorb(part.diagnostics)
      for k in merged.targets.indices {
        merged.targets[k].met += part.targets[k].met
        for t in merged.targets[k].firstMet.indices { merged.targets[k].firstMet[t] += part.targets[k].firstMet[t] }
      }
    }
    merged.shard = ShardRuns(.whole, totalRuns: merged.runs)
    merged.meta = nil
    return merged
  }

  /// A part whose numbers contradict each other is damaged (or hand-edited).
  private func checkConsistent(name: String) throws {
    guard kind == Self.kindTag else {
      throw SimulationError("\(name) is not a partial result (kind '\(kind)'; write one with `iccsim run --shard K/N`)")
    }
    guard let plan = shard.shard, plan.runs(of: runs) == shard.runs else {
      let expected = shard.shard.map { "should hold runs \($0.runs(of: runs).description)" } ?? "does not exist"
      throw SimulationError("\(name): shard \(shard.index)/\(shard.count) of \(runs) runs \(expected) but holds \(shard.runs.description)")
    }
    let count = self.shard.runs.count
    guard summaries.count == (outputs.count + 1) * years,
      summaries.allSatisfy({ $0.count == count && $0.limits == summaries[0].limits }),
      targets.allSatisfy({ $0.met <= count && $0.firstMet.count == years + 1 && $0.firstMet.reduce(0, +) == count })
    else {
      throw SimulationError("\(name): the summaries do not match the \(count) runs of shard \(shard.index)/\(shard.count) (a damaged file?)")
    }
  }

  /// A part of another job is foreign: its results cannot be combined with the reference's.
  private func checkSameJob(as reference: PartialRun, name: String, referenceName: String) throws {
    func differs(_ what: String, _ mine: String, _ theirs: String) -> SimulationError {
      SimulationError("\(name) is not a part of the same job as \(referenceName): \(what) \(mine) differs from \(theirs)")
    }
    if scenario != reference.scenario { throw differs("scenario", "'\(scenario)'", "'\(reference.scenario)'") }
    if seed != reference.seed { throw differs("seed", "\(seed)", "\(reference.seed)") }
    if runs != reference.runs { throw differs("run count", "\(runs)", "\(reference.runs)") }
    if sampling != reference.sampling { throw differs("sampling", sampling.rawValue, reference.sampling.rawValue) }
    if shard.count != reference.shard.count { throw differs("shard count", "\(shard.count)", "\(reference.shard.count)") }
    if meta?.version != reference.meta?.version {
      throw differs("iccsim version", meta?.version ?? "none", reference.meta?.version ?? "none")
    }
    let inputs = meta?.inputs ?? [], referenceInputs = reference.meta?.inputs ?? []
    if inputs.map(\.sha256) != referenceInputs.map(\.sha256) {
      let detail = zip(inputs, referenceInputs).first { $0.sha256 != $1.sha256 }.map { mine, theirs in
        "input \(mine.path) has SHA-256 \(mine.sha256.prefix(12))…, \(theirs.path) there has \(theirs.sha256.prefix(12))…"
      } ?? "it has \(inputs.count) input files, \(referenceName) has \(referenceInputs.count)"
      throw SimulationError("\(name) is not a part of the same job as \(referenceName): \(detail)")
    }
    let sameLayout = outputs == reference.outputs && baseYear == reference.baseYear && horizon == reference.horizon
      && targets.count == reference.targets.count && zip(targets, reference.targets).allSatisfy { $0.sameTarget(as: $1) }
      && summaries.first?.limits == reference.summaries.first?.limits
    if !sameLayout {
      throw SimulationError("\(name) is not a part of the same job as \(referenceName): outputs, years, targets or quantile limits differ")
    }
  }
}
