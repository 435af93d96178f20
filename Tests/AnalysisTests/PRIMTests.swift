import Foundation
import LinearAlgebra
import Stochastics
import Testing

@testable import Analysis

@Suite("PRIM")
struct PRIMTests {
  /// `rows` points of 20 independent uniform inputs; the cases of interest are x1 < 0.3 and
  /// x2 > 0.6 (inputs 0 and 1), a box of mass 0.12 that no other input bears on.
  static func plantedBox(rows: Int, seed: UInt64) -> (inputs: Matrix, interest: [Bool]) {
    let inputs = 20
    var points = Matrix(rows: rows, columns: inputs)
    for column in 0..<inputs {
      let stream = RandomStream(seed: seed, run: UInt64(column), key: StreamKey("prim-test"))
      for row in 0..<rows { points[row, column] = stream.uniform(UInt64(row)) }
    }
    let interest = (0..<rows).map { points[$0, 0] < 0.3 && points[$0, 1] > 0.6 }
    return (points, interest)
  }

  @Test("Recovers a planted box: coverage and density ≥ 0.9, only x1 and x2 restricted, near their true limits")
  func plantedBoxIsRecovered() throws {
    let (inputs, interest) = Self.plantedBox(rows: 5000, seed: 7)
    let prim = PRIM()
    let trajectory = prim.trajectory(inputs: inputs, interest: interest)
    let box = trajectory[prim.chosen(in: trajectory)]
    #expect(box.coverage >= 0.9 && box.density >= 0.9, "coverage \(box.coverage), density \(box.density)")
    let restrictions = PRIM.restrictions(of: box, inputs: inputs, interest: interest)
    #expect(restrictions.map(\.input) == [0, 1])
    let x1 = try #require(restrictions.first), x2 = try #require(restrictions.last)
    // The box is x1 ≤ ~0.3 and x2 ≥ ~0.6, unrestricted on the open sides of the unit square.
    #expect(x1.low == nil && x2.high == nil)
    #expect(abs((x1.high ?? 0) - 0.3) < 0.03 && abs((x2.low ?? 0) - 0.6) < 0.03)
    // Each restriction is highly significant: without it the box holds far fewer cases.
    #expect(restrictions.allSatisfy { $0.pValue < 1e-10 })
  }

  @Test("The trajectory starts from the box of all points and its mass never rises while peeling")
  func trajectoryShape() {
    let (inputs, interest) = Self.plantedBox(rows: 2000, seed: 11)
    let trajectory = PRIM(alpha: 0.1, minimumMass: 0.05).trajectory(inputs: inputs, interest: interest)
    let first = trajectory[0]
    #expect(first.mass == 1 && first.coverage == 1 && first.restricted == 0)
    #expect(abs(first.density - Double(interest.filter { $0 }.count) / 2000) < 1e-15)
    // Peeling only shrinks the box (pasting, the last step, may widen it again).
    let peeled = trajectory.dropLast()
    #expect(zip(peeled, peeled.dropFirst()).allSatisfy { $0.mass > $1.mass })
    #expect(trajectory.allSatisfy { $0.mass >= 0.05 })
  }

  @Test("The same points give the same trajectory")
  func reproducible() {
    let (inputs, interest) = Self.plantedBox(rows: 1000, seed: 3)
    let first = PRIM().trajectory(inputs: inputs, interest: interest)
    #expect(first.count > 2 && first == PRIM().trajectory(inputs: inputs, interest: interest))
  }

  /// EMA Workbench's PRIM on a planted box, written by `Fixtures/prim_reference.py`.
  struct EMAReference: Decodable {
    var points: [[Double]]
    var interest: [Bool]
    var steps: Int
    var mass: Double
    var density: Double
    var restricted: Int
    var x1_high: Double
    var x2_low: Double
  }

  @Test("Peeling reaches EMA Workbench's first box of density 1 in as many steps, for the same points and α")
  func agreesWithEMAWorkbench() throws {
    let url = try #require(
      Bundle.module.url(forResource: "prim_reference", withExtension: "json", subdirectory: "Fixtures"))
    let reference = try JSONDecoder().decode(EMAReference.self, from: Data(contentsOf: url))
    let inputs = Matrix(rowMajor: reference.points)
    let trajectory = PRIM().trajectory(inputs: inputs, interest: reference.interest)
    let last = try #require(trajectory.last)
    #expect(trajectory.count == reference.steps)
    #expect(abs(last.mass - reference.mass) < 1e-12 && abs(last.density - reference.density) < 1e-12)
    #expect(last.restricted == reference.restricted)
    // EMA's limits lie halfway between the last point kept and the first removed; iccsim's on the
    // last point kept.
    #expect(abs((last.limits[0].high ?? 0) - reference.x1_high) < 0.005)
    #expect(abs((last.limits[1].low ?? 0) - reference.x2_low) < 0.005)
  }

  @Test("Hypergeometric upper tail matches hand-computed values")
  func hypergeometric() {
    // Population 10 with 4 successes, 3 draws: P(X ≥ 2) = (C(4,2)C(6,1) + C(4,3)) / C(10,3) = 40/120.
    #expect(abs(Hypergeometric(population: 10, successes: 4, draws: 3).upperTail(atLeast: 2) - 40.0 / 120) < 1e-12)
    #expect(abs(Hypergeometric(population: 10, successes: 4, draws: 3).upperTail(atLeast: 0) - 1) < 1e-12)
    #expect(Hypergeometric(population: 10, successes: 4, draws: 3).upperTail(atLeast: 4) == 0)
  }
}
