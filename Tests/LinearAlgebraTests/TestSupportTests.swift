import Testing
import _TestSupport

/// The helpers the numeric tests rely on, checked against values worked by hand.
@Suite struct TestSupportTests {
  @Test func correctDigitsIsTheLogRelativeError() {
    // |1.001 − 1|/1 = 1e-3 → 3 digits (to rounding of 1.001 − 1 in binary).
    #expect(abs(correctDigits(1.001, certified: 1) - 3) < 1e-12)
    #expect(correctDigits(2, certified: 2) == 15)
    // Certified 0: log absolute error.
    #expect(abs(correctDigits(1e-9, certified: 0) - 9) < 1e-12)
    // Wrong in the first digit, and NaN: no correct digits.
    #expect(correctDigits(-1, certified: 1) == 0)
    #expect(correctDigits(.nan, certified: 1) == 0)
    #expect(abs(minimumCorrectDigits([1.001, 2], certified: [1, 2]) - 3) < 1e-12)
  }

  /// SplitMix64's first outputs for seed 0 are published with the reference implementation
  /// (Vigna, prng.di.unimi.it/splitmix64.c): 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4.
  @Test func splitMixMatchesTheReferenceSequence() {
    var random = SplitMix64(seed: 0)
    #expect(random.next() == 0xE220_A839_7B1D_CDAF)
    #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    var other = SplitMix64(seed: 0)
    _ = other.next()
    _ = other.next()
    let value = other.nextSymmetricUnit()
    #expect(value >= -1 && value < 1)
  }

  @Test func assertCloseAcceptsWithinAndRejectsBeyondTolerance() {
    #expect(assertClose(1.0 + 1e-10, 1, relative: 1e-9, reason: "inside the relative tolerance"))
    #expect(assertClose([0, 1e-20], [0, 0], absolute: 1e-15, reason: "absolute tolerance near 0"))
    withKnownIssue("beyond tolerance must record an issue") {
      assertClose(1.1, 1, relative: 1e-3, reason: "10% off")
    }
    withKnownIssue("NaN is never close") {
      assertClose([1, .nan], [1, 1], relative: 1, reason: "NaN")
    }
    withKnownIssue("infinity is not close to a finite number") {
      assertClose(.infinity, 1, relative: 1, reason: "infinity")
    }
  }
}
