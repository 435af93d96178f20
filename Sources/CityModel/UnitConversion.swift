import Foundation

/// How a city table's `unit` relates to the catalogue's unit of an indicator: the same, a
/// conversion by a power of ten that iccsim applies itself, or a mismatch it refuses to guess.
///
/// Every conversion factor iccsim applies is in `UnitConversion.families`.
public enum UnitConversion: Equatable, Sendable {
  /// The row is in the catalogue's unit (or gives none, which reads as the catalogue's).
  case same
  /// The row's value times `factor` is the value in the catalogue's unit.
  case scaled(factor: Double)
  /// The row's unit cannot be converted here; `remedy` spells out the conversion to make.
  case refused(remedy: String)

  /// Units that differ by a power of ten, as a Chinese statistical yearbook writes them: each
  /// unit's size in its family's smallest unit (1 万元 = 10⁴ 元, 1 亿元 = 10⁸ 元, 1 万亿元 = 10¹² 元).
  public static let families: [[String: Double]] = [
    ["元": 1, "万元": 1e4, "百万元": 1e6, "亿元": 1e8, "万亿元": 1e12],
    ["人次": 1, "万人次": 1e4, "亿人次": 1e8],
    ["美元": 1, "万美元": 1e4, "百万美元": 1e6, "亿美元": 1e8],
  ]

  /// Other ways of writing a catalogue unit that mean the same (lower case).
  public static let synonyms: [String: Set<String>] = ["score 0–100": ["score", "score 0-100", "分", "points"]]

  /// How a value given in `unit` becomes a value in `catalogueUnit`.
  public init(from unit: String, to catalogueUnit: String) {
    let given = unit.trimmingCharacters(in: .whitespaces)
    if given.isEmpty || given.lowercased() == catalogueUnit.lowercased()
      || Self.synonyms[catalogueUnit]?.contains(given.lowercased()) == true
    {
      self = .same
      return
    }
    let from = Self.place(given), to = Self.place(catalogueUnit)
    switch (from, to) {
    case let (from?, to?) where from.family == to.family:
      self = .scaled(factor: from.size / to.size)
    case let (from?, to?) where Set([from.family, to.family]) == Self.currencies:
      let operation = to.family == Self.yuan ? "multiply" : "divide"
      let scaling = from.size == to.size ? "" : " and multiply by \(formatNumber(from.size / to.size))"
      self = .refused(
        remedy: "\(operation) by that year's average exchange rate (元 per 美元)\(scaling), then write the value "
          + "in \(catalogueUnit)")
    default:
      let convertible = to.map { Self.families[$0.family].sorted { $0.value < $1.value }.map(\.key) }
      self = .refused(
        remedy: "write the value in \(catalogueUnit)"
          + (convertible.map { " (iccsim converts \($0.joined(separator: ", ")) itself)" } ?? ""))
    }
  }

  /// Positions of the yuan and dollar families in `families`: converting between them takes an
  /// exchange rate, which is the user's to choose.
  private static let yuan = 0
  private static let currencies: Set<Int> = [0, 2]

  /// The family a unit belongs to and its size there.
  private static func place(_ unit: String) -> (family: Int, size: Double)? {
    for (family, sizes) in families.enumerated() {
      if let size = sizes[unit] { return (family, size) }
    }
    return nil
  }
}
