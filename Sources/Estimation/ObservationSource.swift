/// Where one fitted observation came from: its file and line, and its city and year when the
/// data have them (`estimate --show-rows`).
public struct ObservationSource: Sendable, Equatable {
  public var file: String
  public var line: Int
  public var city: String?
  public var year: String?

  public init(file: String, line: Int, city: String?, year: String?) {
    self.file = file
    self.line = line
    self.city = city
    self.year = year
  }
}
