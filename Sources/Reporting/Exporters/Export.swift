import Foundation
import FileOutput
import Simulation

/// The formats `export` writes, and `run`/`compare` write with `--out DIR`.
public enum ExportFormat: String, CaseIterable, Sendable {
  case text, csv, md, tex, xlsx, json, html

  public var fileExtension: String {
    self == .text ? "txt" : rawValue
  }
}

/// Choices for every format, plus the two that only one format reads.
public struct ExportSettings: Sendable, Equatable {
  public var options: ReportOptions
  /// CSV: start with a byte-order mark so Excel reads UTF-8 Chinese text.
  public var byteOrderMark: Bool
  /// LaTeX: a whole document rather than a fragment to `\input`.
  public var standalone: Bool

  public init(options: ReportOptions = ReportOptions(), byteOrderMark: Bool = false, standalone: Bool = false) {
    self.options = options
    self.byteOrderMark = byteOrderMark
    self.standalone = standalone
  }
}

/// Renders results in any `ExportFormat` and writes them atomically.
public enum Exporter {
  /// The bytes of `document` in `format`.
  public static func render(_ document: ResultDocument, as format: ExportFormat, settings: ExportSettings = ExportSettings())
    throws(ReportingError) -> Data
  {
    let options = settings.options
    switch format {
    case .html:
      switch document {
      case .run(let run): return Data(try HTMLReport.render(runs: [run], options: options).utf8)
      case .comparison(let comparison): return Data(try HTMLReport.render(runs: [], comparison: comparison, options: options).utf8)
      }
    case .text: return Data(TerminalExporter.render(try tables(of: document, for: format, options: options)).utf8)
    case .md: return Data(MarkdownExporter.render(try tables(of: document, for: format, options: options)).utf8)
    case .tex:
      let tables = try tables(of: document, for: format, options: options)
      return Data(LaTeXExporter.render(tables, standalone: settings.standalone).utf8)
    case .csv:
      let tables = try tables(of: document, for: format, options: options)
      return CSVExporter.render(tables, language: options.language, byteOrderMark: settings.byteOrderMark)
    case .xlsx:
      let tables = try tables(of: document, for: format, options: options)
      do {
        return try XLSXExporter.render(tables, groupTitle: Label.group.text(options.language))
      } catch let error as ReportingError {
        throw error
      } catch {
        throw .internalFailure("cannot assemble the workbook: \(error)")
      }
    case .json:
      let tables = try tables(of: document, for: format, options: options)
      do { return try JSONExporter.render(tables) } catch { throw .internalFailure("cannot encode the tables: \(error)") }
    }
  }

  /// Writes `document` in each of `formats` to `directory/<stem>.<extension>`, all or none
  /// (`OutputSet`); returns the files. Throws `ReportingError` or `OutputError`.
  public static func write(
    _ document: ResultDocument, formats: [ExportFormat], to directory: URL, force: Bool,
    settings: ExportSettings = ExportSettings()
  ) throws -> [URL] {
    let urls = formats.map { directory.appendingPathComponent("\(document.fileStem).\($0.fileExtension)") }
    let outputs = try OutputSet(urls.map { OutputTarget(path: $0.path, force: force) })
    do {
      for (target, format) in zip(outputs.targets, formats) {
        try outputs.write(try render(document, as: format, settings: settings), to: target)
      }
    } catch {
      outputs.discard()
      throw error
    }
    try outputs.publish()
    return urls
  }

  /// The tables a format shows: a run's projection, targets and programme cost (CSV, being one
  /// rectangle, only the projection); a comparison's table per alternative.
  static func tables(of document: ResultDocument, for format: ExportFormat, options: ReportOptions) throws(ReportingError)
    -> [ReportTable]
  {
    switch document {
    case .comparison(let comparison):
      return try ReportTable.comparisons(of: comparison, options: options)
    case .run(let run):
      var tables = [try ReportTable.projection(of: run, options: options)]
      guard format != .csv else { return tables }
      if !run.targets.isEmpty { tables.append(.targets(of: run, language: options.language)) }
      if run.cost.contains(where: { $0.p95 != 0 }) { tables.append(.cost(of: run, language: options.language)) }
      return tables
    }
  }
}
