import Foundation
import Testing
import _TestSupport

@testable import Estimation

/// Identities between the covariance estimators (their agreement with statsmodels is in
/// StatsmodelsAgreementTests).
@Suite("Covariance estimators")
struct CovarianceTests {
  static func design(clusters: [String] = []) throws -> Design {
    let data = try DataTable.read(path: FixtureFiles.path("synthetic-panel.csv"))
    var columns = [(String, [String])]()
    for name in data.columnNames { columns.append((name, try data.labels(name).map { $0 ?? "" })) }
    columns.append(("row", (0..<data.rowCount).map(String.init)))
    return try Design(
      formula: Formula(parsing: "y ~ x1 + log(x2) + x3"), data: DataTable(columns: columns), clusters: clusters)
  }

  /// With every observation its own cluster, G = n and the cluster correction
  /// G/(G − 1)·(n − 1)/(n − k) is n/(n − k): exactly HC1. Rounding-level agreement (1e-12).
  @Test func singletonClustersAreHC1() throws {
    let clustered = try Regression(fitting: Self.design(clusters: ["row"]), covariance: .cluster(column: "row"))
    let hc1 = try Regression(fitting: Self.design(), covariance: .hc1)
    assertClose(clustered.covariance, hc1.covariance, relative: 1e-12, reason: "cluster of singletons = HC1")
    #expect(clustered.clusterCount == clustered.observationCount)
    #expect(clustered.inferenceDF == Double(clustered.observationCount - 1), "t with G − 1 df")
  }

  /// HC1 is HC0 scaled by n/(n − k), and HC3 ≥ HC2 ≥ HC0 on the diagonal since 0 < h_i < 1.
  @Test func orderingAndScalingOfTheHCFamily() throws {
    let design = try Self.design()
    let fits = try [CovarianceType.hc0, .hc1, .hc2, .hc3].map { try Regression(fitting: design, covariance: $0) }
    let n = Double(fits[0].observationCount), k = Double(fits[0].rank)
    assertClose(
      fits[1].covariance, fits[0].covariance.scaled(by: n / (n - k)), relative: 1e-13, reason: "HC1 = n/(n−k)·HC0")
    for j in 0..<Int(k) {
      #expect(fits[0].covariance[j, j] < fits[2].covariance[j, j])
      #expect(fits[2].covariance[j, j] < fits[3].covariance[j, j])
    }
  }

  @Test func oneClusterIsRefused() throws {
    let csv = "y,x,g\n1,1,a\n2,3,a\n3,2,a\n5,4,a\n"
    let design = try Design(formula: Formula(parsing: "y ~ x"), data: DataTable.parse(csv: csv), clusters: ["g"])
    #expect(throws: EstimationError.tooFewClusters(column: "g", count: 1)) {
      try Regression(fitting: design, covariance: .cluster(column: "g"))
    }
  }

  /// Two-way clustering on a column and on singletons: every (a, singleton) pair is a singleton,
  /// so V_a + V_singletons − V_pairs = V_a exactly in real arithmetic (the last two are both HC1);
  /// the df are min(G) − 1.
  @Test func twoWayWithSingletonsIsOneWay() throws {
    let oneWay = try Regression(fitting: Self.design(clusters: ["city"]), covariance: .cluster(column: "city"))
    let twoWay = try Regression(
      fitting: Self.design(clusters: ["city", "row"]), covariance: .twoWayCluster(first: "city", second: "row"))
    assertClose(twoWay.covariance, oneWay.covariance, relative: 1e-12, reason: "V_city + HC1 − HC1 = V_city")
    #expect(twoWay.inferenceDF == oneWay.inferenceDF && twoWay.clusterCount == oneWay.clusterCount)
  }

  @Test func covarianceNamesParse() throws {
    #expect(try CovarianceType(parsing: "cluster:city,year") == .twoWayCluster(first: "city", second: "year"))
    #expect(try CovarianceType(parsing: "cluster:city,year").description == "cluster:city,year")
    #expect(
      try CovarianceType(parsing: "HC1") == .hc1 && CovarianceType(parsing: "cluster:city") == .cluster(column: "city"))
    for bad in ["cluster:", "cluster:city,", "cluster:,year", "cluster:city,city", "cluster:a,b,c", "robust"] {
      #expect(throws: EstimationError.self, "\(bad)") { try CovarianceType(parsing: bad) }
    }
    // The design must carry the clusters the covariance names.
    #expect(throws: EstimationError.invalidOption("the design was not built with cluster columns `city`, `year`")) {
      try Regression(
        fitting: Self.design(clusters: ["city"]), covariance: .twoWayCluster(first: "city", second: "year"))
    }
  }

}
