import Foundation

/// How wide terminal tables may be: the terminal's width when standard output is one, else the
/// `COLUMNS` environment variable, else 100 columns; nil (the full layout, however wide) when the
/// user forces it (`--wide`).
public enum TerminalWidth {
  /// The width when neither the terminal nor `COLUMNS` says.
  public static let fallback = 100

  /// The width tables fit: `terminalColumns` is the terminal's width when standard output is a
  /// terminal (nil otherwise), `columnsVariable` the value of `COLUMNS` (a positive whole number,
  /// or ignored).
  public static func resolve(wide: Bool, terminalColumns: Int?, columnsVariable: String?) -> Int? {
    if wide { return nil }
    if let terminalColumns, terminalColumns > 0 { return terminalColumns }
    if let columns = columnsVariable.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), columns > 0 {
      return columns
    }
    return fallback
  }
}
