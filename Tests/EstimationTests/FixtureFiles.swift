import Foundation

/// Paths of the committed fixtures beside this file (Fixtures/), found from the source location
/// so that tests do not depend on the working directory.
enum FixtureFiles {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// The NIST StRD sets, kept once, in LinearAlgebraTests (which bundles them as a resource).
  static let nistFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("LinearAlgebraTests/Fixtures/nist")

  static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  /// The path of a NIST StRD file, such as `Longley.csv`.
  static func nistPath(_ name: String) -> String { nistFolder.appendingPathComponent(name).path }

  static func json(_ name: String) throws -> [String: Any] { try json(atPath: path(name)) }

  /// The JSON object in the file at `path`.
  static func json(atPath path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try JSONSerialization.jsonObject(with: data) as! [String: Any]
  }
}
