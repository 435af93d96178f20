import Foundation
import Simulation

/// The tables as JSON, in the result files' one encoding (snake_case keys, sorted): each table
/// with its columns, sections and rows; a text cell is a string, a number a number, an
/// estimate `{"value", "low", "high"}`, an empty cell null.
public enum JSONExporter {
  public static func render(_ tables: [ReportTable]) throws -> Data {
    var data = try ResultCoding.encoder().encode(TablesDocument(tables: tables))
    data.append(0x0A)
    return data
  }
}

private struct TablesDocument: Encodable {
  var tables: [ReportTable]
}

extension ReportTable: Encodable {
  private enum CodingKeys: String, CodingKey {
    case name, title, columns, sections, notes
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(title, forKey: .title)
    try container.encode(columns, forKey: .columns)
    try container.encode(sections, forKey: .sections)
    try container.encode(notes, forKey: .notes)
  }
}

extension ReportTable.Column: Encodable {
  private enum CodingKeys: String, CodingKey {
    case title, alignment, statistics, dataOnly
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(title, forKey: .title)
    try container.encode(alignment, forKey: .alignment)
    try container.encode(statistics, forKey: .statistics)
    try container.encode(dataOnly, forKey: .dataOnly)
  }
}

extension ReportTable.Section: Encodable {
  private enum CodingKeys: String, CodingKey {
    case heading, rows
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(heading, forKey: .heading)
    try container.encode(rows, forKey: .rows)
  }
}

extension ReportTable.Cell: Encodable {
  private enum CodingKeys: String, CodingKey {
    case value, low, high
  }

  public func encode(to encoder: Encoder) throws {
    switch self {
    case .text(let text):
      var container = encoder.singleValueContainer()
      try container.encode(text)
    case .number(let value, _):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .estimate(let value, let low, let high, _):
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(value, forKey: .value)
      try container.encode(low, forKey: .low)
      try container.encode(high, forKey: .high)
    case .empty:
      var container = encoder.singleValueContainer()
      try container.encodeNil()
    }
  }
}
