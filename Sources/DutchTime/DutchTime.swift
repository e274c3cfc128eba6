import Foundation

/// The package's one clock: the Europe/Amsterdam time zone and calendar, the one parser of the
/// moments a user types (tender files, `--now`, `--time`, profiles, template data, signing
/// times), the parser of dates written in Dutch text, and the one formatter (Dutch, English, ISO).
///
/// The rule for a date written without a time: it stands for the END of that day (23:59) where
/// the value is a deadline (`DayPart.end`), and for the START of that day (00:00) everywhere
/// else (`DayPart.start`). Whatever prints such a value prints that moment.
public enum DutchTime {
    /// Europe/Amsterdam.
    public static let timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 3600)!
    /// UTC, for moments that signatures and certificates write without an offset.
    public static let utc: TimeZone = TimeZone(secondsFromGMT: 0)!

    /// The Gregorian calendar in Europe/Amsterdam.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    /// What a date written without a time stands for.
    public enum DayPart: Sendable, Hashable {
        /// 00:00 of that day.
        case start
        /// 23:59 of that day: a deadline.
        case end
    }

    /// A calendar date with an optional time of day, as written or as seen in a time zone.
    public struct Fields: Sendable, Hashable {
        public var year: Int
        public var month: Int
        public var day: Int
        public var hour: Int?
        public var minute: Int?
        public var second: Int?

        public init(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil, second: Int? = nil) {
            self.year = year
            self.month = month
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
        }
    }

    /// A moment a user typed: the instant, and how it was written.
    public struct Moment: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The text as written (trimmed).
        public let text: String
        /// The instant (whole seconds: a fraction written is read and dropped).
        public let date: Date
        /// False when only a date was written (the time was filled in by the `DayPart`).
        public let hasTime: Bool
        /// True when an offset (`Z`, `+02:00`, `+0200`) was written.
        public let hasOffset: Bool
        /// The date and time as written, before any offset or zone is applied.
        public let written: Fields

        public var description: String { text }
        public static func < (lhs: Moment, rhs: Moment) -> Bool { lhs.date < rhs.date }
    }

    // MARK: - Parsing what users type

    /// Parses every form of moment the package accepts:
    /// `2021-04-01` (a date alone: the start or the end of that day, see `dateOnly`),
    /// `2021-04-01 09:00`, `2021-04-01T09:00` (also `t`, and spaces after the date),
    /// optionally `:ss` and a fraction `.123` (dropped), then optionally (after spaces) an
    /// offset `Z`, `±hh:mm` or `±hhmm`. A time without offset is in `zone` (Europe/Amsterdam
    /// unless a caller documents otherwise, as signing times do: UTC).
    public static func parse(_ raw: String, dateOnly: DayPart = .start, zone: TimeZone = timeZone) -> Moment? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let s = Array(text.utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= s.count else { return nil }
            var value = 0
            for byte in s[i..<(i + digits)] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            i += digits
            return value
        }
        func expect(_ characters: String) -> Bool {
            guard i < s.count, characters.utf8.contains(s[i]) else { return false }
            i += 1
            return true
        }
        func spaces() { while expect(" ") {} }

        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var written = Fields(year: year, month: month, day: day)
        guard i < s.count else {
            let hour = dateOnly == .end ? 23 : 0, minute = dateOnly == .end ? 59 : 0
            let local = civilSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: 0)
            return Moment(text: text, date: Date(timeIntervalSince1970: TimeInterval(local - offset(ofLocal: local, in: zone))),
                          hasTime: false, hasOffset: false, written: written)
        }
        guard expect(" Tt") else { return nil }
        spaces()
        guard let hour = number(2), expect(":"), let minute = number(2), hour < 24, minute < 60 else { return nil }
        var second = 0
        if expect(":") {
            guard let value = number(2), value <= 60 else { return nil }
            second = value
            if expect(".,") {
                let start = i
                while i < s.count && s[i] >= 48 && s[i] <= 57 { i += 1 }
                guard i > start else { return nil }
            }
        }
        written.hour = hour
        written.minute = minute
        written.second = second
        spaces()
        var fixedOffset: Int?
        if i < s.count {
            if expect("Zz") {
                fixedOffset = 0
            } else {
                let sign: Int
                if expect("+") { sign = 1 } else if expect("-") { sign = -1 } else { return nil }
                guard let hours = number(2) else { return nil }
                _ = expect(":")
                guard let minutes = number(2), hours <= 14, minutes < 60 else { return nil }
                fixedOffset = sign * (hours * 3600 + minutes * 60)
            }
        }
        guard i == s.count else { return nil }
        let local = civilSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        let utcSeconds = local - (fixedOffset ?? offset(ofLocal: local, in: zone))
        return Moment(text: text, date: Date(timeIntervalSince1970: TimeInterval(utcSeconds)),
                      hasTime: true, hasOffset: fixedOffset != nil, written: written)
    }

    /// A date written in Dutch text: "12-04-2021", "12.04.2021", "12/04/2021", "2021-04-12",
    /// "12 april 2021". The result is noon of that day in Europe/Amsterdam.
    public static func dateInDutchText(_ text: String) -> Date? {
        func make(_ y: Int, _ m: Int, _ d: Int) -> Date? {
            guard (1...12).contains(m), (1...31).contains(d), y > 1900 else { return nil }
            return calendar.date(from: DateComponents(year: y, month: m, day: d, hour: 12))
        }
        if let r = text.range(of: #"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"#, options: .regularExpression) {
            let p = text[r].split(separator: "-").compactMap { Int($0) }
            if p.count == 3 { return make(p[0], p[1], p[2]) }
        }
        if let r = text.range(of: #"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b"#, options: .regularExpression) {
            let p = text[r].split(whereSeparator: { "-./".contains($0) }).compactMap { Int($0) }
            if p.count == 3 { return make(p[2], p[1], p[0]) }
        }
        let lower = text.lowercased()
        if let r = lower.range(of: #"\b(\d{1,2}) ("# + dutchMonths.joined(separator: "|") + #") (\d{4})\b"#, options: .regularExpression) {
            let p = lower[r].split(separator: " ")
            if p.count == 3, let d = Int(p[0]), let m = dutchMonths.firstIndex(of: String(p[1])), let y = Int(p[2]) { return make(y, m + 1, d) }
        }
        return nil
    }

    // MARK: - Formatting

    /// The one month table.
    public static let dutchMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
                                     "augustus", "september", "oktober", "november", "december"]
    public static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                       "August", "September", "October", "November", "December"]

    /// "mei" / "May" (a month out of range is clamped).
    public static func monthName(_ month: Int, english: Bool = false) -> String {
        (english ? englishMonths : dutchMonths)[max(0, min(11, month - 1))]
    }

    /// The date and time of `date` in Europe/Amsterdam (or `zone`).
    public static func fields(of date: Date, in zone: TimeZone = timeZone) -> Fields {
        let utcSeconds = Int(date.timeIntervalSince1970.rounded(.down))
        return fields(ofCivilSeconds: utcSeconds + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utcSeconds))))
    }

    /// "6 mei 2021" / "6 May 2021".
    public static func day(_ fields: Fields, english: Bool = false) -> String {
        "\(fields.day) \(monthName(fields.month, english: english)) \(fields.year)"
    }

    /// "6 mei 2021" (the day in Europe/Amsterdam).
    public static func day(_ date: Date, english: Bool = false) -> String {
        day(fields(of: date), english: english)
    }

    /// "6 mei 2021, 12:00 uur" / "6 May 2021, 12:00"; no hour written means 00:00.
    public static func dateTime(_ fields: Fields, english: Bool = false) -> String {
        let time = two(fields.hour ?? 0) + ":" + two(fields.minute ?? 0)
        return day(fields, english: english) + ", " + time + (english ? "" : " uur")
    }

    /// "6 mei 2021, 12:00 uur" / "6 May 2021, 12:00" in Europe/Amsterdam.
    public static func dateTime(_ date: Date, english: Bool = false) -> String {
        dateTime(fields(of: date), english: english)
    }

    /// "2021-04-01 09:00" in Europe/Amsterdam.
    public static func short(_ date: Date) -> String {
        let f = fields(of: date)
        return "\(four(f.year))-\(two(f.month))-\(two(f.day)) \(two(f.hour ?? 0)):\(two(f.minute ?? 0))"
    }

    /// ISO 8601 with the offset of `zone` at that moment: "2021-05-06T12:00:00+02:00"
    /// (Europe/Amsterdam), "2021-05-06T10:00:00Z" (UTC). Fractions of a second are dropped.
    public static func iso(_ date: Date, in zone: TimeZone = timeZone) -> String {
        let utcSeconds = Int(date.timeIntervalSince1970.rounded(.down))
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utcSeconds)))
        let f = fields(ofCivilSeconds: utcSeconds + offset)
        var text = "\(four(f.year))-\(two(f.month))-\(two(f.day))T\(two(f.hour ?? 0)):\(two(f.minute ?? 0)):\(two(f.second ?? 0))"
        if offset == 0 {
            text += "Z"
        } else {
            let minutes = abs(offset) / 60
            text += (offset < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
        }
        return text
    }

    // MARK: - Calendar arithmetic

    /// A UTC date from its fields (certificates write UTC times).
    public static func utcDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(civilSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)))
    }

    /// Whole calendar days in Europe/Amsterdam from the day of `from` to the day of `to`.
    public static func calendarDays(from: Date, to: Date) -> Int {
        calendar.dateComponents([.day], from: calendar.startOfDay(for: from), to: calendar.startOfDay(for: to)).day ?? 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Seconds since 1970 of a civil date-time read as UTC (Howard Hinnant's days-from-civil).
    static func civilSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        return days * 86400 + hour * 3600 + minute * 60 + second
    }

    /// The civil fields of seconds since 1970 read as UTC (civil-from-days).
    static func fields(ofCivilSeconds total: Int) -> Fields {
        var days = total / 86400
        var seconds = total % 86400
        if seconds < 0 { seconds += 86400; days -= 1 }
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return Fields(year: year, month: month, day: day, hour: seconds / 3600, minute: seconds / 60 % 60, second: seconds % 60)
    }

    /// The offset of `zone` for a local civil time.
    static func offset(ofLocal local: Int, in zone: TimeZone) -> Int {
        func offset(at seconds: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))) }
        // The offsets in force a day before and a day after cover both sides of a change.
        let candidates = Set([offset(at: local - 86400), offset(at: local), offset(at: local + 86400)])
        let valid = candidates.filter { offset(at: local - $0) == $0 }
        // Repeated hour: the larger offset is the first occurrence. Skipped hour: the smaller
        // offset (the one before the change) moves the time forward, as clocks do.
        return valid.max() ?? candidates.min() ?? 0
    }

    static func two(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }
    static func four(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n) }
}
