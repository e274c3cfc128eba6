import DutchTime
import Foundation
import Testing

@Suite struct DutchTimeTests {
    func iso(_ text: String, _ dateOnly: DutchTime.DayPart = .start, zone: TimeZone = DutchTime.timeZone) -> String? {
        DutchTime.parse(text, dateOnly: dateOnly, zone: zone).map { DutchTime.iso($0.date) }
    }

    @Test func everyWrittenFormIsAccepted() {
        #expect(iso("2021-05-06") == "2021-05-06T00:00:00+02:00")
        #expect(iso("2021-05-06", .end) == "2021-05-06T23:59:00+02:00")
        #expect(iso("2021-05-06 12:00") == "2021-05-06T12:00:00+02:00")
        #expect(iso("2021-05-06T12:00") == "2021-05-06T12:00:00+02:00")
        #expect(iso("2021-05-06t12:00:30") == "2021-05-06T12:00:30+02:00")
        #expect(iso("2021-05-06  12:00") == "2021-05-06T12:00:00+02:00")
        #expect(iso(" 2021-05-06 12:00:00.123456 ") == "2021-05-06T12:00:00+02:00")
        #expect(iso("2021-05-06T10:00:00Z") == "2021-05-06T12:00:00+02:00")
        #expect(iso("2021-05-06T10:00:00z") == "2021-05-06T12:00:00+02:00")
        #expect(iso("2021-05-06T12:00:00+02:00") == "2021-05-06T12:00:00+02:00")
        #expect(iso("2021-05-06T12:00:00+0200") == "2021-05-06T12:00:00+02:00")
        #expect(iso("2021-05-06 12:00 +02:00") == "2021-05-06T12:00:00+02:00")
        #expect(iso("2021-05-06T05:00-05:00") == "2021-05-06T12:00:00+02:00")
        #expect(iso("2021-01-15 09:00") == "2021-01-15T09:00:00+01:00")
    }

    @Test func rejectsWhatIsNotAMoment() {
        for text in ["", "yesterday", "2021-5-06", "2021-02-30", "2021-13-01", "2021-05-06 24:00", "2021-05-06 12", "2021-05-06 12:60",
                     "2021-05-06T12:00+15:00", "2021-05-06T12:00:00.", "2021-05-06X12:00", "2021-05-06 12:00 x"] {
            #expect(DutchTime.parse(text) == nil, "\(text)")
        }
        #expect(DutchTime.parse("2020-02-29") != nil)
    }

    @Test func keepsHowItWasWritten() throws {
        let dateOnly = try #require(DutchTime.parse("2020-10-01", dateOnly: .end))
        #expect(!dateOnly.hasTime && !dateOnly.hasOffset && dateOnly.text == "2020-10-01")
        #expect(dateOnly.written == DutchTime.Fields(year: 2020, month: 10, day: 1))
        let timed = try #require(DutchTime.parse("2020-10-01T09:30:15+00:00"))
        #expect(timed.hasTime && timed.hasOffset)
        #expect(timed.written == DutchTime.Fields(year: 2020, month: 10, day: 1, hour: 9, minute: 30, second: 15))
    }

    @Test func signingTimesWithoutOffsetCanBeUTC() {
        #expect(DutchTime.parse("2018-08-31T22:38:51.034635578", zone: DutchTime.utc).map { DutchTime.iso($0.date, in: DutchTime.utc) } == "2018-08-31T22:38:51Z")
        #expect(DutchTime.parse("2012-12-13T15:54:03+01:00", zone: DutchTime.utc).map { DutchTime.iso($0.date, in: DutchTime.utc) } == "2012-12-13T14:54:03Z")
        #expect(DutchTime.parse("2016-12-31T23:59:60Z").map { DutchTime.iso($0.date, in: DutchTime.utc) } == "2017-01-01T00:00:00Z")
    }

    @Test func summerTimeChanges() {
        // The skipped hour moves forward; the repeated hour is its first occurrence.
        #expect(iso("2021-03-28 02:30") == "2021-03-28T03:30:00+02:00")
        #expect(iso("2021-10-31 02:30") == "2021-10-31T02:30:00+02:00")
        #expect(iso("2021-10-31 03:30") == "2021-10-31T03:30:00+01:00")
    }

    @Test func formatsInDutchAndEnglish() throws {
        let moment = try #require(DutchTime.parse("2021-05-06 12:00"))
        #expect(DutchTime.dateTime(moment.date) == "6 mei 2021, 12:00 uur")
        #expect(DutchTime.dateTime(moment.date, english: true) == "6 May 2021, 12:00")
        #expect(DutchTime.day(moment.date) == "6 mei 2021")
        #expect(DutchTime.short(moment.date) == "2021-05-06 12:00")
        #expect(DutchTime.iso(moment.date, in: DutchTime.utc) == "2021-05-06T10:00:00Z")
        #expect(DutchTime.dateTime(DutchTime.Fields(year: 2020, month: 10, day: 1)) == "1 oktober 2020, 00:00 uur")
        let end = try #require(DutchTime.parse("2020-10-01", dateOnly: .end))
        #expect(DutchTime.dateTime(end.date) == "1 oktober 2020, 23:59 uur")
    }

    @Test func datesInDutchText() {
        let noon = { (text: String) in DutchTime.dateInDutchText(text).map { DutchTime.iso($0) } }
        #expect(noon("Datum uittreksel: 12 april 2021") == "2021-04-12T12:00:00+02:00")
        #expect(noon("d.d. 12-04-2021") == "2021-04-12T12:00:00+02:00")
        #expect(noon("12.4.2021") == "2021-04-12T12:00:00+02:00")
        #expect(noon("2021-04-12") == "2021-04-12T12:00:00+02:00")
        #expect(noon("geen datum") == nil)
    }

    @Test func calendarDaysCountDaysNotHours() throws {
        let a = try #require(DutchTime.parse("2021-04-01 23:59")), b = try #require(DutchTime.parse("2021-04-02 00:01"))
        #expect(DutchTime.calendarDays(from: a.date, to: b.date) == 1)
        #expect(DutchTime.utcDate(year: 2009, month: 8, day: 21, hour: 9, minute: 46, second: 20) == DutchTime.parse("2009-08-21T09:46:20Z")?.date)
    }
}
