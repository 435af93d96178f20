import Estimation
import Foundation

extension Regression {
  /// The machine-readable result (`--format json|yaml`), with the keys of docs/estimation.md
  /// ("Output") — `n_obs`, `df_resid`, `rank`, `coefficients` [{`term`, `estimate`, `std_error`,
  /// `t`, `p_value`, `ci_low`, `ci_high`}], `r_squared`, `adj_r_squared`, `residual_std_error`, `f_statistic`,
  /// `condition_number`, `covariance` {`type`, `terms`, `matrix`} — plus `response`,
  /// `n_dropped`, `df_model`, `df_inference`, `aliased`, `f_p_value`, `f_df`,
  /// `r_squared_centred`, and when they apply `clusters`, `ridge`, `weights` and per-coefficient
  /// `vif`. A fit with absorbed fixed effects adds `absorbed` {`df`, `factors` [{`column`,
  /// `levels`}], `sweeps`}; other fits leave the key out.
  ///
  /// A number that is not finite (an undefined standard error, an infinite condition number) is
  /// written as null, and the object holding it gets an `undefined` mapping from its key to what
  /// the number was and why (`"NaN: its estimated variance is negative …"`); `undefined` is
  /// there only when something is. YAML never holds `.nan` or `.inf` where a number belongs.
  public var report: Report {
    let matrix = (0..<covariance.rows).map { i in (0..<covariance.columns).map { covariance[i, $0] } }
    let nonFiniteTerms = coefficients.indices.filter { i in matrix[i].contains { !$0.isFinite } }
    var report = Report(
      response: responseName, nObs: observationCount, nDropped: droppedCount, dfResid: residualDF,
      dfModel: modelDF, dfInference: inferenceDF, rank: rank,
      coefficients: coefficients.map { c in
        .init(
          term: c.term, estimate: c.estimate, stdError: c.standardError, t: c.t, pValue: c.pValue,
          ciLow: c.confidenceLow, ciHigh: c.confidenceHigh, vif: c.varianceInflation,
          undefined: Report.undefined([("estimate", c.estimate), ("vif", c.varianceInflation)], cause: nil)
            .merging(
              Report.undefined(
                [
                  ("std_error", c.standardError), ("t", c.t), ("p_value", c.pValue), ("ci_low", c.confidenceLow),
                  ("ci_high", c.confidenceHigh),
                ], cause: c.undefinedReason)
            ) { first, _ in first })
      },
      aliased: aliased, rSquared: rSquared, adjRSquared: adjustedRSquared, rSquaredCentred: rSquaredIsCentred,
      residualStdError: residualStandardError, fStatistic: fTest?.statistic, fPValue: fTest?.pValue,
      fDF: fTest.map { [$0.numeratorDF, $0.denominatorDF] },
      conditionNumber: conditionNumber,
      covariance: .init(
        type: covarianceType.description, terms: coefficients.map(\.term), matrix: matrix,
        undefined: nonFiniteTerms.isEmpty
          ? [:]
          : [
            "matrix": "not finite in the rows and columns of "
              + nonFiniteTerms.map { coefficients[$0].term }.joined(separator: ", ")
              + (nonFiniteTerms.compactMap { coefficients[$0].undefinedReason }.first.map { ": " + $0 } ?? "")
          ]),
      clusters: clusterCount, ridge: ridge, weights: weightsColumn,
      undefined: Report.undefined(
        [
          ("df_resid", residualDF), ("df_model", modelDF), ("df_inference", inferenceDF), ("r_squared", rSquared),
          ("adj_r_squared", adjustedRSquared), ("residual_std_error", residualStandardError),
          ("f_statistic", fTest?.statistic), ("f_p_value", fTest?.pValue), ("ridge", ridge),
          ("f_df", fTest.flatMap { f in [f.numeratorDF, f.denominatorDF].first { !$0.isFinite } }),
        ], cause: nil
      )
      .merging(
        Report.undefined(
          [("condition_number", conditionNumber)],
          cause: "the design's columns are linearly dependent (see aliased)")
      ) { first, _ in first })
    report.warnings = thinDataWarnings
    report.wildBootstrap = wildBootstrap.map(Report.WildBootstrap.init)
    report.rows = observationSources?.map { .init(source: "\($0.file):\($0.line)", city: $0.city, year: $0.year) }
    report.absorbed = absorbed.map { effects in
      .init(
        df: effects.degreesOfFreedom, factors: effects.factors.map { .init(column: $0.column, levels: $0.levels) },
        sweeps: effects.sweeps)
    }
    return report
  }

  /// See `report`.
  public struct Report: Encodable, Sendable, Equatable {
    /// The keys among `values` whose number is not finite, each with "NaN", "+Infinity" or
    /// "-Infinity" and the cause when it is known.
    static func undefined(_ values: [(key: String, value: Double?)], cause: String?) -> [String: String] {
      var reasons: [String: String] = [:]
      for (key, value) in values {
        guard let value, !value.isFinite else { continue }
        let kind = value.isNaN ? "NaN" : (value > 0 ? "+Infinity" : "-Infinity")
        reasons[key] = cause.map { "\(kind): \($0)" } ?? kind
      }
      return reasons
    }

    /// The number, or nil (written as null) when it is not finite.
    static func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }

    public struct Coefficient: Encodable, Sendable, Equatable {
      public var term: String
      public var estimate: Double
      public var stdError: Double
      public var t: Double
      public var pValue: Double
      public var ciLow: Double
      public var ciHigh: Double
      public var vif: Double?
      /// The keys above whose number is not finite, with what it was and why (see `report`).
      public var undefined: [String: String]

      enum CodingKeys: String, CodingKey {
        case term, estimate, stdError = "std_error", t, pValue = "p_value", ciLow = "ci_low", ciHigh = "ci_high", vif
        case undefined
      }

      /// `vif` is written as null when not computed, like the report's other optional values.
      public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(term, forKey: .term)
        try c.encode(finite(estimate), forKey: .estimate)
        try c.encode(finite(stdError), forKey: .stdError)
        try c.encode(finite(t), forKey: .t)
        try c.encode(finite(pValue), forKey: .pValue)
        try c.encode(finite(ciLow), forKey: .ciLow)
        try c.encode(finite(ciHigh), forKey: .ciHigh)
        try c.encode(finite(vif), forKey: .vif)
        if !undefined.isEmpty { try c.encode(undefined, forKey: .undefined) }
      }
    }

    public struct Covariance: Encodable, Sendable, Equatable {
      public var type: String
      public var terms: [String]
      public var matrix: [[Double]]
      /// `matrix` and what is not finite in it, when something is (see `report`).
      public var undefined: [String: String]

      enum CodingKeys: String, CodingKey {
        case type, terms, matrix, undefined
      }

      public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(terms, forKey: .terms)
        try c.encode(matrix.map { $0.map(finite) }, forKey: .matrix)
        if !undefined.isEmpty { try c.encode(undefined, forKey: .undefined) }
      }
    }

    public var response: String
    public var nObs: Int
    public var nDropped: Int
    public var dfResid: Double
    public var dfModel: Double
    public var dfInference: Double
    public var rank: Int
    public var coefficients: [Coefficient]
    public var aliased: [String]
    public var rSquared: Double
    public var adjRSquared: Double
    public var rSquaredCentred: Bool
    public var residualStdError: Double
    public var fStatistic: Double?
    public var fPValue: Double?
    public var fDF: [Double]?
    public var conditionNumber: Double?
    public var covariance: Covariance
    public var clusters: Int?
    public var ridge: Double?
    public var weights: String?
    /// The keys above whose number is not finite, with what it was and why (see `report`).
    public var undefined: [String: String]
    public var absorbed: Absorbed?
    /// Thin-data warnings (`Regression.thinDataWarnings`); the key is written only when there are some.
    public var warnings: [String] = []
    /// The wild cluster bootstrap, written only when asked for.
    public var wildBootstrap: WildBootstrap?
    /// The observations used (`--show-rows`), written only when asked for.
    public var rows: [Row]?

    /// One observation used: `file:line`, city and year.
    public struct Row: Encodable, Sendable, Equatable {
      public var source: String
      public var city: String?
      public var year: String?
    }

    /// The bootstrap's settings and one test per coefficient (`p_value`, `ci_low`, `ci_high`;
    /// an unbounded end is null with an `undefined` reason).
    public struct WildBootstrap: Encodable, Sendable, Equatable {
      public struct Test: Encodable, Sendable, Equatable {
        public var term: String
        public var t: Double
        public var pValue: Double
        public var ciLow: Double
        public var ciHigh: Double

        enum CodingKeys: String, CodingKey {
          case term, t, pValue = "p_value", ciLow = "ci_low", ciHigh = "ci_high", undefined
        }

        public func encode(to encoder: Encoder) throws {
          var c = encoder.container(keyedBy: CodingKeys.self)
          try c.encode(term, forKey: .term)
          try c.encode(finite(t), forKey: .t)
          try c.encode(pValue, forKey: .pValue)
          try c.encode(finite(ciLow), forKey: .ciLow)
          try c.encode(finite(ciHigh), forKey: .ciHigh)
          let reasons = undefined([("ci_low", ciLow), ("ci_high", ciHigh)], cause: "no value beyond it is rejected")
          if !reasons.isEmpty { try c.encode(reasons, forKey: .undefined) }
        }
      }

      public var type: String
      public var weights: String
      public var draws: Int
      public var enumerated: Bool
      public var seed: UInt64?
      public var clusters: Int
      public var tests: [Test]

      init(_ bootstrap: WildClusterBootstrap) {
        type = "WCR"
        weights = bootstrap.weights.rawValue
        draws = bootstrap.draws
        enumerated = bootstrap.enumerated
        seed = bootstrap.enumerated ? nil : bootstrap.seed
        clusters = bootstrap.clusterCount
        tests = bootstrap.tests.map {
          Test(term: $0.term, t: $0.t, pValue: $0.pValue, ciLow: $0.confidenceLow, ciHigh: $0.confidenceHigh)
        }
      }

      var tree: YAMLWriter.Value {
        .mapping([
          ("type", .text(type)), ("weights", .text(weights)), ("draws", .number(Double(draws))),
          ("enumerated", .bool(enumerated)), ("seed", seed.map { .number(Double($0)) } ?? .null),
          ("clusters", .number(Double(clusters))),
          (
            "tests",
            .list(
              tests.map { test in
                .mapping([
                  ("term", .text(test.term)), ("t", finite(test.t).map { .number($0) } ?? .null),
                  ("p_value", .number(test.pValue)), ("ci_low", finite(test.ciLow).map { .number($0) } ?? .null),
                  ("ci_high", finite(test.ciHigh).map { .number($0) } ?? .null),
                ])
              })
          ),
        ])
      }
    }

    /// Fixed effects absorbed by demeaning: their degrees of freedom, factors and sweeps.
    public struct Absorbed: Codable, Sendable, Equatable {
      public struct Factor: Codable, Sendable, Equatable {
        public var column: String
        public var levels: Int
      }

      public var df: Int
      public var factors: [Factor]
      public var sweeps: Int
    }

    enum CodingKeys: String, CodingKey {
      case response, nObs = "n_obs", nDropped = "n_dropped", dfResid = "df_resid", dfModel = "df_model"
      case dfInference = "df_inference", rank, coefficients, aliased, rSquared = "r_squared"
      case adjRSquared = "adj_r_squared", rSquaredCentred = "r_squared_centred"
      case residualStdError = "residual_std_error", fStatistic = "f_statistic", fPValue = "f_p_value"
      case fDF = "f_df", conditionNumber = "condition_number", covariance, clusters, ridge, weights, undefined, absorbed
      case warnings, wildBootstrap = "wild_bootstrap", rows
    }

    /// Optional values are written as null rather than left out, so every key is always there
    /// (but `absorbed`, written only for a fit that absorbed fixed effects).
    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(response, forKey: .response)
      try c.encode(nObs, forKey: .nObs)
      try c.encode(nDropped, forKey: .nDropped)
      try c.encode(Self.finite(dfResid), forKey: .dfResid)
      try c.encode(Self.finite(dfModel), forKey: .dfModel)
      try c.encode(Self.finite(dfInference), forKey: .dfInference)
      try c.encode(rank, forKey: .rank)
      try c.encode(coefficients, forKey: .coefficients)
      try c.encode(aliased, forKey: .aliased)
      try c.encode(Self.finite(rSquared), forKey: .rSquared)
      try c.encode(Self.finite(adjRSquared), forKey: .adjRSquared)
      try c.encode(rSquaredCentred, forKey: .rSquaredCentred)
      try c.encode(Self.finite(residualStdError), forKey: .residualStdError)
      try c.encode(Self.finite(fStatistic), forKey: .fStatistic)
      try c.encode(Self.finite(fPValue), forKey: .fPValue)
      try c.encode(fDF.map { $0.map(Self.finite) }, forKey: .fDF)
      try c.encode(Self.finite(conditionNumber), forKey: .conditionNumber)
      try c.encode(covariance, forKey: .covariance)
      try c.encode(clusters, forKey: .clusters)
      try c.encode(Self.finite(ridge), forKey: .ridge)
      try c.encode(weights, forKey: .weights)
      if !undefined.isEmpty { try c.encode(undefined, forKey: .undefined) }
      try c.encodeIfPresent(absorbed, forKey: .absorbed)
      if !warnings.isEmpty { try c.encode(warnings, forKey: .warnings) }
      try c.encodeIfPresent(wildBootstrap, forKey: .wildBootstrap)
      try c.encodeIfPresent(rows, forKey: .rows)
    }
  }

  /// The report as JSON with sorted keys, so identical fits give identical bytes.
  public func jsonText() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(report), as: UTF8.self)
  }

  /// The report as YAML (`--format yaml`): the same keys as the JSON, sorted, in block style;
  /// numbers in their shortest round-trip form, text in double quotes.
  public func yamlText() -> String {
    var lines: [String] = []
    YAMLWriter.write(report.tree, indent: 0, into: &lines)
    return lines.joined(separator: "\n") + "\n"
  }
}

extension Regression.Report {
  /// The report as a tree of YAML values, keyed as in `CodingKeys`.
  var tree: YAMLWriter.Value {
    func number(_ x: Double?) -> YAMLWriter.Value { Self.finite(x).map { .number($0) } ?? .null }
    func withUndefined(_ entries: [(String, YAMLWriter.Value)], _ undefined: [String: String]) -> YAMLWriter.Value {
      let reasons = YAMLWriter.Value.mapping(undefined.map { ($0.key, .text($0.value)) })
      return .mapping(undefined.isEmpty ? entries : entries + [("undefined", reasons)])
    }
    let coefficientTrees: [YAMLWriter.Value] = coefficients.map { c in
      withUndefined(
        [
          ("term", .text(c.term)), ("estimate", number(c.estimate)), ("std_error", number(c.stdError)),
          ("t", number(c.t)), ("p_value", number(c.pValue)), ("ci_low", number(c.ciLow)),
          ("ci_high", number(c.ciHigh)), ("vif", number(c.vif)),
        ], c.undefined)
    }
    let absorbedTree: [(String, YAMLWriter.Value)] =
      absorbed.map { effects in
        [
          (
            "absorbed",
            .mapping([
              ("df", .number(Double(effects.df))), ("sweeps", .number(Double(effects.sweeps))),
              (
                "factors",
                .list(
                  effects.factors.map {
                    .mapping([
                      ("column", .text($0.column)),
                      ("levels", .number(Double($0.levels))),
                    ])
                  })
              ),
            ])
          )
        ]
      } ?? []
    var extras: [(String, YAMLWriter.Value)] = []
    if !warnings.isEmpty { extras.append(("warnings", .list(warnings.map { .text($0) }))) }
    if let wildBootstrap { extras.append(("wild_bootstrap", wildBootstrap.tree)) }
    if let rows {
      let list: [YAMLWriter.Value] = rows.map { row in
        .mapping([
          ("source", .text(row.source)), ("city", row.city.map { .text($0) } ?? .null),
          ("year", row.year.map { .text($0) } ?? .null),
        ])
      }
      extras.append(("rows", .list(list)))
    }
    return withUndefined(
      absorbedTree + extras + [
        ("response", .text(response)), ("n_obs", .number(Double(nObs))), ("n_dropped", .number(Double(nDropped))),
        ("df_resid", number(dfResid)), ("df_model", number(dfModel)), ("df_inference", number(dfInference)),
        ("rank", .number(Double(rank))), ("coefficients", .list(coefficientTrees)),
        ("aliased", .list(aliased.map { .text($0) })), ("r_squared", number(rSquared)),
        ("adj_r_squared", number(adjRSquared)), ("r_squared_centred", .bool(rSquaredCentred)),
        ("residual_std_error", number(residualStdError)), ("f_statistic", number(fStatistic)),
        ("f_p_value", number(fPValue)), ("f_df", fDF.map { .list($0.map(number)) } ?? .null),
        ("condition_number", number(conditionNumber)),
        (
          "covariance",
          withUndefined(
            [
              ("type", .text(covariance.type)), ("terms", .list(covariance.terms.map { .text($0) })),
              ("matrix", .list(covariance.matrix.map { .list($0.map(number)) })),
            ], covariance.undefined)
        ),
        ("clusters", clusters.map { .number(Double($0)) } ?? .null), ("ridge", number(ridge)),
        ("weights", weights.map { .text($0) } ?? .null),
      ], undefined)
  }
}
