/// An input file and the SHA-256 of its bytes.
public struct InputFile: Codable, Sendable, Equatable {
  public var path: String
  public var sha256: String

  public init(path: String, sha256: String) {
    self.path = path
    self.sha256 = sha256
  }
}
