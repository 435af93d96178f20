import LinearAlgebra

/// One value a design run is asked for: an output (indicator, dimension, `index`, or `cost` for
/// the programme cost) in a calendar year.
public struct OutputYear: Hashable, Sendable, CustomStringConvertible {
  public var output: String
  public var year: Int

  public init(output: String, year: Int) {
    self.output = output
    self.year = year
  }

  public var description: String { "\(output) (\(year))" }
}

/// The values of a design's runs and what the projection reported about them.
public struct DesignValues: Sendable {
  /// runs × requested values, in the order asked for.
  public let values: Matrix
  /// Overflows, saturated scores and stocks held at zero, over all runs of the design.
  public let diagnostics: [NumericalDiagnostic]
}

extension CompiledScenario {
  /// The id of the programme-cost series among the values a design can ask for.
  public static let costOutput = "cost"

  /// The ids a design can ask for: every output, then `cost`.
  public var evaluableOutputs: [String] { outputs.map(\.id) + [Self.costOutput] }

  /// Runs every row of `sampler.points` as one projection, on `threads` threads in blocks of
  /// `blockSize` runs, and returns the requested values of each run. Throws when an output id is
  /// unknown or a year lies outside base year … base year + horizon.
  public func evaluate(
    _ sampler: DesignSampler, values requested: [OutputYear], threads: Int, blockSize: Int = 1024
  ) throws -> DesignValues {
    let years = horizon + 1
    let series = try requested.map { item -> Int in
      let known = evaluableOutputs
      guard let position = known.firstIndex(of: item.output) else {
        throw SimulationError(
          "'\(item.output)' is not an output of scenario '\(id)'; expected one of: \(known.joined(separator: ", "))")
      }
      let offset = item.year - baseYear
      guard (0..<years).contains(offset) else {
        throw SimulationError("year \(item.year) is outside \(baseYear)…\(baseYear + horizon) of scenario '\(id)'")
      }
      return (position * years + offset)
    }
    let runs = sampler.points.rows
    var values = Matrix(rows: runs, columns: requested.count)
    var diagnostics: [NumericalDiagnostic] = []
    BlockScheduler(runs: 0..<runs, blockSize: blockSize, threads: threads).forEachWave {
      project(runs: $0, sampler: sampler)
    } consume: { blocks in
      for block in blocks {
        let n = block.runs.count
        for (column, index) in series.enumerated() {
          for i in 0..<n { values[block.runs.lowerBound + i, column] = block.values[index * n + i] }
        }
        diagnostics.absorb(block.diagnostics)
      }
    }
    return DesignValues(values: values, diagnostics: diagnostics)
  }
}
