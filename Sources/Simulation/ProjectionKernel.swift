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

  func value(series: Int, year: Int, run i: Int) -> Double {
    values[(series * years + year) * runs.count + i]
  }
}

extension CompiledScenario {
  /// Projects runs `runs` year by year (DESIGN.md, "The model"), with the year loop outside and
  /// contiguous per-indicator arrays over the runs of the block inside.
  func project(runs: Range<Int>, sampler: some ParameterSampler) -> BlockOutput {
    let n = runs.count
    let years = horizon + 1
    let slotCount = slots.count
    var output = BlockOutput(
      runs: runs, years: years, values: [Double](repeating: 0, count: seriesCount * years * n),
      targetMet: [Int](repeating: 0, count: targets.count),
      firstMet: [[Int]](repeating: [Int](repeating: 0, count: years + 1), count: targets.count))

    // Per-run parameter values, then the jointly drawn elasticities.
    var pv = [Double](repeating: 0, count: parameterValueCount * n)
    pv.withUnsafeMutableBufferPointer { sampler.sample(parameters, runs: runs, into: $0) }
    for draw in estimateDraws {
      let k = draw.normals.count
      for i in 0..<n {
        for a in 0..<k {
          var beta = draw.mean[a]
          for b in 0..<k { beta += draw.factor[a * k + b] * pv[draw.normals[b] * n + i] }
          pv[draw.betaSlots[a] * n + i] = beta
        }
      }
    }

    // Intervention timing per run: effective start year after the drawn delay.
    let effectiveStart: [[Int]] = interventions.map { intervention in
      (0..<n).map { i in
        let delay = pv[intervention.delay * n + i]
        return intervention.start + (delay.isFinite ? max(0, Int(delay.rounded())) : 0)
      }
    }

    // State: u history per slot and year, stock levels, z* and ε per response.
    var u = [Double](repeating: 0, count: slotCount * years * n)
    var level = [Double](repeating: 0, count: slotCount * n)
    var zStar = [Double](repeating: 0, count: slotCount * n)
    var epsilon = [Double](repeating: 0, count: slotCount * n)
    for (s, slot) in slots.enumerated() {
      let z0 = slot.transform.forward(slot.base)
      for i in 0..<n {
        u[(s * years) * n + i] = z0
        level[s * n + i] = slot.base
        zStar[s * n + i] = z0
      }
    }
    @inline(__always) func uAt(_ s: Int, _ t: Int, _ i: Int) -> Double { u[(s * years + max(t, 0)) * n + i] }

    // Streams for yearly draws, keyed per run (shared across scenarios: common random numbers).
    let shockBases: [[RandomStream]] = responses.map { equation in
      let key = StreamKey("\(slots[equation.slot].id).shock")
      return runs.map { RandomStream(seed: seed, run: UInt64(sampler.noiseRun($0)), key: key) }
    }
    let strikeStreams = runs.map { RandomStream(seed: seed, run: UInt64(sampler.noiseRun($0)), key: StreamKey("disruption.strike")) }
    let sizeStreams = runs.map { RandomStream(seed: seed, run: UInt64(sampler.noiseRun($0)), key: StreamKey("disruption.size")) }

    var cost = [Double](repeating: 0, count: n)
    var phaseNow = [Double](repeating: 0, count: interventions.count * n)
    var phasePrevious = [Double](repeating: 0, count: interventions.count * n)
    var spreading = [Double](repeating: 0, count: interventions.count * n)
    var normals = [Double](repeating: 0, count: responses.count * n)
    var disruption = [Double](repeating: 0, count: n)

    for t in 0..<years {
      let year = baseYear + t
      if t > 0 {
        // Interventions in this calendar year.
        for (m, intervention) in interventions.enumerated() {
          let ramp = Double(intervention.ramp)
          for i in 0..<n {
            let start = effectiveStart[m][i]
            phasePrevious[m * n + i] = min(1, max(0, Double(year - 1 - start + 1) / ramp))
            phaseNow[m * n + i] = min(1, max(0, Double(year - start + 1) / ramp))
            spreading[m * n + i] = (year >= start && year < start + intervention.ramp) ? 1 / ramp : 0
          }
        }
        for i in 0..<n {
          var total = 0.0
          for (m, intervention) in interventions.enumerated() {
            total += pv[intervention.cost * n + i] * spreading[m * n + i]
          }
          cost[i] = total
        }

        // Stocks: accounting.
        for equation in stocks {
          let s = equation.slot
          for i in 0..<n {
            var x = level[s * n + i] + pv[equation.addition * n + i]
            for term in equation.policyEffects {
              let m = term.intervention
              x += pv[term.effect * n + i] * (phaseNow[m * n + i] - phasePrevious[m * n + i])
            }
            level[s * n + i] = x
          }
        }
        for (m, intervention) in interventions.enumerated() {
          for addition in intervention.additions {
            let s = addition.slot
            for i in 0..<n {
              level[s * n + i] += pv[addition.amount * n + i] * spreading[m * n + i]
            }
          }
        }
        for equation in stocks {
          let s = equation.slot
          let offset = slots[s].transform.offset
          for i in 0..<n {
            let x = max(0, level[s * n + i])
            level[s * n + i] = x
            u[(s * years + t) * n + i] = log(x + offset)
          }
        }

        // Yearly innovations (correlated through the factor) and the disruption.
        for (r, _) in responses.enumerated() {
          for i in 0..<n {
            normals[r * n + i] = standardNormalQuantile(shockBases[r][i].uniform(UInt64(t)))
          }
        }
        if let factor = shockFactor {
          let k = responses.count
          var correlated = [Double](repeating: 0, count: k)
          for i in 0..<n {
            for a in 0..<k {
              var sum = 0.0
              for b in 0...a { sum += factor[a * k + b] * normals[b * n + i] }
              correlated[a] = sum
            }
            for a in 0..<k { normals[a * n + i] = correlated[a] }
          }
        }
        if let spec = self.disruption {
          for i in 0..<n {
            let strikes = strikeStreams[i].uniform(UInt64(t)) < pv[spec.probability * n + i]
            disruption[i] = strikes ? spec.size.quantile(sizeStreams[i].uniform(UInt64(t))) : 0
          }
        }

        // Responses in topological order.
        for (r, equation) in responses.enumerated() {
          let s = equation.slot
          let transform = slots[s].transform
          let receivesCost = s == costSlot
          for i in 0..<n {
            var z = zStar[s * n + i] + pv[equation.drift * n + i]
            for edge in equation.drivers {
              z += pv[edge.elasticity * n + i] * (uAt(edge.from, t - edge.lag, i) - uAt(edge.from, t - 1 - edge.lag, i))
            }
            for term in equation.policyEffects {
              let m = term.intervention
              z += pv[term.effect * n + i] * (phaseNow[m * n + i] - phasePrevious[m * n + i])
            }
            zStar[s * n + i] = z
            let e = pv[equation.autoregression * n + i] * epsilon[s * n + i]
              + pv[equation.shockSD * n + i] * normals[r * n + i]
              + pv[equation.exposure * n + i] * disruption[i]
            epsilon[s * n + i] = e
            var value = transform.inverse(z + e)
            if receivesCost {
              value += cost[i]
              u[(s * years + t) * n + i] = transform.forward(value)
            } else {
              u[(s * years + t) * n + i] = z + e
            }
            level[s * n + i] = value
          }
        }
      }

      // Record indicators, the index and the cost.
      for s in 0..<slotCount {
        let base = (outputOfSlot[s] * years + t) * n
        for i in 0..<n { output.values[base + i] = level[s * n + i] }
      }
      recordIndex(year: t, u: u, pv: pv, into: &output)
      let costBase = (costSeries * years + t) * n
      for i in 0..<n { output.values[costBase + i] = t == 0 ? 0 : cost[i] }
    }

    // Targets: met in their year, and the first year met.
    for (k, target) in targets.enumerated() {
      let (series, offset) = targetSeries[k]
      for i in 0..<n {
        if target.isMet(by: output.value(series: series, year: offset, run: i)) { output.targetMet[k] += 1 }
        var first = years
        for t in 0..<years where target.isMet(by: output.value(series: series, year: t, run: i)) {
          first = t
          break
        }
        output.firstMet[k][first] += 1
      }
    }
    return output
  }

  /// Dimension scores and the ICC index of year `t` for every run of the block.
  private func recordIndex(year t: Int, u: [Double], pv: [Double], into output: inout BlockOutput) {
    guard !index.dimensions.isEmpty else { return }
    let n = output.runs.count
    let years = horizon + 1
    let firstDimensionOutput = outputs.count - index.dimensions.count - 1
    var weighted = [Double](repeating: 0, count: n)
    var weightTotal = [Double](repeating: 0, count: n)
    for (d, members) in index.members.enumerated() {
      var sum = [Double](repeating: 0, count: n)
      var total = [Double](repeating: 0, count: n)
      for member in members {
        let span = member.high - member.low
        for i in 0..<n {
          let position = (u[(member.slot * years + t) * n + i] - member.low) / span
          let normalised = 100 * min(1, max(0, position))
          let w = pv[member.weight * n + i]
          sum[i] += w * (member.reversed ? 100 - normalised : normalised)
          total[i] += w
        }
      }
      let dimensionBase = ((firstDimensionOutput + d) * years + t) * n
      for i in 0..<n {
        let score = total[i] > 0 ? sum[i] / total[i] : 0
        output.values[dimensionBase + i] = score
        let w = pv[index.dimensionWeight[d] * n + i]
        switch index.aggregation {
        case .arithmetic: weighted[i] += w * score
        case .geometric: weighted[i] += w * log(max(score, 0))
        }
        weightTotal[i] += w
      }
    }
    let indexBase = ((outputs.count - 1) * years + t) * n
    for i in 0..<n {
      let mean = weightTotal[i] > 0 ? weighted[i] / weightTotal[i] : 0
      output.values[indexBase + i] = index.aggregation == .geometric ? exp(mean) : mean
    }
  }
}
