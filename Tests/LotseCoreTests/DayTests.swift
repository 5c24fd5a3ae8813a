import LotseCore
import Testing

/// Calendar days: parsed exactly as YYYY-MM-DD, printed the same way, ordered by time.
@Suite struct DayTests {
    @Test(arguments: ["2026-11-23", "2024-02-29", "2000-02-29", "1970-01-01", "1969-12-31", "0001-01-01", "9999-12-31", "2026-02-09"])
    func roundTrip(_ text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.description == text)
        #expect(Day(iso: day.description) == day)
        let c = day.components
        #expect(Day(year: c.year, month: c.month, day: c.day) == day)
    }

    @Test func knownOrdinals() throws {
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(Day(iso: "1969-12-31")?.ordinal == -1)
        #expect(Day(iso: "2000-03-01")?.ordinal == 11_017)
        #expect(Day(iso: "2026-11-23")?.ordinal == 20_780)
    }

    @Test func everyDayOfThreeCenturiesRoundTripsAndFollowsTheCalendar() throws {
        var previous = try #require(Day(iso: "1899-12-31"))
        let last = try #require(Day(iso: "2200-12-31"))
        var count = 0
        while previous < last {
            let day = previous.adding(days: 1)
            let (y, m, d) = day.components, (py, pm, pd) = previous.components
            let newMonth = d == 1 && (m == pm + 1 && y == py || m == 1 && pm == 12 && y == py + 1)
            if !(d == pd + 1 && m == pm && y == py || newMonth) {
                Issue.record("\(previous) is followed by \(day)")
                return
            }
            if Day(iso: day.description) != day { Issue.record("\(day) does not round-trip"); return }
            previous = day
            count += 1
        }
        // 301 years, 73 leap years among them (1900, 2100 and 2200 are not leap years, 2000 is).
        #expect(count == 301 * 365 + 73)
    }

    @Test(arguments: [("2024-02-29", true), ("2023-02-29", false), ("2000-02-29", true), ("1900-02-29", false),
                      ("2100-02-29", false), ("2400-02-29", true), ("1996-02-29", true)])
    func leapYears(text: String, valid: Bool) throws {
        #expect((Day(iso: text) != nil) == valid, "\(text)")
    }

    @Test(arguments: ["2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32",
                      "0000-01-01", "2026-1-01", "2026-01-1", "26-01-01", "20260-01-01", "2026/01/01", "2026-01-01 ",
                      " 2026-01-01", "2026-01-01-", "2026--01-01", "+026-01-01", "-026-01-01", "2026-0a-01",
                      "２０２６-01-01", "2026-٠١-01", "", "today"])
    func invalidDatesAreRejected(_ text: String) throws {
        #expect(Day(iso: text) == nil, "\(text)")
    }

    @Test func invalidComponentsAreRejected() throws {
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 2026, month: 0, day: 1) == nil)
        #expect(Day(year: 0, month: 1, day: 1) == nil)
        #expect(Day(year: 10_000, month: 1, day: 1) == nil)
        #expect(Day(year: 2026, month: 6, day: 31) == nil)
        #expect(Day(year: 2026, month: 6, day: 30) != nil)
    }

    @Test func ordering() throws {
        let a = try #require(Day(iso: "2026-02-08")), b = try #require(Day(iso: "2026-02-09")), c = try #require(Day(iso: "2027-01-01"))
        #expect(a < b)
        #expect(b < c)
        #expect(!(b < a))
        #expect(a <= a)
        #expect([c, a, b].sorted() == [a, b, c])
        #expect(a.adding(days: 1) == b)
        #expect(b.adding(days: -1) == a)
        #expect(try #require(Day(iso: "2025-12-31")).adding(days: 1) == Day(iso: "2026-01-01"))
        #expect(try #require(Day(iso: "2024-02-28")).adding(days: 1) == Day(iso: "2024-02-29"))
        #expect(try #require(Day(iso: "2023-02-28")).adding(days: 1) == Day(iso: "2023-03-01"))
    }
}
