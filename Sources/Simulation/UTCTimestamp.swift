import Foundation

/// A moment as the manifest records it: `YYYY-MM-DDTHH:MM:SSZ` in UTC, whole seconds (milliseconds
/// rounded, then dropped) — what `ISO8601DateFormatter` gives with its default options, without
/// loading ICU's date formatter (a measurable share of a short run's start-up).
public enum UTCTimestamp {
  /// The timestamp of `date`; tested against the formatter on moments of the years 1900 to 2399.
  public static func string(from date: Date) -> String {
    // The formatter works in whole milliseconds (rounded to nearest), then drops them.
    let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.toNearestOrAwayFromZero))
    let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
    let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
    let (day, dayOffset) = secondOfDay < 0 ? (days - 1, secondOfDay + 86_400) : (days, secondOfDay)
    let (year, month, dayOfMonth) = civilDate(daysSince1970: day)
    return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(dayOfMonth, 2) + "T"
      + padded(dayOffset / 3600, 2) + ":" + padded(dayOffset / 60 % 60, 2) + ":" + padded(dayOffset % 60, 2) + "Z"
  }

  /// The proleptic Gregorian date of a day counted from 1970-01-01 (days in 400-year eras of
  /// 146,097 days, years starting on 1 March so that the leap day ends the year).
  private static func civilDate(daysSince1970: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let shifted = daysSince1970 + 719_468  // days since 0000-03-01
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let marchMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
    let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  private static func padded(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
