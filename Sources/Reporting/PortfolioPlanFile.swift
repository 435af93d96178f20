import Analysis
import CityModel
import Foundation

/// The scenario file `iccsim optimise --out-plan` writes: it `extends` the base, adds the
/// chosen candidates with their start and scale applied, and records the seed and runs of the
/// search, so `iccsim run PLAN` projects exactly the search's runs 0..<N of that plan.
public enum PortfolioPlanFile {
  /// The file's text. `extendsPath` is the base's path relative to the plan's folder.
  public static func text(
    problem: PortfolioProblem, entry: PortfolioOptimisation.Entry, runs: Int, seed: UInt64, extendsPath: String
  ) -> String {
    let base = problem.base
    var lines = [
      "# A plan chosen by `iccsim optimise` over \(base.id): \(entry.label).",
      "# `iccsim run` on this file reproduces the search's runs 0..\(runs - 1) of the plan (same seed, same runs).",
      "extends: \(YAMLWriter.quoted(extendsPath))",
      "scenario: \(YAMLWriter.quoted(base.id + "-optimised"))",
      "title: {zh: \(YAMLWriter.quoted(base.title.zh + "·优化方案")), "
        + "en: \(YAMLWriter.quoted(base.title.en + ", optimised plan"))}",
      "runs: \(runs)",
      "seed: \(seed)",
    ]
    let added = problem.interventions(entry.portfolio)
    if !added.isEmpty { lines.append("interventions:") }
    for intervention in added {
      lines.append("  - id: \(YAMLWriter.quoted(intervention.id))")
      if let name = intervention.name {
        lines.append("    name: {zh: \(YAMLWriter.quoted(name.zh)), en: \(YAMLWriter.quoted(name.en))}")
      }
      switch intervention.action {
      case .addToStocks(let additions):
        let amounts = additions.map { "\($0.indicator): \($0.amount.yamlFlow)" }.joined(separator: ", ")
        lines.append("    adds: {\(amounts)}")
      case .policy(let policy):
        lines.append("    policy: \(YAMLWriter.quoted(policy))")
      }
      lines.append("    start: \(intervention.start)")
      lines.append("    ramp: \(intervention.ramp)")
      lines.append("    delay: \(intervention.delay.yamlFlow)")
      lines.append("    cost: \(intervention.cost.yamlFlow)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `path` relative to `folder` (both absolute), with `..` where they part.
  public static func relativePath(of path: URL, from folder: URL) -> String {
    let target = path.standardizedFileURL.resolvingSymlinksInPath().pathComponents
    let start = folder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
    var common = 0
    while common < min(target.count, start.count) && target[common] == start[common] { common += 1 }
    let ups = [String](repeating: "..", count: start.count - common)
    return (ups + target[common...]).joined(separator: "/")
  }
}
