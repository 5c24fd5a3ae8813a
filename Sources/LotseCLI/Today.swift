import ArgumentParser
import Foundation
import LotseCore

/// The doors own the clock; the core is told the date.
enum Today {
    /// `override` when given (it must be YYYY-MM-DD), else today.
    static func day(_ override: String?) throws -> Day {
        guard let override else { return now }
        guard let d = Day(iso: override) else { throw ValidationError("'\(override)' is not a date of the form YYYY-MM-DD") }
        return d
    }

    /// Today by the system clock (UTC).
    static var now: Day {
        let seconds = Int(Date().timeIntervalSince1970)
        return Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
    }
}
