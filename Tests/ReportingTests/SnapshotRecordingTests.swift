import Foundation
import Testing

/// The snapshot helper itself: recording writes the golden file and fails, so a run with
/// ICCSIM_RECORD_SNAPSHOTS=1 can never be mistaken for a passing comparison.
@Suite("Snapshot recording")
struct SnapshotRecordingTests {
  @Test func recordingWritesTheFileAndFails() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    withKnownIssue("a recorded snapshot fails the test that recorded it") {
      try assertSnapshot("recorded text\n", named: "recorded.txt", recording: true, in: folder)
    }
    let written = try String(contentsOf: folder.appendingPathComponent("recorded.txt"), encoding: .utf8)
    #expect(written == "recorded text\n")
    // Compared afterwards, the recorded file matches without an issue.
    try assertSnapshot("recorded text\n", named: "recorded.txt", recording: false, in: folder)
  }
}
