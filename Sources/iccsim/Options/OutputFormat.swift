import ArgumentParser
import CityModel
import Foundation
import Simulation

/// How `run` and `compare` print their results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv, md

  var fileExtension: String {
    switch self {
    case .table: "txt"
    case .json: "json"
    case .csv: "csv"
    case .md: "md"
    }
  }

  func render(_ result: RunResult, language: Language) throws -> String {
    switch self {
    case .json: try json(result)
    default: try json(result)
    }
  }

  func render(_ result: PlanComparison, language: Language) throws -> String {
    switch self {
    case .json: try json(result)
    default: try json(result)
    }
  }

  private func json(_ value: some Encodable) throws -> String {
    String(decoding: try ResultCoding.encoder().encode(value), as: UTF8.self) + "\n"
  }
}

/// Prints rendered results to standard output, or writes one file each into `out`.
func emit(_ rendered: [(name: String, text: String)], format: OutputFormat, out: String?, force: Bool) throws {
  guard let out else {
    for (_, text) in rendered { FileHandle.standardOutput.write(Data(text.utf8)) }
    return
  }
  let directory = URL(fileURLWithPath: out, isDirectory: true)
  do {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  } catch {
    throw OutputFileError(path: out, reason: "cannot create the directory (\(error.localizedDescription))")
  }
  for (name, text) in rendered {
    let file = directory.appendingPathComponent("\(name).\(format.fileExtension)")
    if FileManager.default.fileExists(atPath: file.path) && !force {
      throw OutputFileError(path: file.path, reason: "it exists; pass --force to replace it")
    }
    do {
      try Data(text.utf8).write(to: file, options: .atomic)
    } catch {
      throw OutputFileError(path: file.path, reason: error.localizedDescription)
    }
  }
}
