import Foundation

/// Reads an estimate set: elasticities of one response with their covariance, as written by
/// `iccsim estimate --write`, and drawn jointly from N(β̂, V̂) by the simulation.
///
/// ```yaml
/// response: retail_sales
/// covariance_type: cluster:city
/// terms:
///   - {driver: metro_km, lag: 1, estimate: 0.081}
///   - {driver: tourism_spending, lag: 0, estimate: 0.21}
/// covariance: [[0.0009, 0.0001], [0.0001, 0.0016]]
/// ```
enum EstimateFile {
  static let keys = ["response", "covariance_type", "terms", "covariance"]

  /// The estimate set in `file` and where it starts, checked against the model's indicators:
  /// every term must be a driver edge (driver, lag) the model gives the response.
  static func read(
    _ file: SourceFile, referencedAt reference: SourceLocation?, play: PlaySet?, indicators: [ModelIndicator],
    diagnostics: Diagnostics
  ) -> (EstimateSet, SourceLocation)? {
    guard let tree = YAMLTree.load(file, referencedAt: reference, diagnostics: diagnostics) else { return nil }
    return read(tree, file: file, play: play, indicators: indicators, diagnostics: diagnostics).map {
      ($0, tree.location)
    }
  }

  static func read(
    _ tree: YAMLTree, file: SourceFile, play: PlaySet?, indicators: [ModelIndicator], diagnostics: Diagnostics
  ) -> EstimateSet? {
    let before = diagnostics.problems.count
    guard let reader = MappingReader(tree, what: "an estimate set", allowedKeys: keys, diagnostics: diagnostics) else {
      return nil
    }
    let responseTree = reader.required("response")
    let response = responseTree.flatMap { tree in
      play.map { $0.response(tree, diagnostics: diagnostics, purpose: "estimates") }
        ?? diagnostics.text(tree, what: "a response id")
    }
    let covarianceType =
      reader["covariance_type"].flatMap { diagnostics.text($0, what: "a covariance type") } ?? "classical"
    var terms: [EstimateSet.Term] = []
    var coefficients: [Double] = []
    let declared = response.flatMap { id in indicators.first { $0.id == id } }.flatMap { indicator -> [Driver]? in
      if case .response(let equation) = indicator.role { return equation.drivers }
      return nil
    }
    for item in reader.required("terms").flatMap({ diagnostics.list($0, what: "terms") }) ?? [] {
      guard
        let term = MappingReader(
          item, what: "a term", allowedKeys: ["driver", "lag", "estimate"], diagnostics: diagnostics)
      else { continue }
      let driver = term.required("driver").flatMap { diagnostics.text($0, what: "a driver id") }
      let lag = term["lag"].map { diagnostics.lag($0) } ?? 0
      let estimate = term.required("estimate").flatMap { diagnostics.number($0, what: "an estimate") }
      guard let driver, let lag, let estimate else { continue }
      let key = EstimateSet.Term(driver: driver, lag: lag)
      if terms.contains(key) {
        diagnostics.error("the term \(driver) at lag \(lag) appears twice", at: item.location)
        continue
      }
      if let declared, let response, !declared.contains(where: { $0.from == driver && $0.lag == lag }) {
        diagnostics.error(
          "\(driver) at lag \(lag) is not a driver of \(response) in the model: add it to the response's drivers "
            + "(the estimate replaces its elasticity)",
          at: item.location)
      }
      terms.append(key)
      coefficients.append(estimate)
    }
    let covariance = reader.required("covariance").flatMap { matrix($0, size: terms.count, diagnostics: diagnostics) }
    guard diagnostics.problems.count == before, let response, let covariance else { return nil }
    return EstimateSet(
      response: response, terms: terms, coefficients: coefficients, covariance: covariance,
      covarianceType: covarianceType, source: file.url)
  }

  /// A k×k symmetric positive semi-definite matrix, as a list of rows.
  private static func matrix(_ tree: YAMLTree, size k: Int, diagnostics: Diagnostics) -> [[Double]]? {
    guard let rows = diagnostics.list(tree, what: "a covariance matrix (a list of rows)") else { return nil }
    var matrix: [[Double]] = []
    for row in rows {
      guard let items = diagnostics.list(row, what: "a matrix row") else { return nil }
      let values = items.compactMap { diagnostics.number($0, what: "a number") }
      guard values.count == items.count else { return nil }
      guard values.count == k else {
        diagnostics.error("expected a row of \(k) numbers, one per term (got \(values.count))", at: row.location)
        return nil
      }
      matrix.append(values)
    }
    guard matrix.count == k else {
      diagnostics.error(
        "expected a \(k)×\(k) covariance matrix, one row per term (got \(matrix.count) rows)", at: tree.location)
      return nil
    }
    for i in 0..<k {
      for j in 0..<i where !approximatelyEqual(matrix[i][j], matrix[j][i]) {
        diagnostics.error(
          "the covariance matrix is not symmetric: entry (\(i + 1), \(j + 1)) is \(formatNumber(matrix[i][j])) "
            + "but (\(j + 1), \(i + 1)) is \(formatNumber(matrix[j][i]))",
          at: rows[i].location)
        return nil
      }
    }
    if !isPositiveSemidefinite(matrix) {
      diagnostics.error(
        "the covariance matrix is not positive semi-definite: it cannot be the covariance of any estimates",
        at: tree.location)
      return nil
    }
    return matrix
  }

  /// Symmetry up to rounding in the last printed digits: |a − b| ≤ 1e-10·max(|a|, |b|).
  private static func approximatelyEqual(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-10 * max(abs(a), abs(b))
  }
}
