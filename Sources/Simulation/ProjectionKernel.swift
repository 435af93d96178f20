import Foundation
import Stochastics

/// What one block of runs produced: every series in every year for every run, and target counts.
struct BlockOutput: Sendable {
  let runs: Range<Int>
  let years: Int
  /// values[(series · years + t) · n + i] for run runs.lowerBound + i.
  var values: [Double]
  /// Per target: runs in which it holds in its year.
  var targetMet: [Int]
  /// Per target: runs whose first year meeting the bound is year offset t (index t), or never (last).
  var firstMet: [[Int]]
  /// Values that overflowed, scores pinned at a bound, stocks held at zero.
  var diagnostics: [NumericalDiagnostic] = []

  func value(series: Int, year: Int, run i: Int) -> Double {
    values[(series * years + year) * runs.count + i]
  }
}

/// Scratch arrays of one block, allocated once and freed when the block is done. Raw buffers,
/// so the inner loops over runs pay neither copy-on-write nor exclusivity checks.
private struct BlockWorkspace {
  let n: Int
  let parameters: UnsafeMutableBufferPointer<Double>
  /// u[(slot · years + t) · n + i]: every slot's modelling-space value in every year.
  let u: UnsafeMutableBufferPointer<Double>
  /// Natural-unit value of every slot in the current year.
  let level: UnsafeMutableBufferPointer<Double>
  let zStar: UnsafeMutableBufferPointer<Double>
  let epsilon: UnsafeMutableBufferPointer<Double>
  let phaseChange: UnsafeMutableBufferPointer<Double>
  let spreading: UnsafeMutableBufferPointer<Double>
  let normals: UnsafeMutableBufferPointer<Double>
  let disruption: UnsafeMutableBufferPointer<Double>
  let cost: UnsafeMutableBufferPointer<Double>
  /// goalposts[(2·m + k)·n + i]: T(L) (k = 0) and the span T(U) − T(L) (k = 1) of index
  /// member m in run i.
  let goalposts: UnsafeMutableBufferPointer<Double>
  let effectiveStart: UnsafeMutableBufferPointer<Int>

  init(n: Int, parameterValues: Int, slots: Int, years: Int, interventions: Int, responses: Int, indexMembers: Int) {
    // Every buffer but the disruption's is written before it is read (parameters by the sampler
    // and the estimate draws, the others at the start of the block or of each year), so they
    // start uninitialised; the disruption stays zero in a model without one.
    func buffer(_ count: Int) -> UnsafeMutableBufferPointer<Double> { .allocate(capacity: count) }
    self.n = n
    parameters = buffer(parameterValues * n)
    u = buffer(slots * years * n)
    level = buffer(slots * n)
    zStar = buffer(slots * n)
    epsilon = buffer(slots * n)
    phaseChange = buffer(interventions * n)
    spreading = buffer(interventions * n)
    normals = buffer(responses * n)
    disruption = buffer(n)
    disruption.initialize(repeating: 0)
    cost = buffer(n)
    goalposts = buffer(2 * indexMembers * n)
    effectiveStart = .allocate(capacity: interventions * n)
    effectiveStart.initialize(repeating: 0)
  }

  /// Row `k` of a buffer laid out row by row, one value per run: a raw pointer, so loops over the
  /// runs carry no overflow checks on the index and vectorise.
  func row(_ k: Int, of buffer: UnsafeMutableBufferPointer<Double>) -> UnsafeMutablePointer<Double> {
    buffer.baseAddress! + k * n
  }

  func deallocate() {
    for b in [parameters, u, level, zStar, epsilon, phaseChange, spreading, normals, disruption, cost, goalposts] {
      b.deallocate()
    }
    effectiveStart.deallocate()
  }
}

extension CompiledScenario {
  /// Projects runs `runs` year by year (docs/model.md), with the year loop outside and
  /// contiguous per-indicator arrays over the runs of the block inside.
  func project(runs: Range<Int>, sampler: some ParameterSampler) -> BlockOutput {
    let n = runs.count
    let years = horizon + 1
    // Every value is written below (each output in every year), so the array starts uninitialised.
    let valueCount = seriesCount * years * n
    var output = BlockOutput(
      runs: runs, years: years,
      values: [Double](unsafeUninitializedCapacity: valueCount) { $1 = valueCount },
      targetMet: [Int](repeating: 0, count: targets.count),
      firstMet: [[Int]](repeating: [Int](repeating: 0, count: years + 1), count: targets.count))
    let w = BlockWorkspace(
      n: n, parameterValues: parameterValueCount, slots: slots.count, years: years,
      interventions: interventions.count, responses: responses.count,
      indexMembers: index.members.reduce(0) { $0 + $1.count })
    defer { w.deallocate() }

    sampler.sample(parameters, runs: runs, into: w.parameters)
    drawEstimatedElasticities(w)
    placeGoalposts(w)
    for (m, intervention) in interventions.enumerated() {
      for i in 0..<n {
        let delay = w.parameters[intervention.delay * n + i]
        w.effectiveStart[m * n + i] = intervention.start + (delay.isFinite ? max(0, Int(delay.rounded())) : 0)
      }
    }
    for (s, slot) in slots.enumerated() {
      let z0 = slot.transform.forward(slot.base)
      for i in 0..<n {
        w.u[s * years * n + i] = z0
        w.level[s * n + i] = slot.base
        let deviation =
          switch slot.initialDeviation {
          case .fixed(let value): value
          case .drawn(let parameter): w.parameters[parameter * n + i]
          }
        w.zStar[s * n + i] = z0 - deviation
        w.epsilon[s * n + i] = deviation
      }
    }

    // Stream bases for the yearly draws, keyed per run (shared across scenarios: common random numbers).
    let noiseRuns = runs.map { UInt64(sampler.noiseRun($0)) }
    func streams(_ name: String) -> [RandomStream] {
      let family = RandomStreamFamily(seed: seed, key: StreamKey(name))
      return noiseRuns.map { family.stream(run: $0) }
    }
    let shockStreams = responses.map { streams("\(slots[$0.slot].id).shock") }
    let strikeStreams = streams("disruption.strike")
    let sizeStreams = streams("disruption.size")
    // Each year's stock additions vary around their rates only when yearly noise is on.
    let additionStreams: [[RandomStream]] = stocks.map { equation in
      guard equation.yearly != .none, sampler.drawsYearlyNoise else { return [] }
      return streams("\(slots[equation.slot].id).yearly")
    }

    // A Poisson stock draws its yearly additions at the run's rate in every year: each run's
    // quantile function is prepared once for the block.
    let additionQuantiles: [[PoissonQuantile]] = stocks.map { equation in
      guard case .poisson = equation.yearly, sampler.drawsYearlyNoise else { return [] }
      return (0..<n).map { PoissonQuantile(mean: max(0, w.parameters[equation.addition * n + $0])) }
    }

    var tally = DiagnosticTally()
    output.values.withUnsafeMutableBufferPointer { values in
      for t in 0..<years {
        if t > 0 {
          advanceInterventions(year: baseYear + t, w)
          advanceStocks(
            t: t, years: years, firstRun: runs.lowerBound, additionStreams: additionStreams,
            additionQuantiles: additionQuantiles, w, &tally)
          drawInnovations(t: t, shockStreams: shockStreams, strikeStreams: strikeStreams, sizeStreams: sizeStreams, w)
          advanceResponses(t: t, years: years, firstRun: runs.lowerBound, w, &tally)
        }
        for s in slots.indices {
          let base = (outputOfSlot[s] * years + t) * n
          for i in 0..<n { values[base + i] = w.level[s * n + i] }
        }
        recordIndex(t: t, years: years, w, into: values)
        let costBase = (costSeries * years + t) * n
        for i in 0..<n { values[costBase + i] = t == 0 ? 0 : w.cost[i] }
      }
    }
    output.diagnostics = tally.diagnostics(scenario: id, slotIDs: slots.map(\.id))
    countTargets(&output)
    return output
  }

  /// β = β̂ + F·ξ for every set of estimated elasticities.
  private func drawEstimatedElasticities(_ w: BlockWorkspace) {
    let n = w.n
    for draw in estimateDraws {
      let k = draw.normals.count
      for i in 0..<n {
        for a in 0..<k {
          var beta = draw.mean[a]
          for b in 0..<k { beta += draw.factor[a * k + b] * w.parameters[draw.normals[b] * n + i] }
          w.parameters[draw.betaSlots[a] * n + i] = beta
        }
      }
    }
  }

  /// T(L) and T(U) − T(L) of every index member in every run, once per block: a fixed
  /// goalpost's value, or a drawn one's transformed run by run (L and U − L for a linear member).
  private func placeGoalposts(_ w: BlockWorkspace) {
    let n = w.n
    for (m, member) in index.members.joined().enumerated() {
      let transform = slots[member.slot].transform
      func value(_ bound: GoalpostBound, run i: Int) -> Double {
        switch bound {
        case .fixed(let value): value
        case .drawn(let parameter):
          member.linear ? w.parameters[parameter * n + i] : transform.forward(w.parameters[parameter * n + i])
        }
      }
      let low = 2 * m * n, span = (2 * m + 1) * n
      for i in 0..<n {
        w.goalposts[low + i] = value(member.low, run: i)
        w.goalposts[span + i] = value(member.high, run: i) - w.goalposts[low + i]
      }
    }
  }

  /// Phase-in changes s(year) − s(year − 1), the share of each intervention's amount and cost
  /// falling in `year`, and the programme cost of the year.
  private func advanceInterventions(year: Int, _ w: BlockWorkspace) {
    let n = w.n
    for i in 0..<n { w.cost[i] = 0 }
    for (m, intervention) in interventions.enumerated() {
      let ramp = Double(intervention.ramp)
      let effectiveStart = w.effectiveStart.baseAddress! + m * n
      let phaseChange = w.row(m, of: w.phaseChange), spreading = w.row(m, of: w.spreading)
      let cost = w.row(intervention.cost, of: w.parameters)
      for i in 0..<n {
        let start = effectiveStart[i]
        let now = min(1, max(0, Double(year &- start &+ 1) / ramp))
        let before = min(1, max(0, Double(year &- start) / ramp))
        phaseChange[i] = now - before
        let share = (year >= start && year < start &+ intervention.ramp) ? 1 / ramp : 0
        spreading[i] = share
        w.cost[i] += cost[i] * share
      }
    }
  }

  /// X(t) = max(0, X(t−1) + d(t) + Σ additions + Σ γ·Δs), entering other equations as ln(X + c);
  /// d(t) is the rate r, or a yearly draw around it (`additionStreams[k]`, empty when there is none;
  /// a Poisson draw through `additionQuantiles[k]`).
  private func advanceStocks(
    t: Int, years: Int, firstRun: Int, additionStreams: [[RandomStream]],
    additionQuantiles: [[PoissonQuantile]], _ w: BlockWorkspace,
    _ tally: inout DiagnosticTally
  ) {
    let n = w.n
    let draw = UInt64(t)
    for (k, equation) in stocks.enumerated() {
      let level = w.row(equation.slot, of: w.level)
      let rate = w.row(equation.addition, of: w.parameters)
      let streams = additionStreams[k]
      switch equation.yearly {
      case .poisson where !streams.isEmpty:
        let quantiles = additionQuantiles[k]
        for i in 0..<n { level[i] += quantiles[i](streams[i].uniform(draw)) }
      case .normal(let sd) where !streams.isEmpty:
        let spread = w.row(sd, of: w.parameters)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { deviates in
          streams.withUnsafeBufferPointer { RandomStream.uniforms(of: $0, draw: draw, into: deviates) }
          standardNormalQuantiles(inPlace: deviates)
          for i in 0..<n { level[i] += rate[i] + spread[i] * deviates[i] }
        }
      default:
        for i in 0..<n { level[i] += rate[i] }
      }
      for term in equation.policyEffects {
        let effect = w.row(term.effect, of: w.parameters), phaseChange = w.row(term.intervention, of: w.phaseChange)
        for i in 0..<n { level[i] += effect[i] * phaseChange[i] }
      }
    }
    for (m, intervention) in interventions.enumerated() {
      let spreading = w.row(m, of: w.spreading)
      for addition in intervention.additions {
        let level = w.row(addition.slot, of: w.level), amount = w.row(addition.amount, of: w.parameters)
        for i in 0..<n { level[i] += amount[i] * spreading[i] }
      }
    }
    for equation in stocks {
      let s = equation.slot
      let offset = slots[s].transform.offset
      let level = w.row(s, of: w.level), u = w.row(s * years + t, of: w.u)
      for i in 0..<n {
        var x = level[i]
        if !(x >= 0) {
          tally.record(x.isNaN ? .nonFinite : .heldAtZero, slot: s, run: firstRun + i, year: baseYear + t)
          x = 0
        } else if x == .infinity {
          tally.record(.nonFinite, slot: s, run: firstRun + i, year: baseYear + t)
          x = 0
        }
        level[i] = x
        u[i] = log(x + offset)
      }
    }
  }

  /// Yearly innovations ξ (correlated through the factor) and the disruption J·B of year t.
  private func drawInnovations(
    t: Int, shockStreams: [[RandomStream]], strikeStreams: [RandomStream], sizeStreams: [RandomStream],
    _ w: BlockWorkspace
  ) {
    let n = w.n
    let draw = UInt64(t)
    for r in responses.indices {
      let streams = shockStreams[r]
      let row = UnsafeMutableBufferPointer(rebasing: w.normals[(r * n)..<(r * n + n)])
      streams.withUnsafeBufferPointer { RandomStream.uniforms(of: $0, draw: draw, into: row) }
      standardNormalQuantiles(inPlace: row)
    }
    if let factor = shockFactor {
      let members = correlatedResponses
      let k = members.count
      var correlated = [Double](repeating: 0, count: k)
      for i in 0..<n {
        for a in 0..<k {
          var sum = 0.0
          for b in 0...a { sum += factor[a * k + b] * w.normals[members[b] * n + i] }
          correlated[a] = sum
        }
        for a in 0..<k { w.normals[members[a] * n + i] = correlated[a] }
      }
    }
    if let spec = disruption {
      for i in 0..<n {
        let strikes = strikeStreams[i].uniform(draw) < w.parameters[spec.probability * n + i]
        w.disruption[i] = strikes ? spec.size.quantile(sizeStreams[i].uniform(draw)) : 0
      }
    }
  }

  /// z*(t) = z*(t−1) + g + Σ β·Δu(t−ℓ) + Σ γ·Δs;  ε(t) = ρ ε(t−1) + σ ξ + e·J·B;
  /// Y = T⁻¹(z* + ε), plus the programme cost for tertiary-sector investment.
  private func advanceResponses(t: Int, years: Int, firstRun: Int, _ w: BlockWorkspace, _ tally: inout DiagnosticTally)
  {
    let n = w.n
    for (r, equation) in responses.enumerated() {
      let s = equation.slot
      let transform = slots[s].transform
      let zs = w.row(s, of: w.zStar)
      let drift = w.row(equation.drift, of: w.parameters)
      for i in 0..<n { zs[i] += drift[i] }
      for edge in equation.drivers {
        let now = w.row(edge.from * years + max(0, t - edge.lag), of: w.u)
        let before = w.row(edge.from * years + max(0, t - 1 - edge.lag), of: w.u)
        let elasticity = w.row(edge.elasticity, of: w.parameters)
        for i in 0..<n { zs[i] += elasticity[i] * (now[i] - before[i]) }
      }
      for term in equation.policyEffects {
        let effect = w.row(term.effect, of: w.parameters), phaseChange = w.row(term.intervention, of: w.phaseChange)
        for i in 0..<n { zs[i] += effect[i] * phaseChange[i] }
      }
      let isScore = transform.scale == .logit
      let epsilon = w.row(s, of: w.epsilon)
      let level = w.row(s, of: w.level)
      let u = w.row(s * years + t, of: w.u)
      // Three passes over the runs: the innovations and z (a loop of multiply-adds that
      // vectorises), the levels (a call of exp each), then the guards.
      let autoregression = w.row(equation.autoregression, of: w.parameters)
      let shockSD = w.row(equation.shockSD, of: w.parameters)
      let exposure = w.row(equation.exposure, of: w.parameters)
      let normals = w.row(r, of: w.normals)
      for i in 0..<n {
        let e = autoregression[i] * epsilon[i] + shockSD[i] * normals[i] + exposure[i] * w.disruption[i]
        epsilon[i] = e
        u[i] = zs[i] + e
      }
      if s == costSlot {
        for i in 0..<n {
          level[i] = transform.inverse(u[i]) + w.cost[i]
          u[i] = transform.forward(level[i])
        }
      } else {
        for i in 0..<n { level[i] = transform.inverse(u[i]) }
      }
      // Guards: an overflow is reported and replaced by the base value so that nothing
      // undefined reaches the summaries (the result is then refused as a whole); a score
      // pinned at 0 or 100 is kept and reported.
      for i in 0..<n {
        let value = level[i]
        if !value.isFinite || !u[i].isFinite {
          tally.record(.nonFinite, slot: s, run: firstRun + i, year: baseYear + t)
          level[i] = slots[s].base
          u[i] = transform.forward(slots[s].base)
          zs[i] = u[i]
          epsilon[i] = 0
        } else if isScore && (value <= 0 || value >= 100) {
          tally.record(.saturated, slot: s, run: firstRun + i, year: baseYear + t)
        }
      }
    }
  }

  /// Dimension scores and the ICC index of year `t` for every run of the block.
  private func recordIndex(t: Int, years: Int, _ w: BlockWorkspace, into values: UnsafeMutableBufferPointer<Double>) {
    guard !index.dimensions.isEmpty else { return }
    let n = w.n
    let firstDimensionOutput = outputs.count - index.dimensions.count - 1
    let indexBase = ((outputs.count - 1) * years + t) * n
    let indexValues = UnsafeMutableBufferPointer(rebasing: values[indexBase..<(indexBase + n)])
    // Per run: the weighted sum of the dimension's members and their total weight, and the
    // total weight of the dimensions so far; raw buffers, so the loops over runs vectorise.
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * n) { scratch in
      let sum = UnsafeMutableBufferPointer(rebasing: scratch[0..<n])
      let total = UnsafeMutableBufferPointer(rebasing: scratch[n..<(2 * n)])
      let weightTotal = UnsafeMutableBufferPointer(rebasing: scratch[(2 * n)...])
      weightTotal.initialize(repeating: 0)
      indexValues.initialize(repeating: 0)
      var m = 0
      for (d, members) in index.members.enumerated() {
        sum.initialize(repeating: 0)
        total.initialize(repeating: 0)
        for member in members {
          let low = w.row(2 * m, of: w.goalposts), span = w.row(2 * m + 1, of: w.goalposts)
          m += 1
          // A linear member is normalised on the year's level, the others on the modelling-space value.
          let value = member.linear ? w.row(member.slot, of: w.level) : w.row(member.slot * years + t, of: w.u)
          let weight = w.row(member.weight, of: w.parameters)
          for i in 0..<n {
            let normalised = 100 * min(1, max(0, (value[i] - low[i]) / span[i]))
            sum[i] += weight[i] * (member.reversed ? 100 - normalised : normalised)
            total[i] += weight[i]
          }
        }
        let dimension = values.baseAddress! + ((firstDimensionOutput + d) * years + t) * n
        let weight = w.row(index.dimensionWeight[d], of: w.parameters)
        for i in 0..<n {
          let score = total[i] > 0 ? sum[i] / total[i] : 0
          dimension[i] = score
          switch index.aggregation {
          case .arithmetic: indexValues[i] += weight[i] * score
          case .geometric: indexValues[i] += weight[i] * log(max(score, 0))
          }
          weightTotal[i] += weight[i]
        }
      }
      for i in 0..<n {
        let mean = weightTotal[i] > 0 ? indexValues[i] / weightTotal[i] : 0
        indexValues[i] = index.aggregation == .geometric ? exp(mean) : mean
      }
    }
  }

  /// Targets: met in their year, and the first year each run meets the bound.
  private func countTargets(_ output: inout BlockOutput) {
    let n = output.runs.count
    for (k, target) in targets.enumerated() {
      let (series, offset) = targetSeries[k]
      for i in 0..<n {
        if target.isMet(by: output.value(series: series, year: offset, run: i)) { output.targetMet[k] += 1 }
        var first = output.years
        for t in 0..<output.years where target.isMet(by: output.value(series: series, year: t, run: i)) {
          first = t
          break
        }
        output.firstMet[k][first] += 1
      }
    }
  }
}
