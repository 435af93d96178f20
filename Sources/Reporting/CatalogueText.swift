import CityModel

/// The catalogue's coded fields (unit, modelling scale, role, direction) as a reader of either
/// language reads them, for `iccsim indicators` and the tables.
public enum CatalogueText {
  /// The unit as the catalogue writes it, in Chinese for a Chinese reader ("count" → 个).
  public static func unit(_ unit: String, _ language: Language) -> String {
    language == .zh ? unitLabel(unit, .zh) : unit
  }

  /// The modelling space: log → 对数, logit → 对数几率, count → 计数.
  public static func scale(_ scale: IndicatorScale, _ language: Language) -> String {
    guard language == .zh else { return scale.rawValue }
    switch scale {
    case .log: return "对数"
    case .logit: return "对数几率"
    case .count: return "计数"
    }
  }

  /// The role in the default model: stock → 存量, response → 响应.
  public static func role(_ role: IndicatorRole, _ language: Language) -> String {
    guard language == .zh else { return role.rawValue }
    switch role {
    case .stock: return "存量"
    case .response: return "响应"
    }
  }

  /// Which way is better: higher → 越高越好, lower → 越低越好.
  public static func direction(_ direction: Direction, _ language: Language) -> String {
    guard language == .zh else { return direction.rawValue }
    switch direction {
    case .higher: return "越高越好"
    case .lower: return "越低越好"
    }
  }
}
