import Foundation

/// A date-time in Europe/Amsterdam, with the text it was written as.
public struct TenderDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The text as written in the tender file.
    public var text: String
    /// The instant.
    public var date: Date
    /// False when only a date was written (the time was filled in: 00:00 or 23:59).
    public var hasTime: Bool

    public static let timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 3600) ?? .current

    public static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    public init(text: String, date: Date, hasTime: Bool) {
        self.text = text
        self.date = date
        self.hasTime = hasTime
    }

    /// Parses `2021-04-01`, `2021-04-01 09:00`, `2021-04-01T09:00`, optionally with `:ss` and an
    /// offset (`+02:00`, `Z`). A date alone means 00:00, or 23:59 when `deadline` is true.
    public static func parse(_ raw: String, deadline: Bool = false) -> TenderDate? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= scalars.count else { return nil }
            var value = 0
            for scalar in scalars[index..<(index + digits)] {
                guard let digit = Int(String(scalar)), scalar.properties.numericType != nil, scalar.isASCII else { return nil }
                value = value * 10 + digit
            }
            index += digits
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < scalars.count, Character(scalars[index]) == character else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2) else { return nil }
        var components = DateComponents(year: year, month: month, day: day)
        var hasTime = false
        var zone = timeZone
        if index < scalars.count {
            guard expect(" ") || expect("T") || expect("t") else { return nil }
            while expect(" ") {}
            guard let hour = number(2), expect(":"), let minute = number(2) else { return nil }
            var second = 0
            if expect(":") {
                guard let value = number(2) else { return nil }
                second = value
            }
            guard hour < 24, minute < 60, second < 60 else { return nil }
            components.hour = hour
            components.minute = minute
            components.second = second
            hasTime = true
            while expect(" ") {}
            if index < scalars.count {
                if expect("Z") || expect("z") {
                    zone = TimeZone(secondsFromGMT: 0) ?? zone
                } else {
                    let sign: Int
                    if expect("+") { sign = 1 } else if expect("-") { sign = -1 } else { return nil }
                    guard let hours = number(2), expect(":") || true, let minutes = number(2), hours <= 14, minutes < 60,
                          let offsetZone = TimeZone(secondsFromGMT: sign * (hours * 3600 + minutes * 60)) else { return nil }
                    zone = offsetZone
                }
            }
            guard index == scalars.count else { return nil }
        } else {
            components.hour = deadline ? 23 : 0
            components.minute = deadline ? 59 : 0
            components.second = 0
        }
        guard (1...12).contains(month), day >= 1 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        components.timeZone = zone
        guard let date = calendar.date(from: components) else { return nil }
        // Reject overflowing dates such as 2021-02-30.
        let check = calendar.dateComponents([.year, .month, .day], from: date)
        guard check.year == year, check.month == month, check.day == day else { return nil }
        return TenderDate(text: text, date: date, hasTime: hasTime)
    }

    /// Whole calendar days from `self` to `other` in Europe/Amsterdam (dates only, times ignored).
    public func calendarDays(to other: TenderDate) -> Int {
        let calendar = Self.calendar
        let from = calendar.startOfDay(for: date), to = calendar.startOfDay(for: other.date)
        return calendar.dateComponents([.day], from: from, to: to).day ?? 0
    }

    /// `2021-04-01 09:00` in Europe/Amsterdam.
    public var description: String {
        let parts = Self.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }

    public static func < (lhs: TenderDate, rhs: TenderDate) -> Bool { lhs.date < rhs.date }
}
