/// Facts that vary between identical runs (timing, host, date) and the run manifest.
public struct RunManifest: Codable, Sendable, Equatable {
  public var version: String
  public var command: [String]
  public var seed: UInt64
  public var inputs: [InputFile]
  public var threads: Int
  public var elapsedSeconds: Double
  public var host: String
  public var date: String

  public init(
    version: String, command: [String], seed: UInt64, inputs: [InputFile], threads: Int,
    elapsedSeconds: Double, host: String, date: String
  ) {
    self.version = version
    self.command = command
    self.seed = seed
    self.inputs = inputs
    self.threads = threads
    self.elapsedSeconds = elapsedSeconds
    self.host = host
    self.date = date
  }
}
