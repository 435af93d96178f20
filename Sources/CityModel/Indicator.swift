/// The five dimensions of the evaluation system, in the annex's order.
public enum Dimension: String, CaseIterable, Sendable, Codable {
  case renown, prosperity, vitality, accessibility, policy
}

/// The modelling space of an indicator (docs/model.md, "Modelling space").
public enum IndicatorScale: String, CaseIterable, Sendable, Codable {
  /// Positive quantities: z = ln Y.
  case log
  /// Scores in (0, 100): z = ln(Y / (100 − Y)).
  case logit
  /// Stocks that can be zero: modelled additively, entering other equations as ln(Y + c).
  case count
}

/// The role an indicator plays in a model.
public enum IndicatorRole: String, CaseIterable, Sendable, Codable {
  /// Moved by accounting: baseline additions plus what interventions add.
  case stock
  /// Moved in its modelling space by drift, drivers, policies and shocks.
  case response
}

/// Which way the composite index counts an indicator.
public enum Direction: String, CaseIterable, Sendable, Codable {
  case higher, lower
}

/// Output language for labels and tables.
public enum Language: String, CaseIterable, Sendable, Codable {
  case zh, en
}

/// A text in Chinese and English.
public struct LocalizedText: Hashable, Sendable, Codable {
  public var zh: String
  public var en: String

  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  public func text(_ language: Language) -> String {
    switch language {
    case .zh: zh.isEmpty ? en : zh
    case .en: en.isEmpty ? zh : en
    }
  }
}

/// One indicator of the catalogue: the annex's rows, plus any a user adds in a file.
public struct Indicator: Hashable, Sendable {
  /// Stable id used in every file (e.g. `retail_sales`).
  public var id: String
  /// Row number in the annex, when the indicator is one of its rows.
  public var row: Int?
  public var name: LocalizedText
  public var dimension: Dimension
  public var unit: String
  public var scale: IndicatorScale
  /// The role it takes in the default model.
  public var defaultRole: IndicatorRole
  public var better: Direction

  public init(
    id: String, row: Int?, name: LocalizedText, dimension: Dimension, unit: String,
    scale: IndicatorScale, defaultRole: IndicatorRole, better: Direction
  ) {
    self.id = id
    self.row = row
    self.name = name
    self.dimension = dimension
    self.unit = unit
    self.scale = scale
    self.defaultRole = defaultRole
    self.better = better
  }
}

extension Indicator {
  /// The catalogue's units that count whole things (districts, stores, sites, events, beds,
  /// vehicles …): tables round such an indicator to whole numbers. A rank is a position, not a count.
  public static let countUnits: Set<String> = ["count", "per year", "beds", "vehicles", "个"]

  /// Whether `unit` counts whole things (`countUnits`).
  public static func isCountUnit(_ unit: String) -> Bool {
    countUnits.contains(unit.lowercased())
  }
}

extension Dimension {
  /// The dimension's name in the evaluation system.
  public var name: LocalizedText {
    switch self {
    case .renown: LocalizedText(zh: "国际知名度", en: "International renown")
    case .prosperity: LocalizedText(zh: "消费繁荣度", en: "Consumption prosperity")
    case .vitality: LocalizedText(zh: "商业活跃度", en: "Commercial vitality")
    case .accessibility: LocalizedText(zh: "到达便利度", en: "Accessibility")
    case .policy: LocalizedText(zh: "政策引领度", en: "Policy leadership")
    }
  }
}
