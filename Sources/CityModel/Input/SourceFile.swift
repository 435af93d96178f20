import Foundation

/// A file being read, with the path under which messages name it.
struct SourceFile: Hashable, Sendable {
  /// Absolute, standardised location: identifies the file (for `extends` loops and the manifest).
  var url: URL
  /// How messages name the file: relative to the working directory when the file lies below it.
  var displayPath: String

  init(url: URL) {
    self.url = url.standardizedFileURL
    displayPath = Self.displayPath(for: self.url)
  }

  /// The file a path written inside this file points at: paths are relative to the file.
  func resolving(_ path: String) -> SourceFile {
    if path.hasPrefix("/") { return SourceFile(url: URL(fileURLWithPath: path)) }
    return SourceFile(url: url.deletingLastPathComponent().appendingPathComponent(path))
  }

  static func displayPath(for url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let path = url.path
    let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}

/// A place in a source file.
struct SourceLocation: Hashable, Sendable {
  var file: SourceFile
  var line: Int?
  var column: Int?

  init(file: SourceFile, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }
}
