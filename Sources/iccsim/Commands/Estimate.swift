import ArgumentParser
import CityModel
import Estimation
import FileOutput
import Foundation
import Reporting

/// `iccsim estimate`: fit elasticities on a panel, by formula or as the model's own equation.
struct Estimate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "estimate",
    abstract: "Estimate elasticities from city panel data by least squares, with robust standard errors.",
    discussion: """
      Give the model either as a formula (a subset of R/patsy notation; see
      docs/estimation.md) or as a response of a model file, whose equation —
      differences of the modelling transforms, driver lags, city and year fixed
      effects — is built for you. --write saves the driver elasticities with their
      covariance for a model's `estimates:`; a covariance that is not positive
      semi-definite (two-way clustering can give one) is refused unless --psd clip.

      --absorb sweeps the fixed effects out by demeaning instead of dummies: the
      same driver slopes and standard errors in a fraction of the memory. A design
      that would need more working memory than half of what is available (or
      --memory-limit) is refused with its size. An existing estimates file is
      replaced only with --force.

      Thin data is warned about: fewer than 10 observations per parameter, fewer
      than 30 clusters, a cluster-robust error below the classical one. The
      remedy for few clusters is --wild-bootstrap B (restricted wild cluster
      bootstrap: bootstrap-t p-values and 95 % intervals by test inversion).

      Exit status: 0 success, 64 bad usage, 65 bad data, 66 unreadable input, 73
      output cannot be created, 74 output write failed.
      """)

  @OptionGroup var panel: PanelOptions

  @OptionGroup var terminal: TerminalWidthOption

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, yaml
  }

  @Option(help: ArgumentHelp("A formula such as \"log(y) ~ x1 + I(x2^2) + C(city)\".", valueName: "formula"))
  var formula: String?

  @Option(help: "A model file whose equation for --response is estimated.")
  var model: String?

  @Option(help: "The response indicator to estimate (with --model).")
  var response: String?

  @Option(help: "Fixed effects for --model: city,year (default), city, year or none.")
  var fe: String?

  @Option(help: "Equation form for --model: differences (default) or levels.")
  var form: String?

  @Flag(help: "Absorb the --fe fixed effects by demeaning (the within transformation), not dummies (with --model).")
  var absorb = false

  @Option(
    help: ArgumentHelp(
      "Working memory the design may take, e.g. 8G or 512M (default: half of the memory available).",
      valueName: "size"))
  var memoryLimit: String?

  @Option(
    name: .customLong("se"),
    help: ArgumentHelp(
      "Covariance: classical, hc0, hc1, hc2, hc3, cluster:COLUMN or two-way cluster:COLUMN,COLUMN (default "
        + "cluster:city when the data has a city column, else classical).")
  )
  var covariance: String?

  @Option(help: "A column of positive weights, for weighted least squares.")
  var weights: String?

  @Option(help: "Ridge penalty λ ≥ 0 on every coefficient but the intercept.")
  var ridge: Double?

  @Flag(help: "Report variance inflation factors.")
  var vif = false

  @OptionGroup var inference: InferenceOptions

  @Option(help: "Output format: table, json or yaml.")
  var format: OutputFormat = .table

  @Option(help: "Write the driver elasticities and their covariance to this estimates file (with --model).")
  var write: String?

  @Option(
    help: ArgumentHelp(
      "With --write, a covariance that is not positive semi-definite is refused (default) or has its negative "
        + "eigenvalues clipped at 0 (recorded in the file's header).",
      valueName: "refuse|clip"))
  var psd: String?

  @Flag(help: "Replace the --write file if it exists.")
  var force = false

  func validate() throws {
    guard (formula == nil) != (model == nil) else {
      throw ValidationError("give either --formula or --model (with --response), not both or neither")
    }
    if model != nil && response == nil { throw ValidationError("--model needs --response ID") }
    if formula != nil {
      if force { throw ValidationError("--force applies to --write, which needs --model") }
      for (name, value) in [
        ("--response", response), ("--fe", fe), ("--form", form), ("--write", write), ("--map", panel.map),
      ]
      where value != nil {
        throw ValidationError("\(name) applies to --model only; in a formula write C(city) + C(year) for fixed effects")
      }
      if absorb { throw ValidationError("--absorb applies to --model only") }
    }
    if absorb && ridge != nil { throw ValidationError("--ridge cannot be combined with --absorb") }
    if absorb, let fe, (try? PanelEquation.FixedEffects(parsing: fe)) == .init(city: false, year: false) {
      throw ValidationError("--absorb needs fixed effects to absorb (--fe city, year or city,year)")
    }
    if let psd {
      guard write != nil else { throw ValidationError("--psd applies to --write only") }
      guard PSDPolicy(rawValue: psd) != nil else { throw ValidationError("--psd takes refuse or clip, not \(psd)") }
    }
    if let form, PanelEquation.Form(rawValue: form) == nil {
      throw ValidationError("--form takes differences or levels, not \(form)")
    }
    try inference.check(absorb: absorb, ridge: ridge, weights: weights, covariance: covariance)
    if let memoryLimit, DesignMemory.bytes(parsing: memoryLimit) == nil {
      throw ValidationError("--memory-limit takes a size such as 8G, 512M or 1000000 (bytes), not \(memoryLimit)")
    }
  }

  func run() throws {
    try exitingOnError {
      try DesignMemory.$limitOverride.withValue(memoryLimit.flatMap(DesignMemory.bytes(parsing:))) { try estimate() }
    }
  }

  private func estimate() throws {
    // The estimates file is checked before the work, and again when it is written.
    if let write { try OutputTarget(path: write, force: force).check() }
    var table = try panel.read()
    let covarianceType =
      try covariance.map(CovarianceType.init(parsing:))
      ?? (table.hasColumn("city") ? .cluster(column: "city") : .classical)

    var equation: PanelEquation?
    let design: Design
    if let formula {
      design = try Design(
        formula: Formula(parsing: formula), data: table, weights: weights, clusters: covarianceType.clusterColumns)
    } else {
      let loaded = try Model.load(from: URL(fileURLWithPath: model!))
      table = try panel.mapped(table, for: loaded)
      let panel = try PanelEquation(
        model: loaded, response: response!, form: form.flatMap(PanelEquation.Form.init(rawValue:)) ?? .differences,
        fixedEffects: try fe.map(PanelEquation.FixedEffects.init(parsing:)) ?? .init(city: true, year: true))
      design = try panel.design(
        data: table, weights: weights, clusters: covarianceType.clusterColumns, absorbing: absorb)
      equation = panel
    }
    var regression = try Regression(fitting: design, covariance: covarianceType, ridge: ridge, varianceInflation: vif)
    try inference.add(to: &regression, design: design, covariance: covarianceType)
    if let warning = regression.leverageOneWarning { printToStandardError("iccsim: warning: " + warning) }
    for warning in regression.thinDataWarnings { printToStandardError("iccsim: warning: " + warning) }
    if let write, let equation {
      let estimated = try EstimatesFile.estimateSet(equation: equation, regression: regression)
      let (set, repair) = try CovarianceRepair.apply(psd.flatMap(PSDPolicy.init(rawValue:)) ?? .refuse, to: estimated)
      if let repair { printToStandardError("iccsim: \(write): \(repair.description)") }
      let text = EstimatesFile.text(set, command: typedCommandLine, regression: regression, repair: repair)
      try EstimatesFile.write(text, to: write, force: force)
    }
    switch format {
    case .table:
      let supplement = regression.supplementTable()
      let table = regression.table(fitting: terminal.width())
      try writeStandardOutput(table + "\n" + (supplement.isEmpty ? "" : supplement + "\n"))
    case .json: try writeStandardOutput(try regression.jsonText() + "\n")
    case .yaml: try writeStandardOutput(regression.yamlText())
    }
  }
}
