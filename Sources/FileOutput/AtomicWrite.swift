import Foundation

/// Writes one whole file or nothing, through an `OutputSet` of one target: refused before
/// anything is written when a directory, special file or (without `force`) a file stands at the
/// path; complete under its name, or absent, afterwards.
public enum AtomicWrite {
  public static func write(_ data: Data, to path: String, force: Bool) throws(OutputError) {
    let set = try OutputSet([OutputTarget(path: path, force: force)])
    do {
      try set.write(data, to: set.targets[0])
    } catch {
      set.discard()
      throw error
    }
    try set.publish()
  }
}
