/// A regression problem ready to fit: the response, the regressors as named columns, and what
/// the covariance estimators need (weights, clusters), after listwise deletion of missing rows.
public struct Design: Sendable {
  public var responseName: String
  /// y, one value per observation used.
  public var response: [Double]
  /// Regressor names, in column order (`Intercept` first when present).
  public var columnNames: [String]
  /// X in column-major order: element (i, j) is `columns[i + j * observationCount]`.
  public var columns: [Double]
  /// Whether column 0 is an explicit intercept (ridge leaves it unpenalised).
  public var hasIntercept: Bool
  /// WLS weights (inverse variances up to a constant), one per observation, or nil for OLS.
  public var weights: [Double]?
  /// The column the weights came from, for reports.
  public var weightsColumn: String?
  /// Cluster memberships for cluster-robust covariance: one per cluster column named (two for
  /// two-way clustering), in the order named.
  public var clusters: [Clusters]
  /// Rows of the source table that were dropped because a used cell was missing.
  public var droppedCount: Int
  /// How messages name observation i (0-based, in design order): its file and line, and its
  /// city and year when the data have them.
  public var observationName: @Sendable (Int) -> String
  /// Where observation i came from (file, line, city, year), when the design was read from a table.
  public var observationSource: (@Sendable (Int) -> ObservationSource)?
  /// Fixed effects swept out of `response` and `columns` by the within transformation, if any
  /// (WithinTransformation.swift); the design then has no intercept and no dummies.
  public var absorbed: AbsorbedEffects?

  /// Cluster membership: `index[i]` ∈ 0..<labels.count for observation i.
  public struct Clusters: Sendable, Equatable {
    public var column: String
    public var labels: [String]
    public var index: [Int]

    public init(column: String, labels: [String], index: [Int]) {
      self.column = column
      self.labels = labels
      self.index = index
    }

    /// Groups observations by label, labels in order of first appearance.
    public init(column: String, values: [String]) {
      var position: [String: Int] = [:]
      var labels: [String] = []
      var index: [Int] = []
      index.reserveCapacity(values.count)
      for value in values {
        if let known = position[value] {
          index.append(known)
        } else {
          position[value] = labels.count
          index.append(labels.count)
          labels.append(value)
        }
      }
      self.init(column: column, labels: labels, index: index)
    }
  }

  public init(
    responseName: String, response: [Double], columnNames: [String], columns: [Double],
    hasIntercept: Bool, weights: [Double]? = nil, weightsColumn: String? = nil, clusters: [Clusters] = [],
    droppedCount: Int = 0,
    observationName: @escaping @Sendable (Int) -> String = { "observation \($0 + 1)" }
  ) {
    precondition(columns.count == response.count * columnNames.count, "design shape mismatch")
    self.responseName = responseName
    self.response = response
    self.columnNames = columnNames
    self.columns = columns
    self.hasIntercept = hasIntercept
    self.weights = weights
    self.weightsColumn = weightsColumn
    self.clusters = clusters
    self.droppedCount = droppedCount
    self.observationName = observationName
  }

  public var observationCount: Int { response.count }
  public var parameterCount: Int { columnNames.count }

  /// Column j of X.
  public func column(_ j: Int) -> ArraySlice<Double> {
    columns[(j * observationCount)..<((j + 1) * observationCount)]
  }
}
