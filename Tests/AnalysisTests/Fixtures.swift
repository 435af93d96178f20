import Foundation
import Testing

/// The SALib / numpy reference values in `Fixtures/salib_reference.json`, written by
/// `Fixtures/salib_reference.py` (see that script for how to rerun it).
struct SALibReference: Decodable {
  struct SobolCase: Decodable {
    var seed: UInt64
    var baseSamples: Int
    var names: [String]
    var groups: [String]
    /// The first design rows, inputs then the output, as SALib's side built and evaluated them.
    var firstRows: [[Double]]
    var ySum: Double
    var s1: [Double]
    var st: [Double]
    /// SALib's half-widths: z · bootstrap standard deviation.
    var s1Conf: [Double]
    var stConf: [Double]
  }

  struct RegressionCase: Decodable {
    var seed: UInt64
    var count: Int
    var names: [String]
    var firstRows: [[Double]]
    var src: [Double]
    var prcc: [Double]
    var rSquared: Double
    var rankRSquared: Double
  }

  var ishigami: SobolCase
  var sobolGGrouped: SobolCase
  var regression: RegressionCase

  static func load() throws -> SALibReference {
    let url = try #require(
      Bundle.module.url(forResource: "salib_reference", withExtension: "json", subdirectory: "Fixtures"))
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(SALibReference.self, from: Data(contentsOf: url))
  }
}
