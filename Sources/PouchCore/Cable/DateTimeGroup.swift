import Foundation

/// A military date-time group as telegrams print it: `231553Z FEB 01` (day, hour, minute,
/// Zulu time, month, two-digit year).
public struct DateTimeGroup: Sendable, Hashable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// The date-time group of a moment, in UTC (what a draft gets when it is stored or sent).
    public init(_ date: Date) {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!)
    }

    static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    /// Parses `231553Z FEB 01`. A two-digit year is read in 1950…2049 unless `centuryHint`
    /// (a four-digit year known from elsewhere) says otherwise.
    public init?(_ text: some StringProtocol, centuryHint: Int? = nil) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count >= 3 else { return nil }
        let stamp = parts[0]
        guard stamp.count == 7, stamp.last == "Z" || stamp.last == "z",
            let digits = Int(stamp.dropLast())
        else { return nil }
        let day = digits / 10000
        let hour = (digits / 100) % 100
        let minute = digits % 100
        guard let monthIndex = Self.monthNames.firstIndex(of: parts[1].uppercased()) else { return nil }
        guard parts[2].count == 2 || parts[2].count == 4, let yy = Int(parts[2]) else { return nil }
        var year = yy
        if parts[2].count == 2 {
            if let hint = centuryHint, abs((hint / 100) * 100 + yy - hint) <= 1 {
                year = (hint / 100) * 100 + yy
            } else {
                year = yy >= 50 ? 1900 + yy : 2000 + yy
            }
        }
        guard (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.init(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute)
        guard date != nil else { return nil }
    }

    /// The instant in UTC, or nil when the fields name no real day (31 FEB).
    public var date: Date? {
        var components = DateComponents()
        components.calendar = Calendar.utc
        components.timeZone = TimeZone(identifier: "UTC")
        components.year = year
        components.month = month
        components.day = day
        components.hour = hour
        components.minute = minute
        guard components.isValidDate(in: Calendar.utc) else { return nil }
        return Calendar.utc.date(from: components)
    }

    /// `231553Z FEB 01`.
    public var description: String {
        let stamp = String(format: "%02d%02d%02dZ", day, hour, minute)
        return "\(stamp) \(Self.monthNames[month - 1]) \(String(format: "%02d", year % 100))"
    }

    /// ISO 8601 in UTC: `2001-02-23T15:53:00Z`.
    public var iso8601: String {
        String(format: "%04d-%02d-%02dT%02d:%02d:00Z", year, month, day, hour, minute)
    }

    /// The day, without the time (its `iso8601` is `2001-02-23`).
    public var calendarDay: CalendarDay { CalendarDay(year: year, month: month, day: day) }

    /// The day and the time as pages show them: `2001-02-23 15:53Z`.
    public var dayAndTime: String { calendarDay.iso8601 + String(format: " %02d:%02dZ", hour, minute) }
}

extension Calendar {
    /// A Gregorian calendar in UTC, the only calendar cables use.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

/// A calendar day, as in a declassification date (`02/22/2011`).
public struct CalendarDay: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `MM/DD/YYYY` (or a two-digit year), as on an E.O. line.
    public init?(usDate text: some StringProtocol) {
        var parts = text.split(separator: "/")
        // Some cables write YYYY/MM/DD.
        if parts.count == 3, parts[0].count == 4 { parts = [parts[1], parts[2], parts[0]] }
        guard parts.count == 3, let m = Int(parts[0]), let d = Int(parts[1]), var y = Int(parts[2]) else { return nil }
        if parts[2].count == 2 { y += y >= 50 ? 1900 : 2000 }
        guard (1...12).contains(m), (1...31).contains(d), (1900...2199).contains(y) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses ISO `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `MM/DD/YYYY`.
    public var usFormat: String { String(format: "%02d/%02d/%04d", month, day, year) }
    /// `YYYY-MM-DD`.
    public var iso8601: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public var description: String { iso8601 }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
