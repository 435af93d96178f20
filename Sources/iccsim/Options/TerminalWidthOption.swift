import ArgumentParser
import Foundation
import Reporting

/// `--wide`, and the width terminal tables fit without it (`TerminalWidth`).
struct TerminalWidthOption: ParsableArguments {
  @Flag(help: "Terminal tables: the full layout, however wide (default: fit the terminal, COLUMNS, or 100).")
  var wide = false

  /// The width tables printed to standard output fit, or nil for the full layout.
  func width() -> Int? {
    TerminalWidth.resolve(
      wide: wide, terminalColumns: Self.terminalColumns(),
      columnsVariable: ProcessInfo.processInfo.environment["COLUMNS"])
  }

  /// The width of the terminal standard output is, or nil when it is not a terminal.
  private static func terminalColumns() -> Int? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}
