import Foundation
import Testing
import _TestSupport

/// The test harness itself: a child that fills one pipe while the other is being read must not
/// block (both pipes are read at once).
@Suite("Execution")
struct ExecutionTests {
  @Test func aChildFillingStandardErrorDoesNotBlock() throws {
    let script = "head -c 1000000 /dev/zero | tr '\\\\0' e >&2; echo done"
    let result = try execute(["-c", script], executable: URL(fileURLWithPath: "/bin/sh"))
    #expect(result.status == 0)
    #expect(result.stdout == "done\n")
    #expect(result.stderr.utf8.count == 1_000_000)
  }
}
