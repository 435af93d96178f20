import Foundation
import Simulation

/// A result file as `export` reads it: a run (`run --format json`) or a comparison
/// (`compare --format json`), told apart by its top-level keys.
public enum ResultDocument: Sendable, Equatable {
  case run(RunResult)
  case comparison(PlanComparison)

  /// Decodes a result file; `source` names it in error messages.
  public static func decode(_ data: Data, source: String) throws(ReportingError) -> ResultDocument {
    let keys = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    guard let keys else { throw .invalidResult(source: source, reason: "not a JSON object") }
    do {
      if keys["comparisons"] != nil {
        return .comparison(try ResultCoding.decoder().decode(PlanComparison.self, from: data))
      }
      return .run(try ResultCoding.decoder().decode(RunResult.self, from: data))
    } catch let error as DecodingError {
      throw .invalidResult(source: source, reason: describe(error))
    } catch {
      throw .invalidResult(source: source, reason: String(describing: error))
    }
  }

  /// The stem for output files, one pattern for both commands: `<command>-<scenario id>`, the
  /// base's id for a comparison (`run-shanghai-baseline`, `compare-shanghai-baseline`).
  public var fileStem: String {
    switch self {
    case .run(let run): Self.runStem(run.scenario)
    case .comparison(let comparison): Self.comparisonStem(base: comparison.base)
    }
  }

  /// The file stem of a run of `scenario`.
  public static func runStem(_ scenario: String) -> String { "run-\(scenario)" }

  /// The file stem of a comparison with the base `base`.
  public static func comparisonStem(base: String) -> String { "compare-\(base)" }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      return keys.isEmpty ? "" : " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
    }
    switch error {
    case .keyNotFound(let key, let context): return "missing key '\(key.stringValue)'\(path(context))"
    case .typeMismatch(let type, let context): return "expected \(type)\(path(context))"
    case .valueNotFound(let type, let context): return "missing \(type) value\(path(context))"
    case .dataCorrupted(let context): return "\(context.debugDescription)\(path(context))"
    @unknown default: return String(describing: error)
    }
  }
}
