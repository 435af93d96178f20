import Foundation
import Simulation
import Testing

/// The manifest's date is formatted without `ISO8601DateFormatter` but must read exactly as it did.
@Suite struct UTCTimestampTests {
  @Test func knownMomentsAreWrittenInUTCWithWholeSeconds() {
    #expect(UTCTimestamp.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    #expect(UTCTimestamp.string(from: Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
    #expect(UTCTimestamp.string(from: Date(timeIntervalSince1970: 951_825_599.999)) == "2000-02-29T11:59:59Z")
    #expect(UTCTimestamp.string(from: Date(timeIntervalSince1970: 4_107_542_400)) == "2100-03-01T00:00:00Z")
  }

  @Test func agreesWithISO8601DateFormatterOnManyMoments() {
    let reference = ISO8601DateFormatter()
    var generator = SystemRandomNumberGenerator()
    // 1900-01-01 to 2400-01-01, plus every day boundary around the leap days of 1900, 2000 and 2100.
    let range = -2_208_988_800.0..<13_569_465_600.0
    var moments = (0..<20_000).map { _ in Double.random(in: range, using: &generator) }
    for year in [1900, 2000, 2100] {
      let marchFirst = DateComponents(
        calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: year, month: 3, day: 1
      ).date!.timeIntervalSince1970
      moments += stride(from: marchFirst - 3 * 86_400, through: marchFirst + 86_400, by: 0.25 * 86_400)
        .flatMap { [$0 - 0.001, $0, $0 + 0.999] }
    }
    let disagreements = moments.map { Date(timeIntervalSince1970: $0) }
      .filter { UTCTimestamp.string(from: $0) != reference.string(from: $0) }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(5).map { "\($0.timeIntervalSince1970)" })")
  }
}
