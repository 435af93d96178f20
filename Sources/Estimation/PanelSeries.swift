/// A panel's observed values by city, indicator and year (columns named by catalogue id), with
/// the cities in sorted order so that anything computed city by city comes out the same every time.
public struct PanelSeries: Sendable {
  /// city → indicator → year → value.
  public let values: [String: [String: [Int: Double]]]
  public let cities: [String]

  public init(_ table: DataTable, indicators: [String]) throws {
    let cityLabels = try table.labels("city")
    let years = try table.numbers("year")
    var values: [String: [String: [Int: Double]]] = [:]
    var order: [String] = []
    for id in indicators where table.hasColumn(id) {
      let column = try table.numbers(id)
      for row in column.indices {
        guard let city = cityLabels[row], let year = years[row], let value = column[row] else { continue }
        if values[city] == nil { order.append(city) }
        values[city, default: [:]][id, default: [:]][Int(year)] = value
      }
    }
    self.values = values
    cities = order.sorted()
  }

  public func value(_ city: String, _ id: String, _ year: Int) -> Double? { values[city]?[id]?[year] }

  /// The city's observations of `id` in years ≤ `year`, in year order.
  public func history(_ city: String, _ id: String, through year: Int) -> [(year: Int, value: Double)] {
    (values[city]?[id] ?? [:]).filter { $0.key <= year }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// The city's observations of `id` in years after `year`, in year order.
  public func future(_ city: String, _ id: String, after year: Int) -> [(year: Int, value: Double)] {
    (values[city]?[id] ?? [:]).filter { $0.key > year }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }
}
