import Analysis
import ArgumentParser
import CityModel
import Foundation
import Reporting
import Simulation

extension PortfolioBudget.Measure: ExpressibleByArgument {}

/// `iccsim optimise`: which portfolio of candidate projects, for the money, best meets the targets.
struct Optimise: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "optimise",
    abstract: "Find the portfolios of candidate projects that best meet the objectives for their cost.",
    discussion: """
      The options file lists candidate projects, written as scenario interventions,
      each optional, with alternative start years and scales; a budget; and one or
      two objectives. Every portfolio is the base scenario plus its candidates, and
      every portfolio is projected over the same runs (common random numbers). The
      Pareto front of objective against cost within the budget is re-evaluated on
      fresh runs (runs N..2N-1) and both figures are shown. Up to 4,096 portfolios
      are searched exhaustively, larger spaces by NSGA-II (seeded by --seed).
      See docs/optimise.md.

      Objectives on the command line: `targets` (every target of BASE met),
      `targets:ID,ID` (the named targets, each OUTPUT:YEAR), `quantile:P:OUTPUT:YEAR`
      (e.g. quantile:0.1:index:2030). Give --objective twice for two objectives.
      """)

  @Argument(help: "The base scenario (YAML); every plan extends it.")
  var base: String

  @Option(name: .customLong("options"), help: "The options file: candidates, budget, objective (YAML).")
  var optionsFile: String

  @Option(help: "Budget in 亿元 on the total programme cost over the horizon (overrides the file's).")
  var budget: Double?

  @Option(help: "What the budget limits: the mean or the P90 of total cost over the runs.")
  var budgetMeasure: PortfolioBudget.Measure?

  @Option(help: "An objective (overrides the file's); repeat for two.")
  var objective: [String] = []

  @Option(help: "Number of runs of the search (default: the base scenario's `runs`).")
  var runs: Int?

  @Option(help: "Random seed (default: the base scenario's `seed`).")
  var seed: UInt64?

  @OptionGroup var threading: ThreadsOption
  var threads: Int { threading.threads }

  @Option(help: "Output format: table, json or html.")
  var format: OptimiseFormat = .table

  @OptionGroup var evolution: EvolutionSearchOptions

  @OptionGroup var terminal: TerminalWidthOption

  @Option(help: "Write the report to this file instead of standard output.")
  var out: String?

  @Option(help: "Write the chosen plan as a scenario extending BASE that `iccsim run` reproduces.")
  var outPlan: String?

  @Option(help: "With --out-plan: the K-th plan of the front by cost (default: the best on the first objective).")
  var plan: Int?

  @Flag(help: "Replace existing output files.")
  var force = false

  func validate() throws {
    if let runs, !(1...10_000_000).contains(runs) {
      throw ValidationError("--runs must be between 1 and 10000000 (got \(runs))")
    }
    if let budget, !(budget > 0 && budget.isFinite) {
      throw ValidationError("--budget must be a positive number of 亿元 (got \(budget))")
    }
    guard objective.count <= 2 else { throw ValidationError("give --objective at most twice") }
    for text in objective where Self.parseObjective(text) == nil {
      throw ValidationError(
        "--objective takes targets, targets:ID,ID or quantile:P:OUTPUT:YEAR (got '\(text)')")
    }
    if let plan, plan < 1 { throw ValidationError("--plan counts from 1 (got \(plan))") }
    if plan != nil && outPlan == nil { throw ValidationError("--plan chooses the plan that --out-plan writes") }
    if let out, out == outPlan { throw ValidationError("--out and --out-plan name the same file") }
  }

  func run() throws {
    try exitingOnError {
      var scenario = try Scenario.load(from: URL(fileURLWithPath: base), catalogue: .bundled)
      if let runs { scenario.runs = runs }
      if let seed { scenario.seed = seed }
      let options = try PortfolioOptions.load(from: URL(fileURLWithPath: optionsFile), base: scenario)
      let problem = try self.problem(scenario, options)
      let search = evolution.searchOptions(seed: scenario.seed)
      // Exhaustive: every portfolio; evolutionary: at most the initial population and one per
      // member in each generation.
      let most = (search.population + search.population % 2) * (search.generations + 1)
      let total = problem.space.size.map { $0 <= search.exhaustiveLimit ? $0 : min($0, most) } ?? most
      let files = try CommandOutput([out, outPlan], force: force)
      try files.complete { files in
        let progress = ProgressBar(total: total, label: "optimise")
        let clock = ContinuousClock()
        let start = clock.now
        let optimisation = try PortfolioOptimisation.run(
          problem, runs: scenario.runs, threads: threads, searchOptions: search,
          progress: { progress.update($0) })
        let elapsed = clock.now - start
        if let outPlan {
          try files.write(Data(try planText(problem, optimisation, to: outPlan).utf8), to: outPlan)
        }
        let report = OptimisationReport(problem: problem, optimisation: optimisation)
        let data: Data =
          switch format {
          case .table: Data(report.table(width: out == nil ? terminal.width() : nil).utf8)
          case .json:
            try report.json(meta: [
              "version": Iccsim.configuration.version, "command": typedCommandLine, "threads": threads,
              "elapsed_seconds": Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            ])
          case .html: Data(report.html().utf8)
          }
        try files.write(data, to: out)
      }
    }
  }

  /// The search problem: the file's candidates, budget and objectives, with the command line's
  /// overrides; the objective defaults to every target of BASE met.
  private func problem(_ scenario: Scenario, _ options: PortfolioOptions) throws -> PortfolioProblem {
    var budget = options.budget
    if let limit = self.budget { budget.limit = limit }
    if let measure = budgetMeasure { budget.measure = measure }
    var objectives = objective.compactMap(Self.parseObjective)
    for objective in objectives {
      if let problem = objective.problem(in: scenario) { throw ValidationError("--objective: \(problem)") }
    }
    if objectives.isEmpty { objectives = options.objectives }
    if objectives.isEmpty {
      let all = PortfolioObjective.targetsMet(ids: nil)
      if let problem = all.problem(in: scenario) {
        throw InputError(problems: [InputProblem(file: optionsFile, message: "no objective given, and \(problem)")])
      }
      objectives = [all]
    }
    return PortfolioProblem(base: scenario, candidates: options.candidates, objectives: objectives, budget: budget)
  }

  /// The plan file of the chosen front entry; no entry within the budget, or `--plan` past the
  /// front, is an error.
  private func planText(
    _ problem: PortfolioProblem, _ optimisation: PortfolioOptimisation, to path: String
  ) throws -> String {
    let front = optimisation.front
    let chosen: Int
    if let plan {
      guard plan <= front.count else {
        throw ValidationError("--plan \(plan): the front has \(front.count) plan\(front.count == 1 ? "" : "s")")
      }
      chosen = plan - 1
    } else {
      guard let best = optimisation.best else {
        throw InputError(problems: [
          InputProblem(file: optionsFile, message: "no plan lies within the budget, so there is no plan to write")
        ])
      }
      chosen = best
    }
    let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
    return PortfolioPlanFile.text(
      problem: problem, entry: front[chosen], runs: optimisation.runs, seed: optimisation.seed,
      extendsPath: PortfolioPlanFile.relativePath(of: URL(fileURLWithPath: base), from: folder))
  }

  /// `targets`, `targets:ID,ID` or `quantile:P:OUTPUT:YEAR`; nil when the text is none of these.
  static func parseObjective(_ text: String) -> PortfolioObjective? {
    if text == "targets" { return .targetsMet(ids: nil) }
    if text.hasPrefix("targets:") {
      let ids = text.dropFirst("targets:".count).split(separator: ",").map(String.init)
      return ids.isEmpty ? nil : .targetsMet(ids: ids)
    }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 4, parts[0] == "quantile", let p = Double(parts[1]), !parts[2].isEmpty,
      let year = Int(parts[3])
    else { return nil }
    return .quantile(probability: p, output: parts[2], year: year)
  }
}

/// The formats `optimise` writes.
enum OptimiseFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, html
}
