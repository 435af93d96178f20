import ArgumentParser
import CityModel
import Foundation
import Simulation

/// Options shared by `run`, `compare`, `report` and the demo: how many runs, which seed, how the
/// per-run parameters are drawn, how many threads.
struct SimulationOptions: ParsableArguments {
  @Option(help: "Number of Monte Carlo runs (default: the scenario's `runs`).")
  var runs: Int?

  @Option(help: "Random seed (default: the scenario's `seed`).")
  var seed: UInt64?

  @Option(
    help: ArgumentHelp(
      "How each run's uncertain parameters are drawn; latin-hypercube puts one run in each of the runs' "
        + "equal-probability strata of every parameter (yearly shocks stay independent).")
  )
  var sampling: Sampling = .independent

  @OptionGroup var threading: ThreadsOption
  var threads: Int { threading.threads }

  func validate() throws {
    if let runs, runs < 1 || runs > 100_000_000 {
      throw ValidationError("--runs must be between 1 and 100000000 (got \(runs))")
    }
  }
}

extension Sampling: ExpressibleByArgument {}
