import ArgumentParser
import Foundation
import LotseCore

/// The doors own the clock; the core is told the date.
enum Today {
    static func day(_ override: String?) throws -> Day {
        if let override {
            guard let d = Day(iso: override) else { throw ValidationError("'\(override)' is not a date of the form YYYY-MM-DD") }
            return d
        }
        let seconds = Int(Date().timeIntervalSince1970)
        return Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
    }
}
