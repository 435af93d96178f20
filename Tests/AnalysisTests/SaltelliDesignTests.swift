import LinearAlgebra
import Stochastics
import Testing

@testable import Analysis

@Suite("Saltelli design")
struct SaltelliDesignTests {
  private let inputs = [
    SensitivityInput(name: "retail_sales.drift", distribution: .normal(mean: 0.05, sd: 0.01), group: "model"),
    SensitivityInput(name: "index.weights.renown", distribution: .uniform(min: 0.1, max: 0.3), group: "index_method"),
    SensitivityInput(
      name: "metro_km.annual_addition", distribution: .triangular(min: 10, mode: 20, max: 40), group: "model"),
  ]

  @Test("Each block is A, then AB_k with factor k's columns from B, then B (SALib's layout)")
  func layout() throws {
    let design = try SaltelliDesign(inputs: inputs, baseSamples: 50, sampling: .random(seed: 3))
    #expect(design.runCount == 50 * 5)
    for point in 0..<50 {
      let a = point * 5, b = a + 4
      for column in 0..<3 {
        #expect(design.points[a, column] != design.points[b, column])
        for factor in 0..<3 {
          let expected = factor == column ? design.points[b, column] : design.points[a, column]
          #expect(design.points[a + 1 + factor, column] == expected)
        }
      }
    }
  }

  @Test("Groups: one factor per group in order of first appearance, moving all its members")
  func groups() throws {
    let design = try SaltelliDesign(inputs: inputs, baseSamples: 20, factors: .groups, sampling: .random(seed: 3))
    #expect(
      design.factors == [
        SaltelliDesign.Factor(name: "model", members: [0, 2]),
        SaltelliDesign.Factor(name: "index_method", members: [1]),
      ])
    #expect(design.runCount == 20 * 4)
    let ungrouped = try SaltelliDesign(inputs: inputs, baseSamples: 20, sampling: .random(seed: 3))
    for point in 0..<20 {
      for column in 0..<3 {
        // A and B are the same points whatever the factors: they depend on seed, point and name.
        #expect(design.points[point * 4, column] == ungrouped.points[point * 5, column])
        #expect(design.points[point * 4 + 3, column] == ungrouped.points[point * 5 + 4, column])
        let fromB = (column == 1) == false
        #expect(design.points[point * 4 + 1, column] == design.points[point * 4 + (fromB ? 3 : 0), column])
      }
    }
  }

  @Test("Draws are keyed by input name: adding or reordering inputs leaves the others' draws alone")
  func keyedDraws() throws {
    let small = try SaltelliDesign(inputs: [inputs[2]], baseSamples: 30, sampling: .random(seed: 9))
    let large = try SaltelliDesign(inputs: inputs.reversed(), baseSamples: 30, sampling: .random(seed: 9))
    for point in 0..<30 {
      #expect(small.points[point * 3, 0] == large.points[point * 5, 0])
      #expect(small.points[point * 3 + 2, 0] == large.points[point * 5 + 4, 0])
    }
  }

  @Test("Scrambled Sobol base samples: A takes dimensions 0…d−1 and B dimensions d…2d−1 of each point")
  func sobolBase() throws {
    let design = try SaltelliDesign(inputs: inputs, baseSamples: 64, sampling: .sobol(scrambleSeed: 5))
    let sequence = try SobolSequence(dimensions: 6, scrambleSeed: 5)
    for point in 0..<64 {
      for (column, input) in inputs.enumerated() {
        #expect(
          design.points[point * 5, column] == input.distribution.quantile(sequence.coordinate(point, dimension: column))
        )
        #expect(
          design.points[point * 5 + 4, column]
            == input.distribution.quantile(sequence.coordinate(point, dimension: 3 + column)))
      }
    }
    // A net: each of the 64 equal slices of a coordinate's range holds exactly one point.
    let slices = Set((0..<64).map { Int((design.points[$0 * 5, 1] - 0.1) / 0.2 * 64) })
    #expect(slices.count == 64)
    let many = (0..<33).map { SensitivityInput(name: "p\($0)", distribution: .uniform(min: 0, max: 1)) }
    #expect(
      throws: SensitivityError.invalidOption(
        "Sobol base samples for 33 inputs need 66 dimensions, more than the 64 available: use random base samples")
    ) {
      try SaltelliDesign(inputs: many, baseSamples: 8, sampling: .sobol(scrambleSeed: 1))
    }
  }

  @Test("Replicated Sobol base samples: R contiguous blocks, each the first points of its own scramble")
  func replicatedSobolBase() throws {
    let design = try SaltelliDesign(inputs: inputs, baseSamples: 64, sampling: .sobol(scrambleSeed: 5, replicates: 4))
    let blocks = try #require(design.replicates)
    #expect((0..<4).map(blocks.range) == [0..<16, 16..<32, 32..<48, 48..<64])
    #expect((0..<64).map(blocks.replicate(containing:)) == (0..<64).map { $0 / 16 })
    // Block 0 is the scramble of the seed itself: the first 16 points of the single-scramble design.
    let single = try SaltelliDesign(inputs: inputs, baseSamples: 64, sampling: .sobol(scrambleSeed: 5))
    #expect(
      (0..<(16 * 5)).allSatisfy { row in
        (0..<3).allSatisfy { design.points[row, $0] == single.points[row, $0] }
      })
    for replicate in 0..<4 {
      let rows = blocks.range(replicate).map { $0 * 5 }
      // Each block is a net on its own: each of 16 equal slices of a coordinate's range holds one point.
      #expect(Set(rows.map { Int((design.points[$0, 1] - 0.1) / 0.2 * 16) }).count == 16)
      if replicate > 0 {
        // Another scramble: neither block 0 again nor the sequence's next 16 points.
        #expect(rows.allSatisfy { design.points[$0, 1] != design.points[$0 - replicate * 80, 1] })
        #expect(rows.allSatisfy { design.points[$0, 1] != single.points[$0, 1] })
      }
    }
    #expect(
      throws: SensitivityError.tooFewSamples(
        method: "a Saltelli design on 4 independent Sobol scramblings (2 per scrambling)", required: 8, given: 7)
    ) {
      try SaltelliDesign(inputs: inputs, baseSamples: 7, sampling: .sobol(scrambleSeed: 5, replicates: 4))
    }
    #expect(
      throws: SensitivityError.invalidOption(
        "20 Sobol points cannot be split into 0 independent scramblings: give between 1 and 20")
    ) {
      try SaltelliDesign(inputs: inputs, baseSamples: 20, sampling: .sobol(scrambleSeed: 5, replicates: 0))
    }
  }

  @Test("Base points follow the inputs' distributions (uniform mean and range over 4096 points)")
  func marginals() throws {
    let design = try SaltelliDesign(inputs: inputs, baseSamples: 4096, sampling: .random(seed: 10))
    let a = (0..<4096).map { design.points[$0 * 5, 1] }
    #expect(a.allSatisfy { (0.1...0.3).contains($0) })
    // Mean 0.2, sd of the mean 0.2/√12/√4096 ≈ 9e-4: 4 standard errors.
    #expect(abs(a.reduce(0, +) / 4096 - 0.2) < 3.6e-3)
  }

  @Test("Bad inputs are refused with their reason")
  func refusals() {
    #expect(throws: SensitivityError.noInputs) {
      try SaltelliDesign(inputs: [], baseSamples: 10, sampling: .random(seed: 0))
    }
    #expect(throws: SensitivityError.duplicateInput("retail_sales.drift")) {
      try SaltelliDesign(inputs: [inputs[0], inputs[0]], baseSamples: 10, sampling: .random(seed: 0))
    }
    #expect(throws: SensitivityError.tooFewSamples(method: "a Saltelli design", required: 2, given: 1)) {
      try SaltelliDesign(inputs: inputs, baseSamples: 1, sampling: .random(seed: 0))
    }
    let clash = [inputs[0], SensitivityInput(name: "model", distribution: .uniform(min: 0, max: 1))]
    #expect(
      throws: SensitivityError.invalidOption(
        "input 'model' has no group but shares its name with a group: rename one of them")
    ) {
      try SaltelliDesign(inputs: clash, baseSamples: 10, factors: .groups, sampling: .random(seed: 0))
    }
    let infinite = SensitivityInput(name: "bad", distribution: .normal(mean: .infinity, sd: 1))
    #expect(throws: SensitivityError.self) {
      try SaltelliDesign(inputs: [infinite], baseSamples: 10, sampling: .random(seed: 0))
    }
  }
}
