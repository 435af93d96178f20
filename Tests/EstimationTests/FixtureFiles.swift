import Foundation

/// Paths of the committed fixtures beside this file (Fixtures/), found from the source location
/// so that tests do not depend on the working directory.
enum FixtureFiles {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  static func json(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path(name)))
    return try JSONSerialization.jsonObject(with: data) as! [String: Any]
  }
}
