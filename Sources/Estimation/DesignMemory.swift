import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The memory a design takes to fit, checked before the design is built so that a model too
/// large for the machine is refused with the figure instead of ending in an allocation failure.
///
/// A design of n rows and k columns is n·(k + 1) doubles (X and y). Building and fitting it
/// keeps about `workingCopies` such arrays at once (the design, the QR factor, Q for the
/// leverage or a rank-deficient refit, the scaled copy of a robust meat), so the working memory
/// is taken as that many times the design. The limit is half of the memory the process may use:
/// the smallest of the physical memory, the address-space limit (`ulimit -v`) and the control
/// group's `memory.max`; `iccsim estimate --memory-limit` sets it instead.
public enum DesignMemory {
  /// Arrays of the design's size alive at once while it is built and fitted.
  public static let workingCopies = 4

  /// A limit set by the caller (the command line's `--memory-limit`, or a test), in bytes.
  @TaskLocal public static var limitOverride: Int?

  /// The working-memory limit in bytes, and how it was arrived at (for messages).
  public static var limit: (bytes: Int, origin: String) {
    if let limitOverride { return (limitOverride, "--memory-limit") }
    var available = Int(clamping: ProcessInfo.processInfo.physicalMemory)
    var origin = "physical memory"
    if let addressSpace = addressSpaceLimit(), addressSpace < available {
      (available, origin) = (addressSpace, "address-space limit (ulimit -v)")
    }
    if let group = controlGroupLimit(), group < available {
      (available, origin) = (group, "control group's memory.max")
    }
    return (available / 2, "half of the \(formatted(bytes: available)) \(origin)")
  }

  /// The working memory of a design of `rows` × `columns` (response included), in bytes.
  public static func workingBytes(rows: Int, columns: Int) -> Int {
    let (cells, overflow) = rows.multipliedReportingOverflow(by: columns + 1)
    let (bytes, overflowAgain) = cells.multipliedReportingOverflow(
      by: MemoryLayout<Double>.size * workingCopies)
    return overflow || overflowAgain ? .max : bytes
  }

  /// Throws `designTooLarge` when a design of `rows` × `columns` would pass the limit.
  /// `dummies` lists the categorical terms by their number of columns, for the message.
  static func check(rows: Int, columns: Int, dummies: [(term: String, columns: Int)]) throws {
    let needed = workingBytes(rows: rows, columns: columns)
    let (limit, origin) = limit
    guard needed > limit else { return }
    let listed = dummies.filter { $0.columns > 1 }.map { "\($0.term): \($0.columns)" }
    throw EstimationError.designTooLarge(
      rows: rows, columns: columns, dummyColumns: listed, neededBytes: needed, limitBytes: limit,
      limitOrigin: origin)
  }

  /// The number of columns `formula` codes on a table whose categorical columns have `levels`
  /// among the rows used, and the columns of each term with a categorical: exact for main
  /// effects (a categorical drops its base level once the constant is spanned), an upper bound
  /// for interactions (every level counted), so the check never passes a larger design.
  static func columnCount(
    _ formula: Formula, levels: [String: [String]]
  ) -> (
    total: Int, dummies: [(term: String, columns: Int)]
  ) {
    var total = formula.hasIntercept ? 1 : 0
    var constantSpanned = formula.hasIntercept
    var dummies: [(term: String, columns: Int)] = []
    for term in formula.terms {
      var columns = 1
      var categorical = false
      for factor in term.factors {
        if case let .categorical(column) = factor {
          var count = max(1, levels[column]?.count ?? 1)
          if term.factors.count == 1 {
            if constantSpanned { count -= 1 }
            constantSpanned = true
          }
          columns = columns.multipliedReportingOverflow(by: count).partialValue
          categorical = true
        }
      }
      total = total.addingReportingOverflow(columns).partialValue
      if categorical { dummies.append((term.name, columns)) }
    }
    return (total, dummies)
  }

  /// `2.1 GiB`, `512.0 MiB`, `900 bytes`.
  static func formatted(bytes: Int) -> String {
    let value = Double(bytes)
    if value >= Double(1 << 30) { return String(format: "%.1f GiB", value / Double(1 << 30)) }
    if value >= Double(1 << 20) { return String(format: "%.1f MiB", value / Double(1 << 20)) }
    if value >= Double(1 << 10) { return String(format: "%.1f KiB", value / Double(1 << 10)) }
    return "\(bytes) bytes"
  }

  /// The soft address-space limit, nil when unlimited.
  private static func addressSpaceLimit() -> Int? {
    var limit = rlimit()
    #if os(Linux)
      let resource = __rlimit_resource_t(RLIMIT_AS.rawValue)
    #else
      let resource = RLIMIT_AS
    #endif
    guard getrlimit(resource, &limit) == 0, limit.rlim_cur < rlim_t(Int.max) else { return nil }  // unlimited
    return Int(clamping: limit.rlim_cur)
  }

  /// cgroup v2 `memory.max` of this process's group, nil when absent or `max`.
  private static func controlGroupLimit() -> Int? {
    guard let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8) else { return nil }
    return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// A size in bytes: digits with an optional K, M or G (powers of 1024).
  public static func bytes(parsing text: String) -> Int? {
    let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
    let unit = text.last.flatMap { units[Character($0.uppercased())] }
    guard let number = Int(unit == nil ? text : String(text.dropLast())), number > 0 else { return nil }
    let (bytes, overflow) = number.multipliedReportingOverflow(by: unit ?? 1)
    return overflow ? nil : bytes
  }
}
