import Foundation

/// Arrays of doubles as they are written in shard files: base64 of their little-endian IEEE 754
/// bit patterns. Exact (every bit kept, −0 and all), 8 bytes a value before base64 — about a
/// third of decimal JSON — and read without parsing a number per value, so merging many large
/// shards is bounded by the disk rather than by number parsing.
enum PackedDoubles {
  static func encode(_ values: [Double]) -> String {
    var bytes = [UInt8]()
    bytes.reserveCapacity(values.count * 8)
    for value in values {
      withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
    return Data(bytes).base64EncodedString()
  }

  /// The values, or nil when `text` is not base64 of a whole number of doubles.
  static func decode(_ text: String) -> [Double]? {
    guard let data = Data(base64Encoded: text), data.count % 8 == 0 else { return nil }
    return data.withUnsafeBytes { raw in
      (0..<(data.count / 8)).map {
        Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)))
      }
    }
  }
}

extension KeyedDecodingContainer {
  /// Decodes doubles written by `encodePacked(_:forKey:)`.
  func decodePacked(forKey key: Key) throws -> [Double] {
    let text = try decode(String.self, forKey: key)
    guard let values = PackedDoubles.decode(text) else {
      throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not base64 of whole doubles")
    }
    return values
  }
}

extension KeyedEncodingContainer {
  /// Encodes doubles as one base64 string (`PackedDoubles`).
  mutating func encodePacked(_ values: [Double], forKey key: Key) throws {
    try encode(PackedDoubles.encode(values), forKey: key)
  }
}
