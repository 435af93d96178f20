import FileOutput
import Foundation
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
  /// Text: the display columns tables fit (`TerminalWidth`); nil for the full layout.
  public var width: Int?

  public init(
    options: ReportOptions = ReportOptions(), byteOrderMark: Bool = false, standalone: Bool = false, width: Int? = nil
  ) {
    self.options = options
    self.byteOrderMark = byteOrderMark
    self.standalone = standalone
    self.width = width
  }
}

/// Renders results in any `ExportFormat`, and stages result files for atomic writing.
public enum Exporter {
  /// The bytes of `document` in `format`.
  public static func render(
    _ document: ResultDocument, as format: ExportFormat, settings: ExportSettings = ExportSettings()
  )
    throws(ReportingError) -> Data
  {
    let options = settings.options
    switch format {
    case .html:
      switch document {
      case .run(let run): return Data(try HTMLReport.render(runs: [run], options: options).utf8)
      case .comparison(let comparison):
        return Data(try HTMLReport.render(runs: [], comparison: comparison, options: options).utf8)
      }
    case .text:
      let tables = try tables(of: document, for: format, options: options)
      return Data(TerminalExporter.render(tables, width: settings.width, language: options.language).utf8)
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
      do { return try JSONExporter.render(tables) } catch {
        throw .internalFailure("cannot encode the tables: \(error)")
      }
    }
  }

  /// The bytes of a result file, as `run`, `compare` and `merge` write it: in json the result
  /// itself (the public, machine-readable interface that `export`, `report` and `merge` read);
  /// in every other format, `render`'s tables.
  public static func resultFile(
    _ document: ResultDocument, as format: ExportFormat, settings: ExportSettings
  )
    throws -> Data
  {
    guard format == .json else { return try render(document, as: format, settings: settings) }
    let encoder = ResultCoding.encoder()
    switch document {
    case .run(let result): return try encoder.encode(result) + Data("\n".utf8)
    case .comparison(let result): return try encoder.encode(result) + Data("\n".utf8)
    }
  }

  /// Where a result with the file stem `stem` (`ResultDocument.fileStem`) is written in
  /// `format` inside `directory`: `directory/<stem>.<extension>`.
  public static func path(stem: String, format: ExportFormat, in directory: String) -> String {
    URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent("\(stem).\(format.fileExtension)").path
  }

  /// Stages each of `documents` in each of `formats` (`resultFile`) at its `path` in
  /// `directory`, which must be among the targets of `outputs` (checked when the set was made,
  /// before any work); publishing them, all or none, is left to the owner of `outputs`.
  /// Throws `ReportingError` or `OutputError`.
  public static func stage(
    _ documents: [ResultDocument], formats: [ExportFormat], in directory: String, into outputs: OutputSet,
    settings: ExportSettings
  ) throws {
    for document in documents {
      for format in formats {
        let path = path(stem: document.fileStem, format: format, in: directory)
        guard let target = outputs.targets.first(where: { $0.path == path }) else {
          preconditionFailure("\(path) is not one of the outputs")
        }
        try outputs.write(try resultFile(document, as: format, settings: settings), to: target)
      }
    }
  }

  /// The tables a format shows: a run's projection, targets and programme cost (CSV, being one
  /// rectangle, the projection with the cost by year as its last section); a comparison's table per
  /// alternative, each followed by its cost and cost-effectiveness tables (CSV: the differences,
  /// ending with the paired cost difference by year).
  static func tables(
    of document: ResultDocument, for format: ExportFormat, options: ReportOptions
  ) throws(ReportingError)
    -> [ReportTable]
  {
    switch document {
    case .comparison(let comparison):
      return try ReportTable.comparisons(
        of: comparison, options: options, includingCost: format != .csv,
        marksGoalposts: format != .csv && format != .xlsx)
    case .run(let run):
      var tables = [
        try ReportTable.projection(
          of: run, options: options, marksGoalposts: format != .csv && format != .xlsx, endsWithCostRow: format == .csv)
      ]
      guard format != .csv else { return tables }
      if !run.targets.isEmpty { tables.append(.targets(of: run, language: options.language)) }
      if run.cost.contains(where: { $0.p95 != 0 }) { tables.append(.cost(of: run, language: options.language)) }
      return tables
    }
  }
}
