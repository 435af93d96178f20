import CityModel
import Foundation

extension PartialRun {
  /// Decodes a partial result, or its `PartialRunHeader`, from the bytes of `file`. Bytes that
  /// do not decode are an `InputError` naming the file: not a JSON object, not a partial result
  /// (another document's `kind`), or a damaged partial result.
  public static func decode<Part: Decodable>(_ type: Part.Type, from data: Data, file: String) throws -> Part {
    func problem(_ message: String) -> InputError {
      InputError(problems: [InputProblem(file: file, message: message)])
    }
    let decoder = ResultCoding.decoder()
    do {
      return try decoder.decode(Part.self, from: data)
    } catch {
      // Only a file that does not decode is read a second time, for its `kind`.
      guard let kind = try? decoder.decode(DocumentKind.self, from: data) else { throw problem("not a JSON object") }
      guard kind.kind == PartialRun.kindTag else {
        throw problem("not a partial result (write one with `iccsim run SCENARIO --shard K/N --out FILE`)")
      }
      throw problem("a damaged partial result (\(error))")
    }
  }
}

/// The `kind` tag of a JSON document, read before the rest.
private struct DocumentKind: Decodable {
  var kind: String?
}
