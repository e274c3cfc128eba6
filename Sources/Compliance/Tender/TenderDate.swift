import DutchTime
import Foundation

/// A date-time in Europe/Amsterdam, with the text it was written as.
public struct TenderDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The text as written in the tender file.
    public var text: String
    /// The instant.
    public var date: Date
    /// False when only a date was written (the time was filled in: 00:00 or 23:59).
    public var hasTime: Bool

    public init(text: String, date: Date, hasTime: Bool) {
        self.text = text
        self.date = date
        self.hasTime = hasTime
    }

    /// Parses a tender file's date or date-time with ``DutchTime/parse(_:dateOnly:zone:)``. A date
    /// alone means the end of that day (23:59) when `deadline` is true, else its start (00:00).
    public static func parse(_ raw: String, deadline: Bool = false) -> TenderDate? {
        guard let moment = DutchTime.parse(raw, dateOnly: deadline ? .end : .start) else { return nil }
        return TenderDate(text: moment.text, date: moment.date, hasTime: moment.hasTime)
    }

    /// Whole calendar days from `self` to `other` in Europe/Amsterdam (dates only, times ignored).
    public func calendarDays(to other: TenderDate) -> Int {
        DutchTime.calendarDays(from: date, to: other.date)
    }

    /// `2021-04-01 09:00` in Europe/Amsterdam: the moment that is enforced.
    public var description: String { DutchTime.short(date) }

    public static func < (lhs: TenderDate, rhs: TenderDate) -> Bool { lhs.date < rhs.date }
}
