import CityModel
import Foundation

/// The simulator's own equation for one response, ready to estimate on a city × year panel
/// (docs/model.md, "The estimation equation"):
///
///     Δz_i,c,t = α + g_c + δ_t + Σ_j β_ij · Δu_j,c,t−ℓ + e_c,t        (differences, default)
///     z_i,c,t  = α + a_c + δ_t + Σ_j β_ij · u_j,c,t−ℓ + e_c,t          (levels)
///
/// z and u are the indicators in modelling space — ln Y (`log` scale), ln(Y/(100 − Y))
/// (`logit`), ln(Y + c) (`count`, c the model's offset) — so the coefficients are exactly the β
/// the simulation draws. g_c and δ_t are city and year fixed effects, entered as treatment
/// dummies `C(city)[T.…]`, `C(year)[T.…]` beside the intercept α; either can be left out.
///
/// Regressors are named with Stata's time-series operators: `D.x` is Δx at year t, `LD.x` at
/// t − 1, `L2D.x` at t − 2; in levels `x`, `L.x`, `L2.x`. A difference or lag needs the
/// previous year of the same city in the data; otherwise that observation is missing.
public struct PanelEquation: Sendable {
  public enum Form: String, Sendable, CaseIterable {
    case differences, levels
  }

  /// Which fixed effects enter; parsed from `city,year`, `city`, `year` or `none`.
  public struct FixedEffects: Sendable, Equatable {
    public var city: Bool
    public var year: Bool

    public init(city: Bool, year: Bool) {
      self.city = city
      self.year = year
    }

    public init(parsing text: String) throws {
      let parts = Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
      guard parts.isSubset(of: ["city", "year", "none"]), !(parts.contains("none") && parts.count > 1) else {
        throw EstimationError.invalidOption("--fe takes city, year, both as city,year, or none (got `\(text)`)")
      }
      self.init(city: parts.contains("city"), year: parts.contains("year"))
    }
  }

  public var response: String
  /// The driver edges of the response in the model, in the model's order.
  public var drivers: [EstimateSet.Term]
  public var form: Form
  public var fixedEffects: FixedEffects
  /// Modelling transform of every indicator the equation reads.
  let transforms: [String: Transform]

  enum Transform: Sendable {
    case log, logit, logOffset(Double)

    func callAsFunction(_ y: Double) -> Double {
      switch self {
      case .log: y > 0 ? Foundation.log(y) : .nan
      case .logit: y > 0 && y < 100 ? Foundation.log(y / (100 - y)) : .nan
      case let .logOffset(c): y + c > 0 ? Foundation.log(y + c) : .nan
      }
    }

    var text: String {
      switch self {
      case .log: "ln Y"
      case .logit: "ln(Y/(100 − Y))"
      case let .logOffset(c): "ln(Y + \(c.formatted()))"
      }
    }
  }

  /// The equation of `response` in `model`.
  public init(
    model: Model, response: String, form: Form = .differences,
    fixedEffects: FixedEffects = .init(city: true, year: true)
  )
    throws
  {
    guard let indicator = model.indicators.first(where: { $0.id == response }) else {
      let ids = model.indicators.map(\.id)
      let hint = ClosestName.find(response, among: ids).map { "; did you mean `\($0)`?" } ?? ""
      throw EstimationError.invalidEquation("`\(response)` is not an indicator of model \(model.id)\(hint)")
    }
    guard case let .response(equation) = indicator.role else {
      throw EstimationError.invalidEquation(
        "`\(response)` is a stock in model \(model.id): stocks move by accounting and have no elasticities to estimate")
    }
    guard !equation.drivers.isEmpty else {
      throw EstimationError.invalidEquation("`\(response)` has no drivers in model \(model.id); nothing to estimate")
    }
    let transforms = Self.transforms(of: [response] + equation.drivers.map(\.from), in: model)
    self.response = response
    self.drivers = equation.drivers.map { EstimateSet.Term(driver: $0.from, lag: $0.lag) }
    self.form = form
    self.fixedEffects = fixedEffects
    self.transforms = transforms
  }

  /// Each indicator's modelling transform as the simulation applies it: a stock enters as
  /// ln(X + c) whatever its catalogue scale; a response by its scale (ln Y, logit, ln(Y + c)).
  static func transforms(of ids: [String], in model: Model) -> [String: Transform] {
    var transforms: [String: Transform] = [:]
    for id in ids {
      let indicator = model.indicators.first { $0.id == id }
      let offset = indicator?.offset ?? 1
      let isStock = if case .stock? = indicator?.role { true } else { false }
      transforms[id] =
        switch isStock ? .count : model.catalogue[id]?.scale ?? .log {
        case .log: .log
        case .logit: .logit
        case .count: .logOffset(offset)
        }
    }
    return transforms
  }

  /// The name of the response column (`D.retail_sales`, or `retail_sales` in levels).
  public var responseName: String { name(response, lag: 0) }

  /// The regressor name of a driver term.
  public func name(of term: EstimateSet.Term) -> String { name(term.driver, lag: term.lag) }

  private func name(_ id: String, lag: Int) -> String {
    let lagPart = lag == 0 ? "" : (lag == 1 ? "L" : "L\(lag)")
    switch form {
    case .differences: return "\(lagPart)D.\(id)"
    case .levels: return lagPart.isEmpty ? id : "\(lagPart).\(id)"
    }
  }

  /// The table column holding a derived variable: a name no CSV header can clash with (in the
  /// levels form `retail_sales` names both the data and its logarithm).
  static func storageName(_ name: String) -> String { "\u{1}" + name }

  /// The formula the equation amounts to, over the derived columns `design(data:…)` adds.
  public var formula: Formula {
    var terms = drivers.map { term in
      Formula.Term(factors: [.numeric(.column(Self.storageName(name(of: term))), text: name(of: term))])
    }
    if fixedEffects.city { terms.insert(Formula.Term(factors: [.categorical(column: "city")]), at: 0) }
    if fixedEffects.year {
      terms.insert(Formula.Term(factors: [.categorical(column: "year")]), at: fixedEffects.city ? 1 : 0)
    }
    return Formula(
      response: .column(Self.storageName(responseName)), responseText: responseName, terms: terms, hasIntercept: true)
  }

  /// The design on a panel with columns `city`, `year` and one per indicator (a wide table, or
  /// a tidy one pivoted). Non-numeric cells, undefined transforms (ln of a non-positive value, a
  /// score outside (0, 100)) and repeated (city, year) rows are reported with their locations.
  ///
  /// With `absorbing`, the fixed effects are swept out by the within transformation instead of
  /// entering as dummies (WithinTransformation.swift): the design holds the drivers only, and
  /// the fit gives the same slopes and standard errors in a fraction of the memory.
  public func design(
    data: DataTable, weights: String? = nil, clusters: [String] = [], absorbing: Bool = false
  )
    throws -> Design
  {
    let absorbed = (fixedEffects.city ? ["city"] : []) + (fixedEffects.year ? ["year"] : [])
    if absorbing && absorbed.isEmpty {
      throw EstimationError.invalidOption("--absorb needs fixed effects to absorb (--fe city, year or city,year)")
    }
    for column in ["city", "year"] where !data.hasColumn(column) {
      throw EstimationError.missingPanelColumn(name: column, file: data.file)
    }
    let indicators = [response] + drivers.map(\.driver).filter { $0 != response }
    var problems: [EstimationError.NonNumericCell] = []
    let years = try data.numbers("year", problems: &problems)
    var raw: [String: [Double?]] = [:]
    for id in indicators where raw[id] == nil { raw[id] = try data.numbers(id, problems: &problems) }
    let yearColumn = try data.columnIndex("year")
    for (row, year) in years.enumerated() {
      if let year, year != year.rounded() {
        problems.append(
          .init(location: data.location(row: row, column: yearColumn), columnName: "year", text: "\(year)"))
      }
    }
    if !problems.isEmpty { throw EstimationError.nonNumericCells(problems) }

    // Modelling-space values; an undefined transform is an error at its cell.
    var transformed: [String: [Double?]] = [:]
    for id in Array(Set(indicators)).sorted() {
      let transform = transforms[id]!
      var undefined: [CellLocation] = []
      let column = try data.columnIndex(id)
      transformed[id] = raw[id]!.enumerated().map { row, value in
        guard let value else { return nil }
        let z = transform(value)
        if !z.isFinite { undefined.append(data.location(row: row, column: column)) }
        return z
      }
      if !undefined.isEmpty {
        throw EstimationError.undefinedTransform(
          term: "\(transform.text) of \(id)", locations: undefined, count: undefined.count)
      }
    }

    // Rows by (city, year); a repeated pair is ambiguous.
    let cities = try data.labels("city")
    let cityColumn = try data.columnIndex("city")
    var rowOf: [String: [Int: Int]] = [:]
    for row in 0..<data.rowCount {
      guard let city = cities[row], let year = years[row] else { continue }
      if let first = rowOf[city]?[Int(year)] {
        throw EstimationError.repeatedObservation(
          first: data.location(row: first, column: cityColumn), second: data.location(row: row, column: cityColumn),
          key: "\(city), \(Int(year))")
      }
      rowOf[city, default: [:]][Int(year)] = row
    }
    func value(_ id: String, row: Int, lag: Int) -> Double? {
      guard let city = cities[row], let year = years[row] else { return nil }
      guard let source = rowOf[city]?[Int(year) - lag] else { return nil }
      return transformed[id]![source]
    }
    func derived(_ id: String, lag: Int) -> [String] {
      (0..<data.rowCount).map { row in
        let current = value(id, row: row, lag: lag)
        let result: Double? =
          switch form {
          case .levels: current
          case .differences: current.flatMap { now in value(id, row: row, lag: lag + 1).map { now - $0 } }
          }
        return result.map { "\($0)" } ?? ""
      }
    }
    var columns = [(name: Self.storageName(responseName), cells: derived(response, lag: 0))]
    for term in drivers { columns.append((Self.storageName(name(of: term)), derived(term.driver, lag: term.lag))) }
    let complete = (0..<data.rowCount).contains { row in columns.allSatisfy { !$0.cells[row].isEmpty } }
    if !complete {
      let names = [responseName] + drivers.map(name(of:))
      throw EstimationError.noCompleteObservations(
        available: zip(names, columns).map { name, column in
          EstimationError.VariableCount(name: name, count: column.cells.filter { !$0.isEmpty }.count)
        })
    }
    let panel = data.appending(columns)
    guard absorbing else { return try Design(formula: formula, data: panel, weights: weights, clusters: clusters) }
    var slopes = formula
    slopes.terms.removeAll { term in term.factors.contains { if case .categorical = $0 { true } else { false } } }
    slopes.hasIntercept = false
    var design = try Design(formula: slopes, data: panel, weights: weights, clusters: clusters + absorbed)
    let groups = Array(design.clusters.suffix(absorbed.count))
    design.clusters.removeLast(absorbed.count)
    try WithinTransformation.absorb(groups, into: &design)
    return design
  }
}
